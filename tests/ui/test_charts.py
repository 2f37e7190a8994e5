"""The review's charts: round axis ticks, layout from the data, clicks where a bar, a point or a
cell is drawn, the keyboard, tooltips and the empty state."""

from __future__ import annotations

import itertools

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QFontMetricsF

from desktop.ui.charts import BarChart, HeatMap, LineChart, Series
from desktop.ui.charts.base import ChartBase
from desktop.ui.charts.scale import (
    Axis,
    format_number,
    format_percent,
    label_step,
    nice_step,
    nice_ticks,
)

MONTHS = ["Dec", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov"]


def show(qtbot, chart: ChartBase, width: int = 600, height: int = 300) -> ChartBase:
    qtbot.addWidget(chart)
    chart.resize(width, height)
    chart.show()
    qtbot.waitExposed(chart)
    return chart


def at(point: QPointF) -> QPoint:
    return point.toPoint()


# -- the arithmetic ------------------------------------------------------------------------------

@pytest.mark.parametrize(("span", "ticks", "step"), [
    (10, 5, 2), (13, 5, 5), (100, 4, 25), (0.8, 4, 0.2), (7, 10, 1), (1234, 5, 250),
    (0.05, 5, 0.01),
])
def test_nice_step_is_round(span, ticks, step):
    assert nice_step(span, ticks) == pytest.approx(step)


def test_ticks_start_at_zero_and_cover_the_largest_value():
    assert nice_ticks(3, 13, 5) == [0, 5, 10, 15]
    assert nice_ticks(0, 0.8, 4) == [0, 0.2, 0.4, 0.6, 0.8]
    assert nice_ticks(0, 0.3, 3) == [0, 0.1, 0.2, 0.3]  # no 0.30000000000000004


def test_count_ticks_stay_whole_and_a_flat_zero_still_has_an_axis():
    assert nice_ticks(0, 3, 10, integers=True) == [0, 1, 2, 3]
    assert nice_ticks(0, 0, 5, integers=True) == [0, 1]


def test_negative_values_get_ticks_below_zero():
    ticks = nice_ticks(-12, 30, 5)
    assert ticks[0] <= -12 and ticks[-1] >= 30 and 0 in ticks


def test_axis_maps_values_between_pixels():
    axis = Axis(0, 13, 5)
    assert axis.position(0, 200, 0) == 200
    assert axis.position(15, 200, 0) == 0
    assert axis.position(7.5, 200, 0) == pytest.approx(100)


def test_formats_and_label_thinning():
    assert format_number(1234) == "1,234"
    assert format_number(2.5) == "2.5"
    assert format_number(1 / 3) == "0.33"
    assert format_percent(0.426) == "43%"
    assert label_step([30, 40], 50) == 1
    assert label_step([30, 40], 20) == 3  # 48 pixels needed, 20 per label: every third


# -- the line chart ------------------------------------------------------------------------------

def test_line_points_follow_the_values_and_click_emits_the_month(qtbot):
    chart = LineChart()
    chart.integers = True
    values = (3, 5, 2, 8, 12, 7, 4, 6, 9, 11, 3, 5)
    chart.set_data(MONTHS, [Series("New", values)])
    show(qtbot, chart)
    points = [chart.point_position(i) for i in range(12)]
    assert all(a.x() < b.x() for a, b in itertools.pairwise(points))
    assert points[4].y() < points[3].y() < points[0].y()  # 12 above 8 above 3
    plot = chart.layout_.plot
    assert chart.rect().contains(plot.toRect())
    assert chart.layout_.axis is not None and chart.layout_.axis.ticks[-1] >= 12
    with qtbot.waitSignal(chart.clicked) as blocker:
        qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=at(points[4]))
    assert blocker.args == [4]


def test_line_tooltip_has_every_series_exact_value(qtbot):
    chart = LineChart()
    chart.set_data(["Oct", "Nov"], [Series("Visits", (12, 30)), Series("Events", (2, 4.5))])
    show(qtbot, chart)
    chart.current = 1
    assert chart.current_text() == "Nov\nVisits: 30\nEvents: 4.5"


def test_line_keys_move_and_enter_clicks(qtbot):
    chart = LineChart()
    chart.set_data(MONTHS, list(range(1, 13)))
    show(qtbot, chart)
    chart.setFocus()
    qtbot.keyClick(chart, Qt.Key.Key_Left)  # first press: the latest month
    assert chart.current == 11
    qtbot.keyClick(chart, Qt.Key.Key_Left)
    qtbot.keyClick(chart, Qt.Key.Key_Left)
    assert chart.current == 9
    qtbot.keyClick(chart, Qt.Key.Key_Right)
    with qtbot.waitSignal(chart.clicked) as blocker:
        qtbot.keyClick(chart, Qt.Key.Key_Return)
    assert blocker.args == [10]
    assert "Oct" in chart.accessibleDescription()


