"""Report exports (no Flask): CSV, XLSX (xlsxwriter) and PDF (reportlab, with the chart).

What must stay true:
- XLSX cells are typed: hours and seconds are numbers, dates are dates, start/end are date-times (in the report's
  time zone, without offset, as spreadsheets keep them), and the sheet ends with a totals row; columns are sized.
- Money (expenses, payroll) is exact: a cell is the integer minor units turned into a Decimal of major units
  (12.34, never 12.340000000000001 from float arithmetic); in XLSX a number formatted with its currency code, in
  CSV the plain decimal. Totals are sums of minor units, one totals row per currency (never across currencies).
- The PDF (workmonitor.reports.exportpdf) shows the grouped report with its chart.
- CSV is RFC 4180 with a header row; a cell starting with = + - @ is prefixed with ' so a spreadsheet never runs it.
- Writers take an iterator of records and call `progress(done)` every PROGRESS_EVERY rows, so a job can report
  percent done without holding more than one sheet's worth of data.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from ..finance import money
from .builder import MEASURES, MONEY, Record, Spec
from .finance import PAYROLL_MONEY

PROGRESS_EVERY = 500
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pdf": "application/pdf",
}
Progress = Callable[[int], None]
# Detail columns per source: (title, kind); kinds: date, datetime, text, bool, hours, currency, money.
_TIME = ["Date:date", "Start:datetime", "End:datetime", "Person", "Client", "Project", "Task", "Description"]
COLUMNS = {
    "time": [*_TIME, "Billable:bool", "Hours:hours"],
    "attendance": ["Date:date", "Start:datetime", "End:datetime", "Person", "Hours:hours"],
    "activity": ["Date:date", "Person", "Active hours:hours", "Productive hours:hours", "Unproductive hours:hours"],
    "expenses": [
        *("Date:date", "Person", "Client", "Project", "Category", "Note", "Status", "Billable:bool"),
        *("Reimbursable:bool", "Currency:currency", "Amount:money"),
    ],
    "payroll": [
        *("Period start:date", "Period end:date", "Person", "Currency:currency", "Hours:hours", "Regular:money"),
        *("Overtime:money", "Premiums:money", "Salary:money", "Leave:money", "Adjustments:money", "Gross:money"),
        *("Reimbursements:money", "Total:money"),
    ],
}
TITLES = {  # money measures as people read them
    "amount_minor": "Amount",
    "billable_minor": "Billable",
    "reimbursable_minor": "Reimbursable",
    **{m: t.split(":")[0] for m, t in zip(PAYROLL_MONEY, COLUMNS["payroll"][5:], strict=True)},
}


@dataclass(frozen=True)
class Amount:
    """A money cell: integer minor units in one currency."""

    minor: int
    currency: str

    def major(self) -> Decimal:
        """Return the exact amount in major units."""
        return money.to_major(self.minor, self.currency)


def columns(spec: Spec) -> list[str]:
    """Return the detail columns of a source's export."""
    return [c.split(":")[0] for c in COLUMNS[spec.source]]


def kinds(spec: Spec) -> list[str]:
    """Return the kind of each detail column (date, datetime, text, bool, hours, currency, money)."""
    return [(c.split(":") + ["text"])[1] for c in COLUMNS[spec.source]]


def _row(rec: Record, spec: Spec, zone: ZoneInfo) -> list:
    """Return one record's cells as Python values (datetimes local and naive, hours as floats, money as Amount)."""
    local = rec.started_at.astimezone(zone)
    hours = round(rec.measures.get("seconds", 0) / 3600, 4)
    person = rec.dims["person"][1]
    d = rec.detail
    if spec.source in MONEY:
        cur = rec.currency or ""
        if spec.source == "payroll":
            return [
                d["period_start"],
                d["period_end"],
                person,
                cur,
                hours,
                *[Amount(rec.money[m], cur) for m in PAYROLL_MONEY],
            ]
        names = [d["client_name"], d["project_name"], d["category_name"], d["note"], d["status"]]
        return [
            d["day"],
            person,
            *names,
            bool(d["billable"]),
            bool(d["reimbursable"]),
            cur,
            Amount(rec.money["amount_minor"], cur),
        ]
    if spec.source == "activity":
        return [
            local.date(),
            person,
            hours,
            round(rec.measures["productive_seconds"] / 3600, 4),
            round(rec.measures["unproductive_seconds"] / 3600, 4),
        ]
    end = d["ended_at"].astimezone(zone).replace(tzinfo=None)
    base = [local.date(), local.replace(tzinfo=None), end, person]
    if spec.source == "attendance":
        return [*base, hours]
    return [*base, d["client_name"], d["project_name"], d["task_name"], d["description"], bool(d["billable"]), hours]


