"""What a piece of evidence is, judged by its content (never its name): PDF, Word, Excel or an image."""

import zipfile

MAX_BYTES = 10 * 1024 * 1024

# (content type, what it is called, the suffix it is stored with)
PDF = ("application/pdf", "PDF", ".pdf")
PNG = ("image/png", "PNG image", ".png")
JPEG = ("image/jpeg", "JPEG image", ".jpg")
GIF = ("image/gif", "GIF image", ".gif")
DOCX = ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word document", ".docx")
XLSX = ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel workbook", ".xlsx")

MAGIC = [(b"%PDF-", PDF), (b"\x89PNG\r\n\x1a\n", PNG), (b"\xff\xd8\xff", JPEG), (b"GIF87a", GIF), (b"GIF89a", GIF)]
# An Office file is a zip whose parts say what it is.
OFFICE_PARTS = [("word/document.xml", DOCX), ("xl/workbook.xml", XLSX)]


class NotEvidence(ValueError):
    pass


def kind_of(upload):
    """The (content type, label, suffix) of an uploaded file, or NotEvidence saying why it is refused."""
    if upload.size > MAX_BYTES:
        raise NotEvidence(f"The file is {upload.size / 1024 / 1024:.1f} MB: evidence must be 10 MB or smaller.")
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    for magic, kind in MAGIC:
        if head.startswith(magic):
            return kind
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(upload) as archive:
                names = set(archive.namelist())
        except zipfile.BadZipFile:
            names = set()
        finally:
            upload.seek(0)
        if "[Content_Types].xml" in names:
            for part, kind in OFFICE_PARTS:
                if part in names:
                    return kind
    raise NotEvidence(
        "The file is not a PDF, Word document, Excel workbook or image (PNG, JPEG or GIF), whatever its name says."
    )
