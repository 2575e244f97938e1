"""The recommendations export for the annual scrutiny report: the action log's streaming CSV and XLSX
(actions/exports.py), with a recommendation's columns."""

from actions.exports import item_label

COLUMNS = [
    *("Ref", "Meeting date", "Item", "Report", "No.", "Recommendation", "To", "Portfolio holder / lead"),
    *("Response due", "Response", "Response date", "Decided by", "Response text", "Plan", "By when"),
    *("RAG", "Outcome", "Outcome date"),
]
WIDTHS = [16, 13, 30, 30, 6, 60, 24, 28, 13, 16, 13, 20, 50, 40, 13, 8, 18, 13]


def row(recommendation):
    r = recommendation
    return [
        r.reference,
        r.made_on,
        item_label(r.source_item),
        r.report_title,
        r.number,
        r.text,
        r.body.name,
        r.lead_display,
        r.response_due_on,
        r.get_response_display() or ("Overdue" if r.response_overdue() else "Awaited"),
        r.response_on,
        r.response_by,
        r.response_text,
        r.plan_what,
        r.plan_by,
        r.get_rag_display(),
        r.get_outcome_display(),
        r.outcome_on,
    ]
