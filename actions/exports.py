"""The action log for the agenda pack as CSV and XLSX that open cleanly in Excel with UK dates."""

import csv
import datetime
import tempfile

from django.http import FileResponse, StreamingHttpResponse
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, NamedStyle
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from core.dates import table_date

LOG_COLUMNS = ["Ref", "Meeting date", "Item", "Action", "Responsible officer", "Due", "Status", "RAG", "Latest update"]
# Widths in Excel's character units, one per column above.
XLSX_WIDTHS = [16, 13, 30, 60, 28, 13, 18, 8, 60]
UK_DATE = "%d/%m/%Y"
XLSX_UK_DATE = "dd/mm/yyyy"
# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CHUNK = 1000  # rows fetched from the database at a time while an export streams
TEXT, DATE, HEADING = "Log text", "Log date", "Log heading"


def _add_styles(workbook):
    """One named style per kind of cell, shared by every cell of that kind."""
    top = {"vertical": "top"}
    workbook.add_named_style(NamedStyle(TEXT, alignment=Alignment(wrap_text=True, **top)))
    workbook.add_named_style(NamedStyle(DATE, number_format=XLSX_UK_DATE, alignment=Alignment(**top)))
    workbook.add_named_style(NamedStyle(HEADING, font=Font(bold=True), alignment=Alignment(wrap_text=True, **top)))


def item_label(item):
    if item is None:
        return ""
    label = str(item)
    return f"{label} (exempt)" if item.exempt else label


def latest_update(action):
    if not action.latest_update_text:
        return ""
    # Text, so the same words as the pages (core.dates); the date-typed cells stay dates.
    return f"{table_date(action.latest_update_at)}: {action.latest_update_text}"


def log_row(action):
    """One row of the standard log; dates stay dates so each format can write them its own way."""
    item = action.source_item
    due = action.due_on or (action.due_note or "")
    return [
        action.reference,
        item.meeting.date if item else None,
        item_label(item),
        action.text,
        action.owner_display,
        due,
        action.get_status_display(),
        action.get_rag_display(),
        latest_update(action),
    ]


def _csv_cell(value):
    if value is None:
        return ""
    if isinstance(value, datetime.date):
        return f"{value:{UK_DATE}}"
    value = str(value)
    return f"'{value}" if value.startswith(FORMULA_STARTS) else value


class _Echo:
    """csv.writer writes each row here and gets the text back, so rows can be streamed as they are made."""

    def write(self, value):
        return value


def _attachment(response, filename):
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def csv_response(actions, filename, columns=LOG_COLUMNS, row=log_row):
    """Streamed: memory stays flat and the first bytes leave before the last row is read."""
    writer = csv.writer(_Echo())

    def rows():
        # The byte-order mark is how Excel knows the file is UTF-8 (otherwise "’" turns to mojibake).
        yield "\ufeff" + writer.writerow(columns)
        for action in actions.for_export().iterator(chunk_size=CHUNK):
            yield writer.writerow([_csv_cell(value) for value in row(action)])

    return _attachment(StreamingHttpResponse(rows(), content_type="text/csv; charset=utf-8"), filename)


class _StyledCells:
    """One styled cell per column, refilled for every row: openpyxl's write-only sheet writes a row as it is
    appended, so a decade's log costs one style lookup per column rather than one per cell."""

    def __init__(self, sheet, style, columns=LOG_COLUMNS):
        self.cells = [self._cell(sheet, style) for _ in columns]
        self.dates = [self._cell(sheet, DATE) for _ in columns]

    @staticmethod
    def _cell(sheet, style):
        cell = WriteOnlyCell(sheet)
        cell.style = style
        return cell

    def row(self, values):
        row = []
        for index, value in enumerate(values):
            cell = self.dates[index] if isinstance(value, datetime.date) else self.cells[index]
            cell.value = value
            if cell.data_type == "f":
                # Text that merely starts with "=" is what someone typed, never a formula to run.
                cell.data_type = "s"
            row.append(cell)
        return row


def xlsx_response(
    actions, filename, title, columns=LOG_COLUMNS, row=log_row, widths=XLSX_WIDTHS, sheet_name="Action log"
):
    """openpyxl's write-only mode: rows go to a temporary file as they are read, with named styles shared
    by every cell of a column, so a decade's log neither fills memory nor styles cells one by one."""
    workbook = Workbook(write_only=True)
    _add_styles(workbook)
    sheet = workbook.create_sheet(sheet_name)
    workbook.properties.title = title
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    sheet.print_title_rows = "1:1"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.append(_StyledCells(sheet, HEADING, columns).row(columns))
    cells = _StyledCells(sheet, TEXT, columns)
    count = 0
    for action in actions.for_export().iterator(chunk_size=CHUNK):
        sheet.append(cells.row(row(action)))
        count += 1
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{count + 1}"
    spool = tempfile.TemporaryFile()  # noqa: SIM115 - FileResponse closes it once sent
    workbook.save(spool)
    spool.seek(0)
    return _attachment(FileResponse(spool, content_type=XLSX_TYPE), filename)
