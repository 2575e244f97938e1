"""The people register and the one way a typed or printed name is matched to a person in it.

Used by the clerk's "make this an action" owner box and by the minutes importer alike, so
"Councillor Lancaster", "Cllr K Smith" or "Head of Housing" find the same person either way.
"""

import difflib
import re

from core.vocabulary import COUNCILLOR_TITLES, HONORIFIC_WORDS

from .models import Person


def owner_people():
    """Who can own an action: active officers and councillors."""
    return Person.objects.filter(active=True, kind__in=[Person.Kind.OFFICER, Person.Kind.COUNCILLOR]).order_by("name")


def owner_label(person):
    return f"{person.display_name}, {person.job_title}" if person.job_title else person.display_name


def find_owner(text, people):
    """The person a typed owner names (their list label, a name or a post that fits one person); None: a post."""
    wanted = " ".join(text.lower().split())
    by_label = {owner_label(p).lower(): p for p in people}
    if wanted in by_label:
        return by_label[wanted]
    register = Register(people)
    return register.match(text) or register.match_post(text)


CLOSE_MATCHES = 5


def close_matches(text, people, limit=CLOSE_MATCHES):
    """The people a typed owner might mean, best first: anyone sharing a word of the name with it, then names
    and posts that are spelled alike (difflib), so "Richards", "J Richard" or "Jeanete Richards" all find her."""
    words = set(_name_words(text))
    wanted = " ".join(text.lower().split())
    sharing = [p for p in people if words & set(_name_words(p.name))]

    def likeness(person):
        names = [" ".join(_name_words(person.name)), person.name.lower(), (person.job_title or "").lower()]
        return max(difflib.SequenceMatcher(None, wanted, name).ratio() for name in names if name)

    alike = sorted((p for p in people if p not in sharing and likeness(p) >= 0.6), key=likeness, reverse=True)
    return (sorted(sharing, key=likeness, reverse=True) + alike)[:limit]


def resolve_owner(text, people):
    """(person, candidates): the one person a typed owner names, else None and the people it might mean
    (several, when more than one fits; none, when it is nobody's name and can only be a post)."""
    person = find_owner(text, people) if text.strip() else None
    return (person, []) if person else (None, close_matches(text, people))


def _name_words(name: str) -> list[str]:
    return [w for w in re.sub(r"[.,]", " ", name.lower()).split() if w not in HONORIFIC_WORDS]


def has_councillor_title(name: str) -> bool:
    first = name.strip().lower().split(" ", 1)[0].rstrip(".") if name.strip() else ""
    return first in COUNCILLOR_TITLES


def strip_title(name: str) -> str:
    words = name.split()
    while words and words[0].lower().rstrip(".") in HONORIFIC_WORDS:
        words = words[1:]
    return " ".join(words) or name.strip()


class Register:
    """The people register, loaded once, with the forgiving name matching minutes need."""

    def __init__(self, people=None):
        self.people = list(people if people is not None else Person.objects.filter(active=True))

    def add(self, person):
        self.people.append(person)

    def match(self, name: str | None, prefer=()):
        """A person whose name fits: exact (ignoring titles), then surname (+ initial) if only one fits.

        `prefer` (e.g. this meeting's attendees) is searched first, so "Councillor Lancaster" in a
        declaration means the Lancaster who was at the meeting.
        """
        if not name or not name.strip():
            return None
        for pool in (list(prefer), self.people):
            found = self._match_in(name, pool)
            if found:
                return found
        return None

    def _match_in(self, name, pool):
        words = _name_words(name)
        if not words:
            return None
        exact = [p for p in pool if _name_words(p.name) == words]
        if len(exact) == 1:
            return exact[0]
        if exact:
            return None
        surname, first = words[-1], (words[0] if len(words) > 1 else None)
        candidates = [p for p in pool if _name_words(p.name)[-1:] == [surname]]
        if first:
            candidates = [p for p in candidates if _initial_fits(first, _name_words(p.name))]
        if has_councillor_title(name):
            councillors = [p for p in candidates if p.kind == Person.Kind.COUNCILLOR]
            candidates = councillors or candidates
        return candidates[0] if len(candidates) == 1 else None

    def match_post(self, post: str | None):
        if not post or not post.strip():
            return None
        key = " ".join(post.lower().split())
        found = [p for p in self.people if p.job_title and " ".join(p.job_title.lower().split()) == key]
        return found[0] if len(found) == 1 else None


def _initial_fits(first: str, other_words: list[str]) -> bool:
    if len(other_words) < 2:
        return True
    other = other_words[0]
    if len(first) > 1 and len(other) > 1:
        return first == other
    return first[0] == other[0]
