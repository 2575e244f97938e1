"""Experiment: does a small statistical model find actions better than the rules, on councils it has not seen?

    python benchmarks/minutes/action_model.py ../real-minutes/tune ../real-minutes/test
    python benchmarks/minutes/action_model.py ../real-minutes/tune ... --held-out ../real-minutes/test4

For each council's minutes, leave it out, train a logistic regression on the sentences of all the others ("is
this sentence an action?", labelled from the answer keys: a sentence is an action when it matches one of the key's
actions as the scorer matches them, word overlap >= 0.5), and predict its sentences. The rules are scored on the
same sentences: a sentence counts as proposed by the rules when one of the parser's actions matches it. Both are
reported as sentence-level precision, recall and F1 over every left-out council.

Plain Python (no scikit-learn, nothing downloaded): the features are the sentence's words and word pairs and a few
cue features (a passive task verb, "would", a later meeting, "that" at the start, someone asked to do something),
and the model is a logistic regression fitted by stochastic gradient descent with L2 regularisation. It is an
experiment for the README, not part of the importer; the importer keeps whichever generalised better.
"""

from __future__ import annotations

import json
import math
import random
import re
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from actions.importer import parse_minutes  # noqa: E402
from actions.importer.parse import normalise as normalise_stage  # noqa: E402
from actions.importer.parse.document import MARK, Document  # noqa: E402
from actions.importer.parse.patterns import FOLLOW_UP, OWNER_ASKED, PASSIVE_ACTION, SENTENCE_END  # noqa: E402
from actions.importer.parse.text import paragraphs_of  # noqa: E402
from actions.importer.scoring import similarity, words  # noqa: E402


def sentences_of(text: str) -> list[str]:
    doc = Document(text=text, known_people=[])
    normalise_stage(doc)
    lines = [ln for ln in doc.lines if not ln.startswith(MARK)]
    out = []
    for para in paragraphs_of(lines):
        for piece in SENTENCE_END.split(para):
            # "RESOLVED – (a) That X; (b) that Y": each decision in a list is a sentence of its own.
            for part in re.split(r";\s+(?:and\s+)?(?=\(?[a-z0-9ivx]{1,4}\)\s)|\s\([a-h]\)\s", piece):
                if len(part.split()) >= 4:
                    out.append(part.strip())
    return out


def features(sentence: str) -> list[str]:
    ws = words(sentence)
    feats = [f"w:{w}" for w in ws] + [f"b:{a}_{b}" for a, b in zip(ws, ws[1:], strict=False)]
    low = sentence.lower()
    cues = {
        "passive": PASSIVE_ACTION.search(sentence),
        "would": re.search(r"\b(?:would|will)\b", low),
        "later": FOLLOW_UP.search(sentence),
        "that": re.match(r"^(?:\(?\w{1,3}[.)]\s+)?that\b", low),
        "asked": OWNER_ASKED.search(sentence),
        "resolved": re.search(r"\b(?:resolved|agreed)\b", low),
        "past": re.search(r"\b(?:had|has)\s+been\b", low),
        "long": len(ws) > 40,
    }
    return feats + [f"cue:{name}" for name, hit in cues.items() if hit]


class Logistic:
    def __init__(self, epochs: int = 15, rate: float = 0.2, l2: float = 1e-4, seed: int = 7):
        self.w: dict[str, float] = defaultdict(float)
        self.epochs, self.rate, self.l2, self.seed = epochs, rate, l2, seed

    def score(self, feats: list[str]) -> float:
        z = self.w["bias"] + sum(self.w[f] for f in feats)
        return 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))

    def fit(self, rows: list[tuple[list[str], int]]) -> Logistic:
        rng = random.Random(self.seed)
        pos = sum(y for _, y in rows) or 1
        weight = {1: (len(rows) - pos) / pos, 0: 1.0}  # actions are rare: weigh them up
        rows = list(rows)
        for epoch in range(self.epochs):
            rng.shuffle(rows)
            rate = self.rate / (1 + epoch)
            for feats, y in rows:
                g = (self.score(feats) - y) * weight[y]
                self.w["bias"] -= rate * g
                for f in feats:
                    self.w[f] -= rate * (g + self.l2 * self.w[f])
        return self


def labelled(folder: Path) -> list[dict]:
    councils = []
    for key_path in sorted((folder / "expected").glob("*.json")):
        text = (folder / f"{key_path.stem}.txt").read_text(encoding="utf-8", errors="replace")
        key = json.loads(key_path.read_text(encoding="utf-8"))
        expected = [a["text"] for item in key.get("items", []) for a in item.get("actions", [])]
        proposed = [a.get("text") or "" for item in parse_minutes(text)["items"] for a in item.get("actions") or []]
        rows = []
        for s in sentences_of(text):
            gold = int(any(similarity(e, s) >= 0.5 for e in expected))
            rules = int(any(similarity(p, s) >= 0.5 for p in proposed))
            rows.append((s, gold, rules))
        councils.append({"name": key_path.stem, "rows": rows})
    return councils


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def held_out(train_folders: list[Path], test_folder: Path) -> int:
    """Train on every council in train_folders, then judge model, rules and both together on a frozen split."""
    train = [(features(s), y) for folder in train_folders for c in labelled(folder) for s, y, _ in c["rows"]]
    model = Logistic().fit(train)
    totals = {"model": [0, 0, 0], "rules": [0, 0, 0], "rules or model": [0, 0, 0]}
    rows = [row for c in labelled(test_folder) for row in c["rows"]]
    for s, gold, rules in rows:
        guess_model = int(model.score(features(s)) >= 0.5)
        for name, guess in (("model", guess_model), ("rules", rules), ("rules or model", rules or guess_model)):
            t = totals[name]
            t[0] += guess and gold
            t[1] += guess and not gold
            t[2] += gold and not guess
    print(
        f"trained on {len(train)} sentences; frozen split {test_folder}: {len(rows)} sentences, "
        f"{sum(g for _, g, _ in rows)} of them actions"
    )
    for name, (tp, fp, fn) in totals.items():
        p, r, f = prf(tp, fp, fn)
        print(f"{name}: sentence-level P {p:.2f} R {r:.2f} F1 {f:.2f} (tp {tp}, fp {fp}, fn {fn})")
    return 0


def main(argv: list[str]) -> int:
    if "--held-out" in argv:
        k = argv.index("--held-out")
        return held_out([Path(a) for a in argv[:k]], Path(argv[k + 1]))
    folders = [Path(a) for a in argv] or [Path("../real-minutes/tune"), Path("../real-minutes/test")]
    councils = [c for folder in folders for c in labelled(folder)]
    totals = {"model": [0, 0, 0], "rules": [0, 0, 0]}
    for k, held in enumerate(councils):
        train = [(features(s), y) for c in councils[:k] + councils[k + 1 :] for s, y, _ in c["rows"]]
        model = Logistic().fit(train)
        for s, gold, rules in held["rows"]:
            for name, guess in (("model", int(model.score(features(s)) >= 0.5)), ("rules", rules)):
                t = totals[name]
                t[0] += guess and gold
                t[1] += guess and not gold
                t[2] += gold and not guess
    n = sum(len(c["rows"]) for c in councils)
    pos = sum(y for c in councils for _, y, _ in c["rows"])
    print(f"{len(councils)} councils, {n} sentences, {pos} of them actions (leave-one-council-out)")
    for name, (tp, fp, fn) in totals.items():
        p, r, f = prf(tp, fp, fn)
        print(f"{name}: sentence-level P {p:.2f} R {r:.2f} F1 {f:.2f} (tp {tp}, fp {fp}, fn {fn})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