class _Totals:
    """Sums of the hours and money columns, per currency (one key, None, for sources without money)."""

    def __init__(self, spec: Spec) -> None:
        self.kinds = kinds(spec)
        self.money = spec.source in MONEY
        self.by: dict[str | None, dict[int, float | int]] = {} if self.money else {None: {}}

    def add(self, currency: str | None, cells: list) -> None:
        sums = self.by.setdefault(currency if self.money else None, {})
        for col, kind in enumerate(self.kinds):
            if kind == "hours":
                sums[col] = sums.get(col, 0.0) + cells[col]
            elif kind == "money":
                sums[col] = sums.get(col, 0) + cells[col].minor

    def rows(self) -> list[tuple[str, list]]:
        """Return (label, cells) of each totals row: one per currency, or one "Total" row."""
        out = []
        for cur in sorted(self.by, key=lambda c: c or ""):
            sums = self.by[cur]
            cells: list = [None] * len(self.kinds)
            for col, kind in enumerate(self.kinds):
                if kind == "hours":
                    cells[col] = round(sums.get(col, 0.0), 4)
                elif kind == "money" and cur:
                    cells[col] = Amount(int(sums.get(col, 0)), cur)
                elif kind == "currency":
                    cells[col] = cur
            out.append(("Total" if cur is None else f"Total {cur}", cells))
        return out or [("Total", [None] * len(self.kinds))]


def _safe(value: object) -> object:
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, Amount):
        return str(value.major())
    if isinstance(value, float):
        return f"{value:.4f}".rstrip("0").rstrip(".") or "0"
    return str(_safe(value))


