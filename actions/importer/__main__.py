"""python -m actions.importer FILE: print the parsed minutes as JSON."""

import json
import sys
from pathlib import Path

from .errors import MinutesImportError
from .parser import parse_minutes
from .readers import read_minutes_file


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m actions.importer FILE", file=sys.stderr)
        return 2
    path = Path(args[0])
    try:
        data = path.read_bytes()
    except OSError as exc:
        print(f"Could not open {path}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    try:
        result = parse_minutes(read_minutes_file(path.name, data))
    except MinutesImportError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    print(json.dumps(result, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
