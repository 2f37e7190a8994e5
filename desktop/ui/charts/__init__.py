"""QPainter-drawn charts for the owner's review: a line chart, a bar chart and a heat map.

Qt Charts is deprecated and has no heat map (FIELD-NOTES); these few widgets are light, know
nothing of the database (plain lists of labels and values) and print well.
"""

from desktop.ui.charts.bar import BarChart
from desktop.ui.charts.base import Series
from desktop.ui.charts.heatmap import HeatMap
from desktop.ui.charts.line import LineChart

__all__ = ["BarChart", "HeatMap", "LineChart", "Series"]
