"""Server-side SVG charts of the 12-month trends: no script, no library; each chart carries its title
and description for screen readers (role="img", <title>, <desc>) and the page shows the same figures
as a table beside it. Pure functions, no Django import: the template marks the SVG safe."""

import zlib
from html import escape

WIDTH, HEIGHT = 640, 240
LEFT, RIGHT, TOP, BOTTOM = 48, 12, 16, 40
COLOURS = ("#0031d8", "#c2410c", "#15803d")  # blue, orange, green: apart for colour-blind readers too


def _scale(top: float) -> float:
    """A round top for the axis: 5, 10, 20, 50 … at or above the largest value, so that its five
    gridlines fall on whole numbers."""
    if top <= 5:
        return 5
    step = 1
    while True:
        for f in (1, 2, 5):
            if f * step >= top:
                return f * step
        step *= 10


def _frame(title: str, desc: str, top: float, labels: list[str], body: list[str], legend: list[tuple]) -> str:
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    ident = f"chart-{zlib.crc32(title.encode()):08x}"
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" class="chart" width="100%" '
        f'aria-labelledby="{ident}-t {ident}-d" preserveAspectRatio="xMidYMid meet">',
        f'<title id="{ident}-t">{escape(title)}</title>',
        f'<desc id="{ident}-d">{escape(desc)}</desc>',
    ]
    for i in range(6):
        value = top * i / 5
        y = TOP + plot_h - plot_h * i / 5
        parts.append(f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y:.1f}" y2="{y:.1f}" stroke="#ddd"/>')
        text = f"{value:,.0f}"
        parts.append(f'<text x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end" font-size="11">{text}</text>')
    step = plot_w / max(len(labels), 1)
    for i, label in enumerate(labels):
        if len(labels) > 6 and i % 2:
            continue
        x = LEFT + step * (i + 0.5)
        parts.append(
            f'<text x="{x:.1f}" y="{HEIGHT - BOTTOM + 16}" text-anchor="middle" font-size="11">{escape(label)}</text>'
        )
    parts += body
    for i, (name, colour) in enumerate(legend):
        x = LEFT + i * 150
        parts.append(f'<rect x="{x}" y="{HEIGHT - 14}" width="12" height="12" fill="{colour}"/>')
        parts.append(f'<text x="{x + 16}" y="{HEIGHT - 4}" font-size="12">{escape(name)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def short_label(label: str) -> str:
    """令和8年11月 → 11月 (the axis has room for the month only; the description and the table say it in
    full)."""
    return label[label.index("年") + 1 :] if "年" in label else label


def line_chart(title: str, labels: list[str], series: list[tuple[str, list]], *, unit: str = "") -> str:
    """A line per series; a missing value (None) breaks the line."""
    values = [v for _name, vs in series for v in vs if v is not None]
    top = _scale(max(values, default=0))
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    step = plot_w / max(len(labels), 1)
    body = []
    for (_name, vs), colour in zip(series, COLOURS, strict=False):
        points = [
            None if v is None else (LEFT + step * (i + 0.5), TOP + plot_h - plot_h * v / top) for i, v in enumerate(vs)
        ]
        stretch: list[tuple] = []
        for point in [*points, None]:  # a missing value ends a stretch of line
            if point is not None:
                stretch.append(point)
                continue
            if len(stretch) > 1:
                path = " ".join(f"{x:.1f},{y:.1f}" for x, y in stretch)
                body.append(f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2.5"/>')
            stretch = []
        body += [f'<circle cx="{p[0]:.1f}" cy="{p[1]:.1f}" r="3.5" fill="{colour}"/>' for p in points if p is not None]
    desc = "；".join(
        f"{name}: "
        + "、".join(f"{lab} {'—' if v is None else f'{v:,}{unit}'}" for lab, v in zip(labels, vs, strict=False))
        for name, vs in series
    )
    return _frame(
        title,
        desc,
        top,
        [short_label(lab) for lab in labels],
        body,
        [(n, c) for (n, _), c in zip(series, COLOURS, strict=False)],
    )


def bar_chart(title: str, labels: list[str], series: list[tuple[str, list]], *, unit: str = "") -> str:
    """Bars side by side for each label."""
    values = [v or 0 for _name, vs in series for v in vs]
    top = _scale(max(values, default=0))
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    step = plot_w / max(len(labels), 1)
    bar = step * 0.8 / max(len(series), 1)
    body = []
    for s, ((_name, vs), colour) in enumerate(zip(series, COLOURS, strict=False)):
        for i, v in enumerate(vs):
            h = plot_h * (v or 0) / top
            x = LEFT + step * i + step * 0.1 + bar * s
            body.append(
                f'<rect x="{x:.1f}" y="{TOP + plot_h - h:.1f}" width="{bar:.1f}" height="{h:.1f}" fill="{colour}"/>'
            )
    desc = "；".join(
        f"{name}: " + "、".join(f"{lab} {v or 0:,}{unit}" for lab, v in zip(labels, vs, strict=False))
        for name, vs in series
    )
    return _frame(
        title,
        desc,
        top,
        [short_label(lab) for lab in labels],
        body,
        [(n, c) for (n, _), c in zip(series, COLOURS, strict=False)],
    )


def trend_charts(trends: dict) -> list[dict]:
    """The four charts of the trends (queries.trends): title, SVG, and the rows of the text alternative."""
    months = trends.get("months", [])
    labels = [m["label"] for m in months]
    specs = [
        ("households", "被保護世帯数（月末）", "line", [("被保護世帯数", "households")], "世帯"),
        ("movements", "保護の開始と廃止（月中）", "bar", [("開始", "starts"), ("廃止", "terminations")], "世帯"),
        ("compliance", "14日以内に決定した割合（申請月別）", "line", [("14日以内の割合", "within_14")], "%"),
        ("overdue", "期限切れの確認事項（月末）", "line", [("期限切れ", "overdue")], "件"),
    ]
    charts = []
    for key, title, kind, fields, unit in specs:
        series = [(name, [m.get(f) for m in months]) for name, f in fields]
        draw = line_chart if kind == "line" else bar_chart
        charts.append(
            {
                "key": key,
                "title": title,
                "svg": draw(title, labels, series, unit=unit),
                "columns": [name for name, _f in fields],
                "rows": [(m["label"], [m.get(f) for _n, f in fields]) for m in months],
                "unit": unit,
            }
        )
    return charts
