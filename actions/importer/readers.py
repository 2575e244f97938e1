"""Turn an uploaded minutes file (.txt, .docx or text-based .pdf) into plain text.

Every failure becomes a MinutesImportError whose message a clerk can act on.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import PurePath

from .errors import MinutesImportError

MAX_BYTES = 10 * 1024 * 1024
SUPPORTED = (".txt", ".docx", ".pdf")
# What a file may expand to. Minutes are tens of pages: these are far beyond any real set of minutes,
# and far below what would hurt a server (see sandbox.py for the memory and time limits).
MAX_UNZIPPED_BYTES = 60 * 1024 * 1024
MAX_ZIP_MEMBERS = 2000
MAX_PDF_PAGES = 500
MAX_TEXT_CHARS = 3_000_000
RESAVE = "Please open it, save it again (or paste the text of the minutes instead) and re-upload."


def too_big(name: str, what: str) -> MinutesImportError:
    return MinutesImportError(f"{name!r} {what}, more than minutes ever need, so it was not read. {RESAVE}")


def read_minutes_file(name: str, data: bytes) -> str:
    """Return the text of a minutes file. Raises only MinutesImportError."""
    try:
        return _read(name, data)
    except MinutesImportError:
        raise
    except MemoryError:
        raise too_big(name, "expands to more memory than the importer may use") from None
    except Exception as exc:  # noqa: BLE001 - callers must only ever see MinutesImportError
        raise MinutesImportError(
            f"The file {name!r} could not be read. It may be damaged; try saving it again and re-uploading."
        ) from exc


def _read(name: str, data: bytes) -> str:
    if not isinstance(name, str) or not isinstance(data, bytes | bytearray):
        raise MinutesImportError("No file was received. Please choose a minutes file to upload.")
    suffix = PurePath(name).suffix.lower()
    if suffix not in SUPPORTED:
        shown = suffix or "no extension"
        raise MinutesImportError(
            f"{name!r} is not a file type the importer can read ({shown}). "
            "Please upload the minutes as a Word document (.docx), a PDF (.pdf) or a text file (.txt)."
        )
    if not data:
        raise MinutesImportError(f"{name!r} is empty. Please check you chose the right file.")
    if len(data) > MAX_BYTES:
        size_mb = len(data) / (1024 * 1024)
        raise MinutesImportError(
            f"{name!r} is {size_mb:.1f} MB, which is over the 10 MB limit. "
            "Minutes are usually much smaller; if it contains scanned pages or pictures, please upload a text version."
        )
    data = bytes(data)
    if suffix == ".txt":
        text = _read_txt(name, data)
    elif suffix == ".docx":
        text = _read_docx(name, data)
    else:
        text = _read_pdf(name, data)
    if not text.strip():
        raise MinutesImportError(f"{name!r} contains no text to import.")
    if len(text) > MAX_TEXT_CHARS:
        raise too_big(name, f"holds more than {MAX_TEXT_CHARS:,} characters of text")
    return text


def _read_txt(name: str, data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data.decode("utf-8-sig")
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    # Most text that is not UTF-8 comes from Windows (cp1252); it leaves five byte values undefined.
    if b"\x00" in data:
        raise MinutesImportError(
            f"{name!r} does not look like a text file. If it is a Word document or PDF, please upload it with the "
            ".docx or .pdf ending."
        )
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise MinutesImportError(
            f"The text in {name!r} uses an encoding the importer does not recognise. "
            "Please open it and save it as UTF-8 text, or upload the Word or PDF version instead."
        ) from exc


def check_docx_expansion(name: str, data: bytes) -> None:
    """Refuse a .docx whose parts would expand beyond any real minutes, before anything is unpacked."""
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise MinutesImportError(
            f"{name!r} is not a valid Word document - it may be damaged or an older .doc file renamed. "
            "Please open it in Word, save it as .docx and upload it again."
        )
    members = zipfile.ZipFile(io.BytesIO(data)).infolist()
    if len(members) > MAX_ZIP_MEMBERS:
        raise too_big(name, f"holds {len(members):,} parts")
    unzipped = sum(member.file_size for member in members)
    if unzipped > MAX_UNZIPPED_BYTES:
        raise too_big(name, f"expands to {unzipped / 2**20:,.0f} MB")


def _read_docx(name: str, data: bytes) -> str:
    check_docx_expansion(name, data)
    try:
        import docx
        from docx.oxml.ns import qn
    except ImportError as exc:  # pragma: no cover - python-docx is a project dependency
        raise MinutesImportError("Word documents cannot be read on this server at the moment.") from exc
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # noqa: BLE001 - python-docx raises many types for bad files
        raise MinutesImportError(
            f"{name!r} could not be opened as a Word document - it may be damaged. "
            "Please open it in Word, save it again as .docx and re-upload."
        ) from exc
    lines: list[str] = []
    # Walk the body in document order so tables stay where they were written.
    for block in document.element.body.iterchildren():
        if block.tag == qn("w:p"):
            lines.append(_xml_text(block, qn))
        elif block.tag == qn("w:tbl"):
            for row in block.iter(qn("w:tr")):
                cells = [_xml_text(cell, qn) for cell in row.iter(qn("w:tc"))]
                seen: list[str] = []
                for cell in cells:
                    if cell and cell not in seen:  # merged cells repeat their text
                        seen.append(cell)
                lines.extend(seen)
            lines.append("")
    return "\n".join(lines)


def _xml_text(element, qn) -> str:
    paragraphs = []
    for para in element.iter(qn("w:p")):
        parts = []
        for node in para.iter():
            if node.tag == qn("w:t") and node.text:
                parts.append(node.text)
            elif node.tag == qn("w:tab"):
                parts.append(" ")
            elif node.tag in (qn("w:br"), qn("w:cr")):
                parts.append("\n")
        paragraphs.append("".join(parts))
    return "\n".join(paragraphs)


def _out_of_memory(exc: BaseException) -> bool:
    """pdfplumber wraps a MemoryError (e.g. from inflating a compressed stream) in its own exception."""
    seen = 0
    while exc is not None and seen < 10:
        if isinstance(exc, MemoryError) or "allocate" in str(exc):
            return True
        exc, seen = exc.__cause__ or exc.__context__, seen + 1
    return False


def _read_pdf(name: str, data: bytes) -> str:
    if not data.lstrip()[:5].startswith(b"%PDF"):
        raise MinutesImportError(
            f"{name!r} is not a valid PDF - it may be damaged or a different kind of file renamed to .pdf."
        )
    try:
        import pdfplumber
    except ImportError as exc:  # pragma: no cover - pdfplumber is a project dependency
        raise MinutesImportError("PDF files cannot be read on this server at the moment.") from exc
    pages: list[str] = []
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            if len(pdf.pages) > MAX_PDF_PAGES:
                raise too_big(name, f"has {len(pdf.pages):,} pages")
            characters = 0
            for page in pdf.pages:
                pages.append(page.extract_text() or "")
                characters += len(pages[-1])
                if characters > MAX_TEXT_CHARS:
                    raise too_big(name, f"holds more than {MAX_TEXT_CHARS:,} characters of text")
    except MinutesImportError:
        raise
    except Exception as exc:  # noqa: BLE001 - pdfminer raises many types for bad files
        if _out_of_memory(exc):
            raise too_big(name, "expands to more memory than the importer may use") from None
        raise MinutesImportError(
            f"{name!r} could not be opened as a PDF - it may be damaged or password-protected. "
            "Please save it again (or export a fresh PDF) and re-upload."
        ) from exc
    text = "\n\n".join(pages)
    if not text.strip():
        raise MinutesImportError(
            f"This PDF has no text layer - it looks scanned, so the importer cannot read the words in {name!r}. "
            "Please upload the original Word document, or a PDF saved from Word rather than from a scanner."
        )
    return text
