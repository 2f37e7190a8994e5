"""Which month to print: the last 24 months, last month chosen (the report is usually made
once a month is over)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QComboBox, QDialog, QFormLayout, QVBoxLayout, QWidget

from desktop.review.common import add_months, month_start
from desktop.ui.widgets import dialog_buttons, label

MONTHS_OFFERED = 24


class MonthDialog(QDialog):
    def __init__(self, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("monthReportDialog")
        self.setWindowTitle(self.tr("Monthly report"))
        column = QVBoxLayout(self)
        column.addWidget(label(self.tr("The month's numbers, charts and lists as a PDF of a "
                                       "few pages, to read, print or keep."), "hint", wrap=True))
        form = QFormLayout()
        self.month = QComboBox()
        self.month.setObjectName("reportMonthCombo")
        this_month = month_start(today)
        for offset in range(0, -MONTHS_OFFERED, -1):
            month = add_months(this_month, offset)
            self.month.addItem(f"{month:%Y-%m}", month)
        self.month.setCurrentIndex(1)  # last month
        form.addRow(self.tr("Month"), self.month)
        column.addLayout(form)
        row, ok = dialog_buttons(self, self.tr("Make the report"), "makeReportButton")
        ok.clicked.connect(self.accept)
        column.addLayout(row)

    def chosen(self) -> dt.date:
        value = self.month.currentData()
        assert isinstance(value, dt.date)
        return value
