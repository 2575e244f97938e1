"""Shared by the chasing tests: reading what arrived, and the state that bad input must leave untouched."""

import re

from actions.models import Action, ActionUpdate
from chasing.models import Evidence, SentReminder, UpdateRequest

LINK = re.compile(r"https?://[^\s\"<>]+/chasing/update/[^\s\"<>/]+/")


def parts(message):
    """The plain-text and HTML bodies of a parsed message."""
    return (
        message.get_body(preferencelist=("plain",)).get_content(),
        message.get_body(preferencelist=("html",)).get_content(),
    )


def link_in(message):
    """The update link's path, read from the plain-text part as an owner would click it."""
    text, _ = parts(message)
    return "/" + LINK.search(text).group(0).split("/", 3)[3]


def db_state(media_root=None):
    models = (Action, ActionUpdate, Evidence, UpdateRequest, SentReminder)
    state = {m.__name__: list(m.objects.order_by("pk").values()) for m in models}
    if media_root is not None:
        state["files"] = sorted(str(p) for p in media_root.rglob("*") if p.is_file()) if media_root.exists() else []
    return state


def subject(message):
    """The subject as a mail client shows it (a long encoded subject is folded onto a continuation line)."""
    return " ".join(str(message["Subject"]).split())