def to_csv(recs: Iterable[Record], spec: Spec, progress: Progress | None = None) -> bytes:
    """Return the records as CSV (UTF-8 with BOM, so spreadsheets pick the encoding) with a totals line (one per
    currency for money)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(columns(spec))
    zone = ZoneInfo(spec.timezone)
    totals = _Totals(spec)
    n = 0
    for n, rec in enumerate(recs, 1):
        cells = _row(rec, spec, zone)
        writer.writerow([_text(v) for v in cells])
        totals.add(rec.currency, cells)
        if progress and n % PROGRESS_EVERY == 0:
            progress(n)
    for label, cells in totals.rows():
        writer.writerow([label, *[_text(v) for v in cells[1:]]])
    if progress:
        progress(n)
    return ("\ufeff" + out.getvalue()).encode()


def to_xlsx(recs: Iterable[Record], spec: Spec, report: dict | None = None, progress: Progress | None = None) -> bytes:
    """Return the records as an XLSX workbook: an Entries sheet (typed cells, totals rows, sized columns) and, given
    the grouped `report`, a Summary sheet."""
    import xlsxwriter

    buf = io.BytesIO()
    book = xlsxwriter.Workbook(buf, {"in_memory": True, "constant_memory": True, "remove_timezone": True})
    bold = book.add_format({"bold": True})
    fmt = {
        "book": book,
        "date": book.add_format({"num_format": "yyyy-mm-dd"}),
        "datetime": book.add_format({"num_format": "yyyy-mm-dd hh:mm"}),
        "hours": book.add_format({"num_format": "0.00"}),
        "total": book.add_format({"bold": True, "num_format": "0.00", "top": 1}),
    }
    if report is not None:  # constant_memory writes rows in order, sheet by sheet: the small sheet first
        _summary_sheet(book, report, spec, bold, fmt)
    sheet = book.add_worksheet("Entries")
    cols = columns(spec)
    widths = [len(c) + 2 for c in cols]
    sheet.write_row(0, 0, cols, bold)
    sheet.freeze_panes(1, 0)
    zone = ZoneInfo(spec.timezone)
    totals = _Totals(spec)
    n = 0
    for n, rec in enumerate(recs, 1):
        cells = _row(rec, spec, zone)
        for col, value in enumerate(cells):
            _cell(sheet, n, col, value, fmt, widths)
        totals.add(rec.currency, cells)
        if progress and n % PROGRESS_EVERY == 0:
            progress(n)
    for i, (label, cells) in enumerate(totals.rows()):
        sheet.write(n + 1 + i, 0, label, bold)
        for col, value in enumerate(cells[1:], 1):
            _cell(sheet, n + 1 + i, col, value, fmt, widths, total=True)
    for col, width in enumerate(widths):
        sheet.set_column(col, col, min(width, 60))
    book.close()
    if progress:
        progress(n)
    return buf.getvalue()


def _money_format(fmt: dict, currency: str, total: bool = False):
    """Return (and keep) the cell format of `currency`: its decimals and its code, e.g. 1,234.50 "EUR"."""
    key = ("money", currency, total)
    if key not in fmt:
        digits = money.exponent(currency)
        pattern = "#,##0" + ("." + "0" * digits if digits else "") + f' "{currency}"'
        extra = {"bold": True, "top": 1} if total else {}
        fmt[key] = fmt["book"].add_format({"num_format": pattern, **extra})
    return fmt[key]


def _cell(sheet, row: int, col: int, value: object, fmt: dict, widths: list[int], total: bool = False) -> None:
    if value is None:
        return
    if isinstance(value, bool):
        sheet.write_boolean(row, col, value)
        return
    if isinstance(value, Amount):  # the exact decimal as a number: 12.34 is stored as 12.34
        sheet.write_number(row, col, float(value.major()), _money_format(fmt, value.currency, total))
        widths[col] = max(widths[col], 16)
    elif isinstance(value, datetime):
        sheet.write_datetime(row, col, value, fmt["datetime"])
        widths[col] = max(widths[col], 18)
    elif isinstance(value, date):
        sheet.write_datetime(row, col, datetime(value.year, value.month, value.day), fmt["date"])
        widths[col] = max(widths[col], 12)
    elif isinstance(value, (int, float)):
        sheet.write_number(row, col, value, fmt["total" if total else "hours"])
    else:
        text = str(value)
        sheet.write_string(row, col, text)
        widths[col] = max(widths[col], min(len(text) + 2, 60))


def _summary_sheet(book, report: dict, spec: Spec, bold, fmt: dict) -> None:
    sheet = book.add_worksheet("Summary")
    if spec.source in MONEY:
        _money_summary(sheet, report, spec, bold, fmt)
        return
    measures = MEASURES[spec.source]
    head = [spec.group_by[0].capitalize(), "Count", *[measure_title(m) for m in measures]]
    sheet.write_row(0, 0, head, bold)
    width = len(head[0]) + 2
    row = 0
    for row, g in enumerate(report["groups"], 1):
        sheet.write_string(row, 0, str(g["label"]))
        width = max(width, min(len(str(g["label"])) + 2, 60))
        sheet.write_number(row, 1, g["totals"]["count"])
        for i, m in enumerate(measures):
            sheet.write_number(row, 2 + i, round(g["totals"][m] / 3600, 4), fmt["hours"])
    sheet.write(row + 1, 0, "Total", bold)
    sheet.write_number(row + 1, 1, report["totals"]["count"], bold)
    for i, m in enumerate(measures):
        sheet.write_number(row + 1, 2 + i, round(report["totals"][m] / 3600, 4), fmt["total"])
    sheet.set_column(0, 0, width)
    sheet.set_column(1, len(head) - 1, 16)


def _money_summary(sheet, report: dict, spec: Spec, bold, fmt: dict) -> None:
    """One row per group and currency, then one totals row per currency; amounts typed with their currency."""
    measures = MONEY[spec.source]
    head = [spec.group_by[0].capitalize(), "Currency", "Count", *[TITLES[m] for m in measures]]
    sheet.write_row(0, 0, head, bold)
    width = len(head[0]) + 2
    rows = [(str(g["label"]), m, None) for g in report["groups"] for m in g["totals"]["money"]]
    rows += [(f"Total {m['currency']}", m, bold) for m in report["totals"]["money"]]
    for row, (label, per, style) in enumerate(rows, 1):
        sheet.write_string(row, 0, label, style)
        width = max(width, min(len(label) + 2, 60))
        sheet.write_string(row, 1, per["currency"], style)
        sheet.write_number(row, 2, per["count"], style)
        for i, m in enumerate(measures):
            amount = Amount(per[m], per["currency"])
            sheet.write_number(row, 3 + i, float(amount.major()), _money_format(fmt, amount.currency, bool(style)))
    sheet.set_column(0, 0, width)
    sheet.set_column(1, len(head) - 1, 16)


def measure_title(measure: str) -> str:
    """Return the heading of a seconds measure ("Billable hours")."""
    return measure.replace("_seconds", " hours").replace("seconds", "Hours").capitalize()
