"""Score the parser against hand-made answer keys, in process (the project's copy of ../shared/minutes/score.py).

The reference scorer runs a command per file; this one calls ``parse_minutes`` directly, so the golden
tests (tests/test_importer_golden.py) can score every committed sample in a second or two. The matching
rules are the reference's, line for line, and a test checks both print the same overall line.

    python -m actions.importer.scoring                  # every committed sample, per file and overall
    python -m actions.importer.scoring DIR [DIR ...]    # the samples in DIR, keys in DIR/expected
    python -m actions.importer.scoring --write-floors   # record today's per-file scores as the floors

Plain Python, no Django.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from .errors import MinutesImportError
from .parse import parse_minutes

REPO = Path(__file__).resolve().parents[2]
BENCHMARKS = REPO / "benchmarks" / "minutes"
FLOORS = BENCHMARKS / "floors.json"
# The committed samples: the development set beside the repository, the benchmarks and their twins.
SAMPLE_DIRS = [REPO.parent / "shared" / "minutes", BENCHMARKS, BENCHMARKS / "twins"]

STOP = {"the", "a", "an", "to", "be", "of", "and", "for", "on", "in", "that", "with", "by", "at", "is", "was"}
HONORIFICS = re.compile(r"\b(councillor|cllr|mr|mrs|ms|miss|dr|the)\b\.?", re.I)
METRICS = (
    "action_recall",
    "action_precision",
    "owner_accuracy",
    "item_recall",
    "standing_recall",
    "standing_precision",
    "attendee_recall",
    "meeting_fields",
)


def words(text):
    text = (text or "").lower().replace("\u2019", "'").replace("\u2018", "'")
    return [w for w in re.findall(r"[a-z0-9']+", text) if w not in STOP]


def similarity(a, b):
    """Overlap of content words: |A & B| / max(|A|, |B|), in [0, 1]."""
    wa, wb = set(words(a)), set(words(b))
    if not wa or not wb:
        return 0.0
    return len(wa & wb) / max(len(wa), len(wb))


def name_matches(actual, accepted):
    """A name or post matches when its words (honorifics dropped) cover one accepted form's surname or all its words."""
    got = set(words(HONORIFICS.sub(" ", actual or "")))
    if not got:
        return False
    for form in accepted:
        want = words(HONORIFICS.sub(" ", form or ""))
        if not want:
            continue
        if len(want) >= 3 and len(got & set(want)) / len(set(want)) >= 0.75:
            return True
        if len(want) < 3 and want[-1] in got:
            return True
    return False


def pair_up(expected, actual, key_e, key_a, threshold):
    """Greedy best-first one-to-one matching; returns [(e, a)]."""
    scored = sorted(
        ((similarity(key_e(e), key_a(a)), i, j) for i, e in enumerate(expected) for j, a in enumerate(actual)),
        reverse=True,
    )
    used_e, used_a, pairs = set(), set(), []
    for score, i, j in scored:
        if score < threshold:
            break
        if i in used_e or j in used_a:
            continue
        used_e.add(i)
        used_a.add(j)
        pairs.append((expected[i], actual[j]))
    return pairs


class Tally:
    def __init__(self):
        self.counts = {}

    def add(self, name, hit, total):
        h, t = self.counts.get(name, (0, 0))
        self.counts[name] = (h + hit, t + total)

    def ratio(self, name):
        h, t = self.counts.get(name, (0, 0))
        return h / t if t else None


def f1(p, r):
    if p is None or r is None:
        return None
    return 0.0 if p + r == 0 else 2 * p * r / (p + r)


def fmt(x):
    return "n/a" if x is None else f"{x:.2f}"


def score_one(exp, act, tally):
    e_items, a_items = exp.get("items", []), act.get("items", []) or []
    titled = [e for e in e_items if e.get("title")]
    t_pairs = pair_up(titled, a_items, lambda e: e["title"], lambda a: a.get("title") or "", 0.5)
    tally.add("item_recall", len(t_pairs), len(titled))
    tally.add("item_count_ok", int(len(e_items) == len(a_items)), 1)

    e_actions = [a for e in e_items for a in e.get("actions", [])]
    a_actions = [a for i in a_items for a in (i.get("actions") or [])]
    pairs = pair_up(e_actions, a_actions, lambda e: e["text"], lambda a: a.get("text") or "", 0.5)
    tally.add("action_recall", len(pairs), len(e_actions))
    tally.add("action_precision", len(pairs), len(a_actions))
    owned = [(e, a) for e, a in pairs if e.get("owner")]
    tally.add("owner_accuracy", sum(name_matches(a.get("owner"), e["owner"]) for e, a in owned), len(owned))

    e_stand = [s for e in e_items for s in e.get("standing_items", [])]
    a_stand = [s for i in a_items for s in (i.get("standing_items") or [])]
    s_pairs = pair_up(e_stand, a_stand, lambda s: s, lambda s: s if isinstance(s, str) else json.dumps(s), 0.5)
    tally.add("standing_recall", len(s_pairs), len(e_stand))
    tally.add("standing_precision", len(s_pairs), len(a_stand))

    e_people = exp.get("attendance", [])
    a_people = act.get("attendance", []) or []

    def attended(e):  # an attendee the minutes list only by post ("Chief Executive") is matched on the post
        if e.get("name"):
            return any(name_matches(p.get("name"), [e["name"]]) for p in a_people)
        return any(name_matches(p.get("title") or p.get("name"), [e.get("title")]) for p in a_people)

    found = sum(attended(e) for e in e_people)
    tally.add("attendee_recall", found, len(e_people))

    for name in ("committee", "date", "start_time", "end_time"):
        if exp.get(name):
            want, got = exp[name], act.get(name) or ""
            ok = got == want if name != "committee" else similarity(want, got) >= 0.8
            tally.add("meeting_fields", int(ok), 1)
    return len(pairs), len(e_actions), len(a_actions)


