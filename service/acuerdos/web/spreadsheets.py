"""Tables as files a researcher opens in a spreadsheet: CSV that Excel reads with its accents, and XLSX.

``csv_bytes`` writes UTF-8 with a byte-order mark (without it, a Spanish Excel reads "migración"
as "migraciÃ³n"), a header row of human titles, lists joined with "; ". ``xlsx_bytes`` writes a
workbook (openpyxl) with the table on its first sheet, header row frozen, and a second sheet of
what the file is (the selection, the data version, the address it came from).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from typing import Any

WIDE = 60  # the width (in characters) of a column of long texts in a workbook
NARROW = 22


def cell_text(value: Any) -> str:
    """A value as one cell: a list joined with "; ", anything else as its text."""
    return "; ".join(str(v) for v in value) if isinstance(value, list | tuple) else str(value)


def csv_bytes(titles: Sequence[str], rows: Sequence[Sequence[Any]]) -> bytes:
    """The table as CSV, UTF-8 with a byte-order mark, CRLF line ends (RFC 4180)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(titles)
    writer.writerows([cell_text(v) for v in row] for row in rows)
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def xlsx_bytes(
    sheet: str,
    titles: Sequence[str],
    rows: Sequence[Sequence[Any]],
    about_sheet: str,
    about: Sequence[tuple[str, str]],
    wide: Sequence[str] = (),
) -> bytes:
    """A workbook: the table on its first sheet (the ``wide`` columns wider), ``about`` on the second."""
    from openpyxl import Workbook  # imported when a workbook is asked for: the pages do not need it
    from openpyxl.utils import get_column_letter

    book = Workbook()
    table = book.active
    table.title = sheet[:31]  # Excel's limit on a sheet's name
    table.append(list(titles))
    for row in rows:
        table.append([cell_text(v) for v in row])
    table.freeze_panes = "A2"
    for index, title in enumerate(titles, start=1):
        table.column_dimensions[get_column_letter(index)].width = WIDE if title in wide else NARROW
    info = book.create_sheet(about_sheet[:31])
    for name, value in about:
        info.append([name, value])
    info.column_dimensions["A"].width = NARROW
    info.column_dimensions["B"].width = WIDE
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
