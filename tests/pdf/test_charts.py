"""The printed charts, read back from the PDF: labels and legends in Chinese and English in the
embedded font, axis steps a person reads at a glance, thinned labels that keep the latest
month, value labels on bars, the heat map's scale, and "No data" instead of empty axes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from reportlab.platypus import Flowable

from desktop.reports import charts
from desktop.reports.base import PrintInfo, build_pdf, frame_width
from tests.pdf.pdftools import fonts, page_texts, render

MONTHS = [f"2026-{m:02d}" for m in range(1, 13)]
WEEKDAYS = ["周一", "周二", "周三", "周四", "周五", "周六", "周日"]


def write(path: Path, story: list[Flowable]) -> list[str]:
    info = PrintInfo("山庄 Lodge", None, "Charts", dt.datetime(2026, 11, 26, 9), "en")
    build_pdf(path, info, story)
    return page_texts(path)


def series(name: str, values: list[float]) -> charts.Series:
    return charts.Series(name, tuple(values))


def test_a_line_chart_prints_its_months_legend_and_nice_axis(tmp_path: Path) -> None:
    chart = charts.line_chart(MONTHS, [series("新会员 New members", [3, 5, 2, 8, 13, 4, 0, 7,
                                                                   9, 12, 11, 6]),
                                       series("续费 Renewals", [1] * 12)],
                              width=frame_width(), height=150, no_data_text="No data")
    [text] = write(tmp_path / "line.pdf", [chart])
    for month in MONTHS:
        assert month in text
    assert "新会员 New members" in text and "续费 Renewals" in text  # the legend
    for tick in ("0", "5", "10", "15"):  # 13 at most: steps of 5 up to 15
        assert f"\n{tick}\n" in f"\n{text}\n"
    assert "No data" not in text
    used = fonts(tmp_path / "line.pdf")
    assert [f["name"].split("+")[-1] for f in used] == ["WenQuanYiMicroHei-0"]  # no Helvetica
    assert all(f["embedded"] for f in used)


def test_crowded_labels_are_thinned_but_the_latest_month_keeps_its_label(
        tmp_path: Path) -> None:
    months = [f"{2025 + (m // 12)}-{m % 12 + 1:02d}" for m in range(36)]
    chart = charts.line_chart(months, [series("x", [float(m) for m in range(36)])],
                              width=200, height=100, no_data_text="No data")
    [text] = write(tmp_path / "thin.pdf", [chart])
    shown = [m for m in months if m in text]
    assert months[-1] in shown
    assert 3 <= len(shown) < len(months)


def test_grouped_bars_show_each_value_and_the_categories(tmp_path: Path) -> None:
    chart = charts.bar_chart(["大茶室", "读书会 Book club", "Wine"],
                             [series("报名 Registered", [30, 12, 8]),
                              series("到场 Attended", [25, 10, 7])],
                             width=frame_width(), height=150, no_data_text="No data")
    [text] = write(tmp_path / "bars.pdf", [chart])
    for label in ("大茶室", "读书会 Book club", "Wine", "报名 Registered", "到场 Attended"):
        assert label in text
    words = text.split()
    for value in ("30", "12", "8", "25", "10", "7"):
        assert value in words


def test_the_heat_map_labels_days_hours_and_its_scale(tmp_path: Path) -> None:
    hours = [f"{h}" for h in range(8, 22)]
    values = [[0.0] * len(hours) for _ in WEEKDAYS]
    values[5][10] = 40.0  # Saturday 18:00, the busiest cell
    values[0][0] = 10.0
    chart = charts.heat_map(WEEKDAYS, hours, values, width=frame_width(), height=160,
                            no_data_text="No data", scale_label="预订 Bookings")
    path = tmp_path / "heat.pdf"
    [text] = write(path, [chart])
    for label in [*WEEKDAYS, "8", "21", "预订 Bookings", "40"]:
        assert label in text
    for scale in ("0", "10", "20", "30"):  # the five swatches of the scale, 0 to 40
        assert scale in text.split()
    [page] = render(path, tmp_path, dpi=40)
    assert min(page.tobytes()) < 90  # the busiest cell is dark on paper


def test_a_chart_with_nothing_to_show_says_no_data(tmp_path: Path) -> None:
    story: list[Flowable] = [
        charts.line_chart(MONTHS, [series("x", [0] * 12)], width=300, height=80,
                          no_data_text="没有数据 No data 1"),
        charts.bar_chart([], [], width=300, height=80, no_data_text="没有数据 No data 2"),
        charts.heat_map(WEEKDAYS, ["9", "10"], [[0.0, 0.0]] * 7, width=300, height=80,
                        no_data_text="没有数据 No data 3"),
    ]
    [text] = write(tmp_path / "empty.pdf", story)
    for n in (1, 2, 3):
        assert f"没有数据 No data {n}" in text
    assert "2026-01" not in text  # no empty axes


def test_a_series_of_the_wrong_length_is_left_out() -> None:
    drawing = charts.bar_chart(["a", "b"], [series("short", [5])], width=200, height=80,
                               no_data_text="No data")
    assert any(getattr(shape, "text", None) == "No data" for shape in drawing.contents)


@given(st.floats(min_value=0.01, max_value=1e9), st.booleans())
def test_axis_steps_are_1_2_or_5_times_a_power_of_ten(maximum: float, whole: bool) -> None:
    top, step = charts.nice_scale(maximum, whole=whole)
    assert top >= maximum - 1e-9
    assert round(top / step) <= 5 or (whole and step == 1 and maximum <= 5)
    mantissa = step / 10 ** int(f"{step:e}".split("e")[1])
    assert round(mantissa, 6) in (1.0, 2.0, 5.0)
    if whole:
        assert step == int(step)


def test_nice_scale_examples() -> None:
    assert charts.nice_scale(13) == (15, 5)
    assert charts.nice_scale(12_345) == (15_000, 5_000)
    assert charts.nice_scale(3) == (3, 1)
    assert charts.nice_scale(0.7, whole=False) == (0.8, 0.2)
    assert charts.nice_scale(0) == (1, 1)
