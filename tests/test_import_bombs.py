"""Hostile files: each is refused quickly, with a message a clerk can act on, memory bounded and nothing written.

The bombs are built here, in the test, never committed.
"""

import io
import time
import tracemalloc
import zipfile
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from actions.importer import MinutesImportError, sandbox
from actions.importer.sandbox import read_and_parse
from meetings.models import Meeting

MB = 1024 * 1024


def docx_bomb(expanded_mb=300):
    """A .docx of about 1 MB whose document.xml expands to `expanded_mb` MB (streamed, never held whole)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as part:
            chunk = b"<w:t>aaaaaaaa</w:t>" * (MB // 19)
            for _ in range(expanded_mb):
                part.write(chunk)
    return buffer.getvalue()


def docx_of_many_parts(parts=5000):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for n in range(parts):
            archive.writestr(f"word/media/{n}.xml", "")
    return buffer.getvalue()


def pdf(pages_content):
    """A minimal PDF: one page per content stream (bytes, already Flate-compressed)."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", None]
    kids = []
    for content in pages_content:
        page_no, content_no = len(objects) + 1, len(objects) + 2
        kids.append(f"{page_no} 0 R")
        objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents {content_no} 0 R >>".encode())
        objects.append(b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(content) + content + b"\nendstream")
    objects[1] = f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {len(kids)} >>".encode()
    out, offsets = io.BytesIO(), []
    out.write(b"%PDF-1.4\n")
    for n, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % n + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    out.write(b"".join(b"%010d 00000 n \n" % offset for offset in offsets))
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def pdf_bomb(expanded_mb=600):
    """A PDF under 1 MB whose one content stream inflates to `expanded_mb` MB."""
    squeeze = zlib.compressobj(9)
    chunk = b" " * MB
    content = b"".join(squeeze.compress(chunk) for _ in range(expanded_mb)) + squeeze.flush()
    return pdf([content])


BOMBS = {
    "docx that expands to 300 MB": ("minutes.docx", docx_bomb, "expands to"),
    "docx of 5,000 parts": ("minutes.docx", docx_of_many_parts, "parts"),
    "pdf whose stream inflates to 600 MB": ("minutes.pdf", pdf_bomb, "expands to more"),
    "pdf of 600 pages": ("minutes.pdf", lambda: pdf([zlib.compress(b"BT ET")] * 600), "has 600 pages"),
}


@pytest.fixture(params=BOMBS.values(), ids=BOMBS.keys())
def bomb(request):
    name, build, message = request.param
    return name, build(), message


def refused_quickly_in_bounded_memory(refuse):
    """Run `refuse`; it must be refused by a check before the sandbox's time limit (each bomb's own message,
    asserted by the caller, says which check), and grow this process's Python memory by under 50 MB. No
    tighter wall-clock bound: on a loaded CI machine it measured the machine, not the importer."""
    tracemalloc.start()
    started = time.monotonic()
    try:
        refuse()
    finally:
        elapsed = time.monotonic() - started
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    assert elapsed < sandbox.TIME_LIMIT, f"took {elapsed:.1f} s"
    assert peak < 50 * MB, f"peak {peak / MB:.0f} MB"


def test_each_bomb_is_refused_through_the_web_quickly_with_a_message_and_nothing_written(clerk, bomb):
    name, data, message = bomb
    assert len(data) < 10 * MB  # the upload limit lets it through: the expansion is what is refused
    responses = []

    def upload():
        responses.append(clerk.post(reverse("actions:import_start"), {"file": SimpleUploadedFile(name, data)}))

    refused_quickly_in_bounded_memory(upload)
    page = responses[0].content.decode()
    assert responses[0].status_code == 400 and message in page and "save it again" in page
    assert not Meeting.objects.exists()


def test_each_bomb_is_refused_by_the_command_quickly_and_writes_nothing(tmp_path, bomb, db):
    name, data, message = bomb
    path = tmp_path / name
    path.write_bytes(data)

    def run():
        with pytest.raises(CommandError, match=message):
            call_command("import_minutes", str(path))

    refused_quickly_in_bounded_memory(run)
    assert not Meeting.objects.exists()


def test_reading_that_runs_past_the_time_limit_is_stopped_with_a_message():
    text = b"Children's Scrutiny Committee\nMinutes of the meeting held on 3 March 2026\n"
    with pytest.raises(MinutesImportError, match="took more than"):
        read_and_parse("minutes.txt", text, time_limit=0.001)


def test_ordinary_minutes_still_read_and_parse_in_the_sandbox():
    minutes = b"HEALTH SCRUTINY COMMITTEE\n\nMinutes of the meeting held on Tuesday 1 December 2026\n\n"
    text, proposal = read_and_parse("minutes.txt", minutes + b"1. APOLOGIES\n\nNone were received.\n")
    assert "APOLOGIES" in text and proposal["date"] == "2026-12-01"
