"""Qt-free print output (reportlab): signs, placement guide, compliance report.

Public API (each ``write_*`` writes atomically and returns the page count; each
``*_pdf_bytes`` returns ``(pdf_bytes, pages)`` for printing from the editor):

- :func:`planner.output.signs.write_signs_pdf`, :func:`planner.output.signs.signs_pdf_bytes`
- :func:`planner.output.guide.write_guide_pdf`, :func:`planner.output.guide.guide_pdf_bytes`
- :func:`planner.output.report.write_report_pdf`, :func:`planner.output.report.report_pdf_bytes`
- :func:`planner.output.schedules.build_schedules`, ``write_csv``, ``write_xlsx``, ``xlsx_bytes``

Every function takes an optional ``result`` (a :class:`planner.rules.CheckResult`)
so that a caller who has just run the checks does not run them again; the guide
and the report also take the long-lived ``engine`` whose coverage they draw.
"""
