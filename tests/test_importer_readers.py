"""Reader tests: real .docx and .pdf bytes built in the test, and the failures a clerk might hit."""

import io
import zlib

import pytest

from actions.importer import MinutesImportError, parse_minutes, read_minutes_file


def make_pdf(lines, compress=False):
    """A minimal single-page PDF; with no lines it has no text layer, like a scanned page."""
    ops = ["BT", "/F1 11 Tf", "14 TL", "72 760 Td"]
    for line in lines:
        escaped = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        ops.append(f"({escaped}) Tj T*")
    ops.append("ET")
    stream = "\n".join(ops).encode("latin-1") if lines else b"0 0 m 10 10 l S"
    stream_dict = b"<< /Length %d >>" % len(stream)
    if compress:
        stream = zlib.compress(stream)
        stream_dict = b"<< /Length %d /Filter /FlateDecode >>" % len(stream)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        stream_dict + b"\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def make_docx():
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_paragraph("Minutes of: PLACE SCRUTINY COMMITTEE")
    document.add_paragraph("Date of Meeting: 23 March 2022")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Present:"
    table.cell(0, 1).text = "Councillors A Smith, B Jones and C Brown"
    table.cell(1, 0).text = "Apologies:"
    table.cell(1, 1).text = "Councillor D Reid"
    document.add_paragraph("5. Bus Services")
    document.add_paragraph("RESOLVED:")
    document.add_paragraph("That officers circulate the bus punctuality figures.")
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def test_txt_utf8_bom_and_cp1252():
    assert read_minutes_file("m.txt", "Children’s Services".encode()) == "Children’s Services"
    assert read_minutes_file("m.txt", "\ufeffMinutes".encode()) == "Minutes"
    assert read_minutes_file("M.TXT", "Children’s Services – £5".encode("cp1252")) == "Children’s Services – £5"


def test_txt_that_is_not_text():
    with pytest.raises(MinutesImportError, match="does not look like a text file"):
        read_minutes_file("m.txt", b"\x00\x81\x8d\x8f\x90\x9d")


def test_undecodable_txt():
    with pytest.raises(MinutesImportError, match="encoding"):
        read_minutes_file("m.txt", b"Minutes \x81\x8d\x90")


def test_docx_paragraphs_and_table_cells_in_order():
    text = read_minutes_file("minutes.docx", make_docx())
    assert (
        text.index("PLACE SCRUTINY")
        < text.index("Present:")
        < text.index("Councillors A Smith")
        < text.index("Bus Services")
    )
    result = parse_minutes(text)
    assert result["committee"] == "Place Scrutiny Committee"
    assert [p["name"] for p in result["attendance"] if p["status"] == "present"] == ["A Smith", "B Jones", "C Brown"]
    assert result["items"][0]["actions"][0]["owner"] == "officers"


@pytest.mark.parametrize("compress", [False, True])
def test_text_pdf(compress):
    pdf = make_pdf(["Minutes of the Health Scrutiny Panel held on 4 July 2023", "1. Apologies for Absence"], compress)
    text = read_minutes_file("minutes.pdf", pdf)
    assert "Health Scrutiny Panel" in text
    assert parse_minutes(text)["date"] == "2023-07-04"


def test_scanned_pdf_has_no_text_layer():
    with pytest.raises(MinutesImportError, match="no text layer"):
        read_minutes_file("scan.pdf", make_pdf([]))


def test_empty_file():
    with pytest.raises(MinutesImportError, match="empty"):
        read_minutes_file("minutes.docx", b"")


def test_oversize_file():
    with pytest.raises(MinutesImportError, match="10 MB"):
        read_minutes_file("minutes.txt", b"a" * (10 * 1024 * 1024 + 1))


@pytest.mark.parametrize("name", ["setup.exe", "photo.png", "minutes.doc", "minutes"])
def test_wrong_type(name):
    with pytest.raises(MinutesImportError, match="not a file type"):
        read_minutes_file(name, b"MZ\x90\x00")


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("minutes.docx", b"this is not a zip"),
        ("minutes.docx", b"PK\x03\x04broken zip"),
        ("minutes.pdf", b"GIF89a"),
        ("minutes.pdf", b"%PDF-1.4\n1 0 obj << /Type /Catalog >> garbage"),
    ],
)
def test_corrupt_files(name, data):
    with pytest.raises(MinutesImportError):
        read_minutes_file(name, data)


def test_truncated_docx():
    with pytest.raises(MinutesImportError, match="Word document"):
        read_minutes_file("minutes.docx", make_docx()[:400])


def test_zip_that_is_not_a_docx():
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("hello.txt", "hi")
    with pytest.raises(MinutesImportError, match="Word document"):
        read_minutes_file("minutes.docx", buf.getvalue())
