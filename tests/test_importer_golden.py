"""Golden tests: every committed minutes sample with an answer key scores at least its recorded floor.

The samples are found, not listed: the development set (../shared/minutes), benchmarks/minutes and
benchmarks/minutes/twins. So a change that breaks one house style fails here, and a new twin is picked
up as soon as its text and key are committed, once its floor is recorded in benchmarks/minutes/floors.json.
"""

import io
import json
import shlex
import subprocess
import sys

import pytest

from actions.importer import scoring

FLOORS = json.loads(scoring.FLOORS.read_text(encoding="utf-8")) if scoring.FLOORS.exists() else {}
SAMPLES = scoring.samples()
REFERENCE = scoring.REPO.parent / "shared" / "minutes" / "score.py"
HOW_TO_ADD = "record it with: python -m actions.importer.scoring --write-floors (and commit floors.json)"


def test_there_are_samples_to_check():
    assert len([s for s in SAMPLES if "/" not in s.name]) >= 30, "benchmarks/minutes should hold its samples"


@pytest.mark.parametrize("sample", SAMPLES, ids=[s.name for s in SAMPLES])
def test_sample_scores_at_least_its_floor(sample):
    assert sample.name in FLOORS, f"{sample.name} has no floor in benchmarks/minutes/floors.json; {HOW_TO_ADD}"
    _, tally, _ = scoring.score_sample(sample)
    got = scoring.ratios(tally)
    worse = {m: (got.get(m), floor) for m, floor in FLOORS[sample.name].items() if got.get(m, 0) < floor - 1e-9}
    assert not worse, f"{sample.name} fell below its floor (now, floor): {worse}"


def test_the_development_set_stays_perfect():
    shared = [s for s in SAMPLES if s.name.startswith("shared/")]
    if not shared:
        pytest.skip("the development set ../shared/minutes is not beside this checkout")
    total = scoring.Tally()
    for sample in shared:
        for name, (h, t) in scoring.score_sample(sample)[1].counts.items():
            total.add(name, h, t)
    assert scoring.overall_line(total).startswith("overall: actions F1 1.00 (P 1.00 R 1.00) · owners 1.00")


@pytest.mark.parametrize("folder", [scoring.BENCHMARKS, scoring.REPO.parent / "shared" / "minutes"])
def test_the_project_scorer_agrees_with_the_reference(folder):
    if not REFERENCE.exists() or not (folder / "expected").is_dir():
        pytest.skip("the reference scorer ../shared/minutes/score.py is not beside this checkout")
    cmd = f"{shlex.quote(sys.executable)} -m actions.importer {{}}"
    ran = subprocess.run(
        [sys.executable, str(REFERENCE), "--texts", str(folder), "--expected", str(folder / "expected"), "--cmd", cmd],
        capture_output=True,
        text=True,
        cwd=scoring.REPO,
        check=False,
    )
    reference = ran.stdout.strip().splitlines()[-1]
    ours, _ = scoring.run([folder], out=io.StringIO())
    assert scoring.overall_line(ours) == reference


def test_a_sample_without_a_floor_says_how_to_add_it(tmp_path):
    (tmp_path / "expected").mkdir()
    (tmp_path / "new-style.txt").write_text("Minutes of the Overview Committee held on 1 May 2024\n")
    (tmp_path / "expected" / "new-style.json").write_text('{"items": []}')
    [sample] = scoring.samples([tmp_path])
    with pytest.raises(AssertionError, match="--write-floors"):
        test_sample_scores_at_least_its_floor(sample)


def test_floors_name_only_samples_that_exist():
    names = {s.name for s in SAMPLES}
    stale = [name for name in FLOORS if name not in names and not name.startswith("shared/")]
    assert not stale, f"floors.json names samples that are gone: {stale}"
