"""Qt-free compliance rules: rule packs (data files), checks, findings and remedies."""

from planner.rules.checks import check_project
from planner.rules.findings import CheckResult, Finding
from planner.rules.pack import RulePack, RulePackError, available_rule_packs, load_rule_pack

__all__ = [
           "CheckResult",
           "Finding",
           "RulePack",
           "RulePackError",
           "available_rule_packs",
           "check_project",
           "load_rule_pack",
]
