"""Telling a person's name from a post: "Jane Smith", "Cllr A Khan", "Head of Planning"."""

from __future__ import annotations

import re
from functools import lru_cache

from core.vocabulary import HONORIFIC_WORDS

from .vocabulary import HONORIFIC, NOT_NAME, POST_HEADS, POST_WORDS


def looks_like_post(text: str) -> bool:
    words = [w.lower().strip(",.()") for w in text.split()]
    return bool(words) and words[0] in POST_WORDS | {"the"} and any(w in POST_WORDS for w in words)


def strip_honorific(name: str) -> tuple[str, bool]:
    m = re.match(rf"^{HONORIFIC}\s+", name)
    if not m:
        return name, False
    rest = name[m.end() :].strip()
    is_cllr = bool(re.search(r"councillor|cllr", m.group(0), re.I))
    # Keep "Councillor Smith" whole: a bare surname reads badly on its own.
    return (rest if len(rest.split()) >= 2 else name.strip()), is_cllr


def plausible_name(name: str) -> bool:
    if not name or len(name) > 60 or re.search(r"\d", name):
        return False
    words = name.split()
    if not 1 <= len(words) <= 6 or not words[-1][:1].isupper():
        return False
    return not re.match(r"^(?:none|no\s|nil|n/a|there\s|all\s|the\s+committee)", name, re.I)


# Parenthesised notes after a name that are not the person's post.
NOT_A_TITLE = re.compile(
    r"^(?:labour|lab|conservatives?|con|liberal\s+democrats?|lib\s*dems?|ld|green(?:\s+party)?|independent|ind|"
    r"plaid(?:\s+cymru)?|reform(?:\s+uk)?|snp|[\w\s]*\bchair\w*|[\w\s-]*\bconven[eo]r|in\s+the\s+chair|"
    r"vice[- ]?chair\w*|sub\b.*|"
    r"substitut.*|deputising.*|ex[- ]officio|remote\w*|virtual\w*|online|via\s.*|part|from\s.*|until\s.*|"
    r"left\s.*|arrived\s.*|for\s+(?:part|items?)\b.*|items?\s.*|non-voting|voting|observer|.*\bward\b.*|"
    r"minute\s.*|\d.*)$",
    re.I,
)


def bracketed_name(text: str) -> bool:
    """ "Chief Executive (Jane Smith)" names its holder in brackets; "Service Manager (Parks)" does not."""
    notes = re.findall(r"\(([^()]{0,200})\)", text)
    return any(person_like(n) and 2 <= len(n.split()) <= 3 and not re.search(r"\s(?:and|&)\s", n) for n in notes)


def post_like(text: str) -> bool:
    """A job title rather than a name: "Head of Planning", "Community Safety Manager", "Healthwatch" is not."""
    words = [w.lower().strip(",.()") for w in text.split()]
    if not words:
        return False
    if looks_like_post(text):
        return True
    return len(words) >= 2 and (
        words[-1] in POST_HEADS
        or any(w in {"of", "for"} for w in words[1:-1])
        and any(w in POST_WORDS | POST_HEADS for w in words)
    )


def person_like(text: str) -> bool:
    """A name on its own: "Cllr A Khan", "J. Smith", "Jane Smith"; not "Education and Inclusion"."""
    text = text.strip()
    if re.match(rf"^{HONORIFIC}\s", text):
        return True
    parts = re.split(r"\s+(?:and|&)\s+", text)
    for part in parts:
        words = part.split()
        # One bare word ("Learning" in "Skills and Learning") is not a name without "Councillor" before it.
        if not 2 <= len(words) <= 4 or not all(w[:1].isupper() for w in words):
            return False
        if any(w.lower().strip(".") in NOT_NAME | POST_WORDS | POST_HEADS for w in words):
            return False
    return True


def initials_of(name: str) -> str:
    words = [w for w in re.split(r"[\s.]+", name) if w and w.lower() not in HONORIFIC_WORDS]
    return "".join(w[0].upper() for w in words if w[0].isalpha())


def same_person(a: str, b: str) -> bool:
    first_a, last_a = name_parts(a)
    first_b, last_b = name_parts(b)
    if not last_a or last_a.lower() != last_b.lower():
        return False
    return not (first_a and first_b and first_a[0].lower() != first_b[0].lower())


def take_title(text: str) -> str:
    """The post title at the start of text: capitalised words joined by of/for/and/&."""
    out: list[str] = []
    for word in text.split()[:14]:
        core = word.rstrip(",.;:)")
        low = core.lower()
        if low in HONORIFIC_WORDS:
            break
        if core[:1].isupper() or core == "&" or (low in {"of", "for", "and", "the"} and out):
            out.append(core)
        else:
            break
        if core != word:
            break
    while out and out[-1].lower() in {"of", "for", "and", "the", "&"}:
        out.pop()
    return " ".join(out)


@lru_cache(maxsize=1024)
def name_parts(name: str) -> tuple[str | None, str]:
    words = [w for w in re.sub(r"[.,]", " ", name).split() if w.lower() not in HONORIFIC_WORDS]
    if not words:
        return None, ""
    return (words[0] if len(words) > 1 else None), words[-1]
