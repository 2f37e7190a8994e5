"""Review → Circle and Money: what the circle produced, what came in, what is owed."""

from __future__ import annotations

from decimal import Decimal

from desktop.review.common import Drill
from desktop.ui.charts import BarChart, Series
from desktop.ui.review.models import OutstandingModel
from desktop.ui.review.parts import (
    money,
    month_label,
    number,
)
from desktop.ui.review.section import CHART_HEIGHT, SectionPage, click_hint


class CirclePage(SectionPage):
    def build(self) -> None:
        c = self.review.circle
        self.count_tile("openNeedsTile", c.open_needs, self.tr("Open needs"))
        self.count_tile("openOffersTile", c.open_offers, self.tr("Open offers"))
        self.count_tile("newNeedsTile", c.new_needs, self.tr("New needs"))
        self.count_tile("newOffersTile", c.new_offers, self.tr("New offers"))
        self.count_tile("matchedTile", c.matched, self.tr("Matched"))
        self.count_tile("introductionsTile", c.introductions, self.tr("Introductions"))
        self.tile("outcomeValueTile", money(c.outcome_value, self.review.currency),
                  self.tr("Value of outcomes"),
                  hint=self.tr("The values recorded on the outcomes of the window's "
                               "introductions."))
        uses = sum(p.uses.value for p in c.partners)
        self.tile("benefitUsesTile", number(uses), self.tr("Partner benefit uses"),
                  Drill.of("benefit_uses", first=c.first, last=c.last) if uses else None)
        self.month_line("introductionsChart", self.tr("Introductions per month"),
                        c.introductions_per_month, self.tr("Introductions"))
        self.bucket_bars("outcomesChart", self.tr("Outcomes of introductions"), c.outcomes,
                         note=click_hint())
        self.month_line("benefitUsesChart", self.tr("Partner benefit uses per month"),
                        c.benefit_uses_per_month, self.tr("Uses"))
        self._partners()

    def _partners(self) -> None:
        partners = self.review.circle.partners
        chart = BarChart(horizontal=True)
        chart.integers = True
        chart.set_data([p.name for p in partners], [float(p.uses.value) for p in partners])
        chart.clicked.connect(lambda index: self.open_count(partners[index].name,
                                                            partners[index].uses))
        self.chart("partnersChart", self.tr("Benefit uses by partner"), chart,
                   height=max(CHART_HEIGHT, chart.sizeHint().height()))


class MoneyPage(SectionPage):
    def build(self) -> None:
        mo = self.review.money
        cur = mo.currency
        self.tile("paymentsTile", money(mo.payments_total, cur), self.tr("Membership payments"),
                  Drill.of("payments", first=mo.first, last=mo.last)
                  if mo.payments_total else None)
        self.tile("eventFeesTile", money(mo.event_fees_total, cur), self.tr("Event fees"),
                  Drill.of("event_fees", first=mo.first, last=mo.last)
                  if mo.event_fees_total else None)
        self.count_tile("outstandingTile", mo.outstanding, self.tr("Event fees owed"))
        self.tile("outstandingAmountTile", money(mo.outstanding_amount, cur),
                  self.tr("Amount owed"), mo.outstanding.drill if mo.outstanding.value else None,
                  title=self.tr("Event fees owed"))
        self._by_month()
        self._by_plan()
        self.heading(self.tr("Event fees still owed"))
        model = OutstandingModel(cur)
        model.setParent(self)
        model.set_rows(mo.outstanding_list)
        self.list_table("outstandingTable", model, OutstandingModel.EVENT,
                        self.tr("No event fee is owed."), on_open=self.member_opener(model))

    def _by_month(self) -> None:
        mo = self.review.money
        chart = BarChart()
        chart.value_format = lambda v: money(Decimal(str(v)), mo.currency)
        members, fees = self.tr("Membership payments"), self.tr("Event fees")
        series = (mo.payments_per_month, mo.event_fees_per_month)
        chart.set_data([month_label(m.month) for m in mo.payments_per_month],
                       [Series(members, tuple(float(m.amount) for m in series[0])),
                        Series(fees, tuple(float(m.amount) for m in series[1]))])

        def open_bar(index: int, which: int) -> None:
            month = series[which][index]
            self.open_count(f"{(members, fees)[which]}: {month.month:%Y-%m}", month.count)

        chart.tip_labels = [f"{m.month:%Y-%m}" for m in mo.payments_per_month]
        chart.barClicked.connect(open_bar)
        self.chart("moneyByMonthChart", self.tr("Money in per month"), chart, span=2)

    def _by_plan(self) -> None:
        mo = self.review.money
        plans = mo.payments_by_plan
        chart = BarChart(horizontal=True)
        chart.value_format = lambda v: money(Decimal(str(v)), mo.currency)
        chart.set_data([p.name for p in plans], [float(p.amount) for p in plans])
        chart.clicked.connect(lambda index: self.open_count(
            self.tr("Payments: %1").replace("%1", plans[index].name), plans[index].payments))
        self.chart("moneyByPlanChart", self.tr("Membership payments by plan"), chart, span=2,
                   height=max(CHART_HEIGHT, chart.sizeHint().height()))