def overall_line(tally, failures=0):
    """The reference scorer's last line, character for character."""
    p, r = tally.ratio("action_precision"), tally.ratio("action_recall")
    return (
        "overall:"
        f" actions F1 {fmt(f1(p, r))} (P {fmt(p)} R {fmt(r)})"
        f" · owners {fmt(tally.ratio('owner_accuracy'))}"
        f" · items {fmt(tally.ratio('item_recall'))}"
        f" · standing F1 {fmt(f1(tally.ratio('standing_precision'), tally.ratio('standing_recall')))}"
        f" · attendees {fmt(tally.ratio('attendee_recall'))}"
        f" · meeting fields {fmt(tally.ratio('meeting_fields'))}"
        f" · failures {failures}"
    )


@dataclass
class Sample:
    """A minutes text with its answer key; ``name`` is how floors.json knows it ("twins/x", "shared/y")."""

    name: str
    text: Path
    key: Path


def samples(dirs=None) -> list[Sample]:
    """Every text with an answer key in DIR/expected, in the folders given (default: the committed samples)."""
    found = []
    for folder in dirs or SAMPLE_DIRS:
        folder = Path(folder)
        for key in sorted((folder / "expected").glob("*.json")):
            text = folder / f"{key.stem}.txt"
            if text.exists():
                found.append(Sample(_label(folder, key.stem), text, key))
    return found


def _label(folder: Path, stem: str) -> str:
    try:
        rel = folder.resolve().relative_to(BENCHMARKS.resolve())
        return f"{rel.as_posix()}/{stem}" if str(rel) != "." else stem
    except ValueError:
        return f"{folder.name}/{stem}" if folder.name != "minutes" else f"{folder.parent.name}/{stem}"


def score_sample(sample: Sample) -> tuple[dict, Tally, tuple[int, int, int]]:
    """(the parser's JSON, this file's tally, (actions found, expected, proposed))."""
    text = sample.text.read_text(encoding="utf-8", errors="replace")
    actual = json.loads(json.dumps(parse_minutes(text)))
    tally = Tally()
    counts = score_one(json.loads(sample.key.read_text(encoding="utf-8")), actual, tally)
    return actual, tally, counts


def ratios(tally: Tally) -> dict:
    """The file's metrics that have something to measure (None where the key has nothing of that kind)."""
    return {m: round(tally.ratio(m), 4) for m in METRICS if tally.ratio(m) is not None}


def run(dirs=None, out=sys.stdout) -> tuple[Tally, dict]:
    total, per_file, failures = Tally(), {}, 0
    for sample in samples(dirs):
        try:
            _, tally, (hit, n_exp, n_act) = score_sample(sample)
        except MinutesImportError as exc:
            failures += 1
            print(f"{sample.name}: FAILED ({exc})", file=out)
            continue
        for name, (h, t) in tally.counts.items():
            total.add(name, h, t)
        per_file[sample.name] = ratios(tally)
        print(f"{sample.name}: actions {hit}/{n_exp} found, {n_act} proposed", file=out)
    print(overall_line(total, failures), file=out)
    return total, per_file


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dirs", nargs="*", help="folders of .txt samples with keys in FOLDER/expected")
    ap.add_argument("--write-floors", action="store_true", help=f"record the per-file scores in {FLOORS.name}")
    args = ap.parse_args(argv)
    _, per_file = run(args.dirs or None)
    if args.write_floors:
        floors = json.loads(FLOORS.read_text(encoding="utf-8")) if FLOORS.exists() and args.dirs else {}
        floors.update(per_file)
        FLOORS.write_text(json.dumps(floors, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        print(f"Wrote {len(per_file)} floors to {FLOORS.relative_to(REPO)}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
