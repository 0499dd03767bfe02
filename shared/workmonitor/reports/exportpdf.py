"""The PDF export of a grouped report (reportlab, no Flask): a heading, a bar chart of the groups, the totals table.

Money (expenses, payroll) is shown per currency, one row per group and currency, amounts in the currency's own
decimals; the chart shows the report's main currency (the one most records are in).
"""

from __future__ import annotations

import io

from ..finance import money
from .builder import MEASURES, MONEY, Spec, main_currency
from .exports import TITLES, measure_title

PDF_MONEY = {
    "expenses": ("amount_minor", "billable_minor", "reimbursable_minor"),
    "payroll": ("gross_minor", "reimbursement_minor", "total_minor"),
}


def to_pdf(report: dict, spec: Spec, title: str) -> bytes:
    """Return the grouped `report` as a PDF: a heading, a bar chart of the groups and the totals table."""
    from reportlab.graphics.charts.barcharts import VerticalBarChart
    from reportlab.graphics.shapes import Drawing, String
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=A4, title=title, leftMargin=18 * mm, rightMargin=18 * mm)
    styles = getSampleStyleSheet()
    story: list = [
        Paragraph(_xml(title), styles["Title"]),
        Paragraph(
            _xml(
                f"{spec.first.isoformat()} – {spec.last.isoformat()} · {spec.timezone} · grouped by "
                f"{', '.join(spec.group_by)}"
            ),
            styles["Normal"],
        ),
        Spacer(1, 6 * mm),
    ]
    groups = report["groups"][:30]
    values, axis = _chart_values(groups, report, spec)
    if groups:
        drawing = Drawing(170 * mm, 75 * mm)
        bars = VerticalBarChart()
        bars.x, bars.y, bars.width, bars.height = 12 * mm, 18 * mm, 150 * mm, 50 * mm
        bars.data = [values]
        bars.categoryAxis.categoryNames = [str(g["label"])[:14] for g in groups]
        bars.categoryAxis.labels.angle = 30 if len(groups) > 6 else 0
        bars.categoryAxis.labels.boxAnchor = "ne" if len(groups) > 6 else "n"
        bars.categoryAxis.labels.fontSize = 7
        bars.valueAxis.valueMin = 0
        bars.bars[0].fillColor = colors.HexColor("#4f46e5")
        drawing.add(bars)
        drawing.add(String(0, 72 * mm, axis, fontSize=8))
        story += [drawing, Spacer(1, 4 * mm)]
    rows, n_totals = _table(report, spec)
    table = Table(rows, repeatRows=1, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold"),
                ("FONTNAME", (0, -n_totals), (-1, -1), "Helvetica-Bold"),
                ("LINEBELOW", (0, 0), (-1, 0), 0.5, colors.grey),
                ("LINEABOVE", (0, -n_totals), (-1, -n_totals), 0.5, colors.grey),
                ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
                ("ROWBACKGROUNDS", (0, 1), (-1, -1 - n_totals), [colors.white, colors.HexColor("#f3f4f6")]),
            ]
        )
    )
    story.append(table)
    doc.build(story)
    return buf.getvalue()


def _chart_values(groups: list[dict], report: dict, spec: Spec) -> tuple[list[float], str]:
    """Return the PDF chart's bar per group and its axis title: hours, or money in the report's main currency."""
    if spec.source not in MONEY:
        return [round(g["totals"]["seconds"] / 3600, 2) for g in groups], "Hours"
    cur = main_currency(report["totals"]) or ""
    measure = PDF_MONEY[spec.source][-1] if spec.source == "payroll" else "amount_minor"
    values = []
    for g in groups:
        per = {m["currency"]: m for m in g["totals"]["money"]}
        values.append(float(money.to_major(per[cur][measure], cur)) if cur in per else 0.0)
    return values, f"{TITLES[measure]} ({cur})"


def _table(report: dict, spec: Spec) -> tuple[list[list], int]:
    """Return the PDF table (heading row first, totals rows last) and how many totals rows end it."""
    if spec.source not in MONEY:
        measures = MEASURES[spec.source]
        head = [spec.group_by[0].capitalize(), "Entries", *[measure_title(m) for m in measures]]
        rows = [head]
        for g in report["groups"]:
            rows.append([str(g["label"])[:60], g["totals"]["count"], *[_hours(g["totals"][m]) for m in measures]])
        rows.append(["Total", report["totals"]["count"], *[_hours(report["totals"][m]) for m in measures]])
        return rows, 1
    measures = PDF_MONEY[spec.source]
    rows = [[spec.group_by[0].capitalize(), "Currency", "Count", *[TITLES[m] for m in measures]]]
    for label, per in [(str(g["label"])[:50], m) for g in report["groups"] for m in g["totals"]["money"]]:
        rows.append([label, per["currency"], per["count"], *[_major(per[m], per["currency"]) for m in measures]])
    totals = report["totals"]["money"] or [{"currency": "", "count": 0, **dict.fromkeys(measures, 0)}]
    for per in totals:
        rows.append(
            [
                f"Total {per['currency']}".strip(),
                per["currency"],
                per["count"],
                *[_major(per[m], per["currency"]) for m in measures],
            ]
        )
    return rows, len(totals)


def _major(minor: int, currency: str) -> str:
    digits = money.exponent(currency) if currency else 2
    return f"{money.to_major(minor, currency or 'XXX'):,.{digits}f}"


def _hours(seconds: int) -> str:
    return f"{seconds / 3600:.2f}"


def _xml(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
