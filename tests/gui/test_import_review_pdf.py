"""A vector PDF plan goes through the same import review as a DXF: its groups of lines stand for layers."""

from __future__ import annotations

from pathlib import Path

from tests.unit.pdf_fixtures import vector_plan_pdf


def test_the_editor_reviews_a_vector_pdf_by_its_groups_and_imports_again(qtbot, tmp_path: Path) -> None:
    from tests.gui.helpers import make_editor

    window, dialogs = make_editor(qtbot, tmp_path)
    path = vector_plan_pdf(tmp_path / "plan.pdf", style="mixed")
    seen = {}
    real = dialogs.review_import

    def review(parent, entries, **kw):
        assert kw["result"] is not None and kw["reimport"] is not None  # groups and rerun on offer
        groups = {row["layer"] for row in kw["result"].details["layers"]}
        assert {"fill #595959", "line 0.25pt #000000", "line 0.18pt #000000"} <= groups
        again = kw["reimport"]({"ignore_layers": ["line 0.18pt #000000"]})  # "ignore" on the thin pen
        seen["result"] = again
        uses, _ = real(parent, again.review, private_uses=kw["private_uses"], result=again)
        return uses, again

    dialogs.review_import = review
    assert window.files.import_plan(path)
    level = window.project.levels[0]
    assert window.project is seen["result"].project
    assert (len(level.walls), len(level.openings)) == (9, 0)  # the swings were on the ignored pen
    assert sorted(z.use for z in level.zones) == ["office", "restroom", "restroom"]
