"""Stage 10, rate_confidence: say why each action was proposed and whether the clerk should check it.

Every action carries a ``cue`` (the rule and the words that made it an action: "RESOLVED: … be brought",
"undertook to", "tracker row") and a ``confidence``: "low" where the owner is not known, where the owner was
inferred (the speaker of a promise, the author of the report), or where the cue is one that is often wrong.
The review screen shows the cue and tags low-confidence proposals "Check this".
"""

from __future__ import annotations

from .document import Document


def rate_confidence(doc: Document) -> None:
    for item in doc.parsed_items:
        for action in item["actions"]:
            sure = action.pop("_sure", True)
            action["cue"] = action.pop("_cue", None) or "decision"
            action["confidence"] = "high" if sure and action["owner"] else "low"