def test_line_narrow_chart_thins_its_labels_without_overlap(qtbot):
    chart = LineChart()
    labels = [f"2026-{m:02d}" for m in range(1, 13)]
    chart.set_data(labels, list(range(12)))
    show(qtbot, chart, 260, 180)
    lay = chart.layout_
    room = (lay.xs[1] - lay.xs[0]) * lay.label_every
    widest = max(QFontMetricsF(chart.font()).horizontalAdvance(t) for t in labels)
    assert lay.label_every > 1
    assert widest < room


def test_line_with_no_data_says_so_and_ignores_clicks(qtbot):
    chart = LineChart()
    chart.set_data(MONTHS, [0] * 12)
    show(qtbot, chart)
    assert chart.is_empty()
    assert chart.empty_text() == "No data yet"
    with qtbot.assertNotEmitted(chart.clicked):
        qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=chart.rect().center())
        chart.setFocus()
        qtbot.keyClick(chart, Qt.Key.Key_Return)
    chart.set_data(["Nov"], [1])
    assert not chart.is_empty()


def test_line_refuses_a_series_of_the_wrong_length(qtbot):
    chart = LineChart()
    qtbot.addWidget(chart)
    with pytest.raises(ValueError):
        chart.set_data(["a", "b"], [1, 2, 3])


# -- the bar chart -------------------------------------------------------------------------------

def test_grouped_bars_heights_and_click_gives_category_and_series(qtbot):
    chart = BarChart()
    chart.integers = True
    chart.set_data(["Reading", "Tasting", "Talk"],
                   [Series("Registered", (40, 25, 60)), Series("Attended", (33, 20, 41))])
    show(qtbot, chart)
    registered, attended = chart.bar_rect(2, 0), chart.bar_rect(2, 1)
    assert registered.height() > attended.height() > 0
    assert registered.right() <= attended.left() + 2  # side by side
    assert registered.bottom() == pytest.approx(attended.bottom())  # on the same baseline
    assert chart.bar_rect(2, 0).height() / chart.bar_rect(0, 0).height() == pytest.approx(1.5)
    with qtbot.waitSignal(chart.barClicked) as blocker:
        qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=at(attended.center()))
    assert blocker.args == [2, 1]
    with qtbot.waitSignal(chart.clicked) as blocker:
        qtbot.mouseClick(chart, Qt.MouseButton.LeftButton,
                         pos=at(chart.bar_rect(0, 0).center()))
    assert blocker.args == [0]


def test_a_zero_bar_can_still_be_clicked_in_its_slot(qtbot):
    chart = BarChart()
    chart.set_data(["A", "B"], [5, 0])
    show(qtbot, chart)
    band = chart.layout_.bands[1]
    with qtbot.waitSignal(chart.clicked) as blocker:
        qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=at(band.center()))
    assert blocker.args == [1]


def test_horizontal_bars_leave_room_for_the_longest_label(qtbot):
    chart = BarChart(horizontal=True)
    chart.value_format = format_percent
    labels = ["Tea room", "Garden terrace (large)", "花园露台"]
    chart.set_data(labels, [0.42, 0.8, 0.1])
    show(qtbot, chart, 640, 260)
    metrics = QFontMetricsF(chart.font())
    plot = chart.layout_.plot
    assert plot.left() >= chart.PAD + metrics.horizontalAdvance("Garden terrace (large)")
    bars = [chart.bar_rect(i) for i in range(3)]
    assert bars[0].top() < bars[1].top() < bars[2].top()  # top to bottom in order
    assert bars[1].width() > bars[0].width() > bars[2].width()
    assert bars[1].right() + metrics.horizontalAdvance("80%") <= chart.width()
    chart.current = (1, 0)
    assert chart.current_text() == "Garden terrace (large)\n80%"


def test_bar_keys_move_along_categories_and_across_series(qtbot):
    chart = BarChart()
    chart.set_data(["A", "B", "C"], [Series("x", (1, 2, 3)), Series("y", (3, 2, 1))])
    show(qtbot, chart)
    chart.setFocus()
    qtbot.keyClick(chart, Qt.Key.Key_Right)
    assert chart.current == (0, 0)
    qtbot.keyClick(chart, Qt.Key.Key_Right)
    qtbot.keyClick(chart, Qt.Key.Key_Down)
    assert chart.current == (1, 1)
    qtbot.keyClick(chart, Qt.Key.Key_Down)  # no third series: stays
    assert chart.current == (1, 1)
    with qtbot.waitSignal(chart.barClicked) as blocker:
        qtbot.keyClick(chart, Qt.Key.Key_Enter)
    assert blocker.args == [1, 1]
    horizontal = BarChart(horizontal=True)
    horizontal.set_data(["A", "B", "C"], [1, 2, 3])
    show(qtbot, horizontal)
    horizontal.setFocus()
    qtbot.keyClick(horizontal, Qt.Key.Key_Down)
    qtbot.keyClick(horizontal, Qt.Key.Key_Down)
    assert horizontal.current == (1, 0)


