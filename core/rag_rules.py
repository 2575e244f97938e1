"""The RAG a record suggests for itself: the rules, written once, for actions and recommendations.

docs/model.md states them for people. The first rule that applies gives the suggestion:

1. Completed (done and awaiting discharge, discharged, or implemented) → Green.
2. Overdue by more than RED_AFTER_DAYS days, or its due point moved later RED_AFTER_DEFERRALS times or more → Red.
3. Overdue (the UK day it was due has ended) → at least Amber.
4. Otherwise the rules suggest nothing: the RAG is the owner's and the committee's judgement.

"Deferrals" count the timeline entries where the due point moved later (or was taken away).
A RAG agrees with the suggestion when it is the suggestion, or worse than "at least Amber" (Red); setting one
that does not agree needs a reason, which goes on the timeline.
"""

RED, AMBER, GREEN = "red", "amber", "green"
RED_AFTER_DAYS = 30
RED_AFTER_DEFERRALS = 2


def suggest(due_on, today, deferrals=0, completed=False):
    """The suggested RAG ("red", "amber", "green"), or "" where the rules have nothing to say."""
    if completed:
        return GREEN
    days_late = (today - due_on).days if due_on is not None else 0
    if days_late > RED_AFTER_DAYS or deferrals >= RED_AFTER_DEFERRALS:
        return RED
    if days_late > 0:
        return AMBER
    return ""


def agrees(suggested, rag):
    """Whether a RAG may be set without a reason: no suggestion, the suggestion, or Red where Amber is the floor."""
    return not suggested or rag == suggested or (suggested == AMBER and rag == RED)


def is_deferral(due_before, due_after):
    """A timeline entry moved the due point later, or took it away."""
    return due_before is not None and (due_after is None or due_after > due_before)


def reason_needed(suggested, rag):
    """The message a form shows when a RAG that disagrees comes without a reason."""
    return f"The rules suggest {suggested.title()}. Say why it should be {rag.title()}."
