"""The layering docs/architecture.md promises: core ← meetings ← actions ← chasing ← scrutiny, and no cycle."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LAYERS = [
    "core",
    "meetings",
    "actions",
    "recommendations",
    "chasing",
    "search",
    "opendata",
    "scrutiny",
]  # each may import only the ones before it


def imported_packages(path):
    tree = ast.parse(path.read_text())
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module.split(".")[0]


@pytest.mark.parametrize("package", LAYERS)
def test_each_app_imports_only_the_layers_below_it(package):
    allowed = set(LAYERS[: LAYERS.index(package) + 1])
    for path in (ROOT / package).rglob("*.py"):
        above = {name for name in imported_packages(path) if name in LAYERS} - allowed
        assert not above, f"{path.relative_to(ROOT)} imports {above}"


def test_the_minutes_parser_imports_no_django():
    importer = ROOT / "actions" / "importer"
    files = [importer / name for name in ("parser.py", "readers.py", "errors.py", "scoring.py")]
    for path in files + sorted((importer / "parse").glob("*.py")):
        imported = set(imported_packages(path))
        assert "django" not in imported, path.name