def test_new_data_drops_a_highlight_that_no_longer_exists(qtbot):
    chart = BarChart()
    chart.set_data(["A", "B", "C"], [1, 2, 3])
    show(qtbot, chart)
    chart.current = (2, 0)
    chart.set_data(["A"], [1])
    assert chart.current is None


def test_layout_is_recomputed_on_resize_not_while_painting(qtbot):
    chart = BarChart()
    chart.set_data(["A", "B"], [1, 2])
    show(qtbot, chart, 400, 240)
    narrow = chart.bar_rect(1).width()
    chart.resize(800, 240)
    qtbot.waitUntil(lambda: chart.bar_rect(1).width() > narrow * 1.5)
    before = chart.layout_
    chart.repaint()
    assert chart.layout_ is before


# -- the heat map --------------------------------------------------------------------------------

DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
HOURS = [str(h) for h in range(8, 23)]


def heat_values() -> list[list[float]]:
    values = [[0.0] * len(HOURS) for _ in DAYS]
    values[3][6] = 13  # Thursday 14:00, the busiest
    values[5][2] = 4
    return values


def test_heat_cells_tile_the_grid_and_click_gives_row_and_column(qtbot):
    chart = HeatMap()
    chart.set_data(DAYS, HOURS, heat_values())
    show(qtbot, chart, 700, 320)
    first, last = chart.cell_rect(0, 0), chart.cell_rect(6, 14)
    assert first.width() == pytest.approx(last.width())
    assert chart.layout_.grid.contains(last.center())
    assert last.right() <= chart.width()
    metrics = QFontMetricsF(chart.font())
    assert first.left() >= metrics.horizontalAdvance("Wed")  # row labels fit on the left
    with qtbot.waitSignal(chart.cellClicked) as blocker:
        qtbot.mouseClick(chart, Qt.MouseButton.LeftButton,
                         pos=at(chart.cell_rect(5, 2).center()))
    assert blocker.args == [5, 2]
    chart.current = (3, 6)
    assert chart.current_text() == "Thu 14\n13"


def test_heat_colours_darken_with_the_value():
    from desktop.ui.charts.heatmap import cell_colour

    empty, little, most = cell_colour(0, 13), cell_colour(1, 13), cell_colour(13, 13)
    assert empty.lightness() > little.lightness() > most.lightness()


def test_heat_keys_start_at_the_busiest_cell_and_move(qtbot):
    chart = HeatMap()
    chart.set_data(DAYS, HOURS, heat_values())
    show(qtbot, chart, 700, 320)
    chart.setFocus()
    qtbot.keyClick(chart, Qt.Key.Key_Down)
    assert chart.current == (3, 6)
    qtbot.keyClick(chart, Qt.Key.Key_Down)
    qtbot.keyClick(chart, Qt.Key.Key_Left)
    assert chart.current == (4, 5)
    for _ in range(20):
        qtbot.keyClick(chart, Qt.Key.Key_Right)
    assert chart.current == (4, 14)
    with qtbot.waitSignal(chart.cellClicked) as blocker:
        qtbot.keyClick(chart, Qt.Key.Key_Return)
    assert blocker.args == [4, 14]


def test_heat_map_without_any_value_is_empty(qtbot):
    chart = HeatMap()
    chart.set_data(DAYS, HOURS, [[0.0] * len(HOURS) for _ in DAYS])
    show(qtbot, chart)
    assert chart.is_empty()
    with qtbot.assertNotEmitted(chart.cellClicked):
        qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=chart.rect().center())


def test_charts_take_focus_from_the_keyboard(qtbot):
    for chart in (LineChart(), BarChart(), HeatMap()):
        qtbot.addWidget(chart)
        assert chart.focusPolicy() == Qt.FocusPolicy.StrongFocus


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # the offscreen tooltip
def test_hovering_a_bar_shows_its_exact_value(qtbot):
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QApplication, QToolTip

    chart = BarChart()
    chart.set_data(["Tea", "Garden"], [1234.5, 2])
    show(qtbot, chart)
    spot = at(chart.bar_rect(0).center())
    QApplication.sendEvent(chart, QHelpEvent(QEvent.Type.ToolTip, spot, chart.mapToGlobal(spot)))
    qtbot.waitUntil(QToolTip.isVisible)
    assert QToolTip.text() == "Tea\n1,234.5"
    QToolTip.hideText()


def test_a_tooltip_can_name_the_category_in_full(qtbot):
    chart = LineChart()
    chart.set_data(["Jan", "Feb"], [Series("Joined", (1, 2))])
    chart.tip_labels = ["2026-01", "2026-02"]
    show(qtbot, chart)
    chart.current = 1
    assert chart.current_text() == "2026-02\nJoined: 2"
