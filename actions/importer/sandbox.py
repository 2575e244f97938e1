"""Read and parse an uploaded minutes file in a child process with hard limits.

A hostile file (a .docx or PDF that decompresses to gigabytes, or text built to make a pattern
crawl) must not take a web worker or the import command with it. So the bytes go to a short-lived
child process that caps its own memory (address space) and is killed after a wall-clock limit;
the caller gets the text and the parsed proposal, or a MinutesImportError a clerk can act on.
The web view and the import_minutes command both come through here. Plain Python, no Django.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
from pathlib import Path

from .errors import MinutesImportError
from .readers import RESAVE, check_docx_expansion

MEMORY_LIMIT = 300 * 1024 * 1024  # the child's whole address space, interpreter and libraries included
TIME_LIMIT = 20  # seconds, reading and parsing together
PROJECT = Path(__file__).resolve().parents[2]


def read_and_parse(name: str, data: bytes, known_people=(), time_limit: float = TIME_LIMIT) -> tuple[str, dict]:
    """(text, proposal) of a minutes file, read and parsed within the limits. Raises only MinutesImportError."""
    if name.lower().endswith(".docx"):
        check_docx_expansion(name, data)  # cheap, and a clearer message than running out of memory
    header = json.dumps({"name": name, "known_people": list(known_people)}).encode()
    try:
        done = subprocess.run(
            [sys.executable, "-m", "actions.importer.sandbox"],
            input=header + b"\n" + data,
            capture_output=True,
            timeout=time_limit,
            cwd=PROJECT,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise MinutesImportError(
            f"{name!r} took more than {time_limit:.0f} seconds to read, so it was stopped and nothing was imported. "
            f"{RESAVE}"
        ) from None
    try:
        answer = json.loads(done.stdout)
    except ValueError:
        # The child died without answering: it ran out of the memory it was allowed.
        raise MinutesImportError(
            f"{name!r} expands to more than the importer can safely read, so nothing was imported. {RESAVE}"
        ) from None
    if "error" in answer:
        raise MinutesImportError(answer["error"])
    return answer["text"], answer["proposal"]


def _child() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
    header, _, data = sys.stdin.buffer.read().partition(b"\n")
    request = json.loads(header)
    try:
        from .parser import parse_minutes
        from .readers import read_minutes_file

        text = read_minutes_file(request["name"], data)
        proposal = parse_minutes(text, known_people=request["known_people"])
        answer = {"text": text, "proposal": proposal}
    except MinutesImportError as error:
        answer = {"error": str(error)}
    except MemoryError:
        answer = {"error": f"{request['name']!r} expands to more than the importer can safely read. {RESAVE}"}
    sys.stdout.write(json.dumps(answer))


if __name__ == "__main__":
    _child()
