"""The action log for the agenda pack as CSV and XLSX that open cleanly in Excel with UK dates."""

import csv
import datetime
import io

from django.http import HttpResponse
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

LOG_COLUMNS = ["Ref", "Meeting date", "Item", "Action", "Responsible officer", "Due", "Status", "RAG", "Latest update"]
# Widths in Excel's character units, one per column above.
XLSX_WIDTHS = [16, 13, 30, 60, 28, 13, 18, 8, 60]
UK_DATE = "%d/%m/%Y"
XLSX_UK_DATE = "dd/mm/yyyy"
# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def item_label(item):
    if item is None:
        return ""
    label = str(item)
    return f"{label} (exempt)" if item.exempt else label


def latest_update(action):
    if not getattr(action, "latest_update_text", ""):
        return ""
    return f"{timezone.localtime(action.latest_update_at):{UK_DATE}}: {action.latest_update_text}"


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


def csv_response(actions, filename):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    # The byte-order mark is how Excel knows the file is UTF-8 (otherwise "’" turns to mojibake).
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow(LOG_COLUMNS)
    for action in actions:
        writer.writerow([_csv_cell(value) for value in log_row(action)])
    return response


def xlsx_response(actions, filename, title):
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Action log"
    workbook.properties.title = title
    sheet.append(LOG_COLUMNS)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    wrap = Alignment(wrap_text=True, vertical="top")
    for action in actions:
        sheet.append(log_row(action))
        for cell in sheet[sheet.max_row]:
            cell.alignment = wrap
            if isinstance(cell.value, datetime.date):
                cell.number_format = XLSX_UK_DATE
            elif cell.data_type == "f":
                # Text that merely starts with "=" is what someone typed, never a formula to run.
                cell.data_type = "s"
    for index, width in enumerate(XLSX_WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    sheet.print_title_rows = "1:1"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
