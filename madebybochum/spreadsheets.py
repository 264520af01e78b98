"""The site's one CSV writer: every CSV it produces goes through it, Wagtail's admin exports included.

A cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage return is read as a formula by spreadsheet
programs, so a participant named `=HYPERLINK(...)` would become a live link in the organiser's sheet.
Such cells get a leading apostrophe (OWASP's rule for CSV injection); numbers stay numbers.
"""

import csv

from django.http import HttpResponse

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class Writer:
    """csv.writer with every cell neutralised."""

    def __init__(self, stream):
        self._writer = csv.writer(stream)

    def writerow(self, row):
        return self._writer.writerow([neutralise(cell) for cell in row])


def csv_response(filename, attachment=True, bom=False):
    """(response, writer) for a CSV download. `bom` starts the file with a byte order mark, so that
    spreadsheet programs read umlauts as UTF-8."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'{"attachment" if attachment else "inline"}; filename="{filename}"'
    if bom:
        response.write("\ufeff")
    return response, Writer(response)


def protect_wagtail_exports():
    """Wagtail's listing and report exports (SpreadsheetExportMixin) write cells as they are; its XLSX
    export already turns formulas into text, its CSV export is routed through neutralise() here."""
    from wagtail.admin.views.mixins import SpreadsheetExportMixin

    def write_csv_row(self, writer, row_dict):
        return writer.writerow(
            {field: neutralise(self.preprocess_field_value(field, value, self.FORMAT_CSV)) for field, value in row_dict.items()}
        )

    SpreadsheetExportMixin.write_csv_row = write_csv_row
