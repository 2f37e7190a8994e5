"""Review → Membership and Engagement: who the members are, whom to call, who comes."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QHBoxLayout

from desktop.ui.charts import BarChart, Series
from desktop.ui.review.models import CallListModel, EngagedModel
from desktop.ui.review.parts import (
    month_label,
    percent,
)
from desktop.ui.review.section import SectionPage, click_hint
from desktop.ui.widgets import label


class MembershipPage(SectionPage):
    def build(self) -> None:
        m = self.review.membership
        self.count_tile("membersTile", m.total, self.tr("Members"))
        self.count_tile("expiring30Tile", m.expiring_30, self.tr("Expiring in 30 days"))
        self.count_tile("expiring60Tile", m.expiring_60, self.tr("Expiring in 60 days"))
        self.count_tile("lapsed90Tile", m.lapsed_90, self.tr("Lapsed in the last 90 days"))
        renewal = m.renewal
        self.tile("renewalTile", percent(renewal.rate), self.tr("Renewal rate"),
                  renewal.ended.drill if renewal.ended.value else None,
                  self.tr("Of the memberships that ended from %1 to %2: renewed against "
                          "renewed and lost (those still in their grace days are not decided "
                          "yet).").replace("%1", m.first.isoformat())
                  .replace("%2", m.last.isoformat()),
                  title=self.tr("Memberships that ended"))
        self.count_tile("renewedTile", renewal.renewed, self.tr("Renewed"))
        self.count_tile("lostTile", renewal.lost, self.tr("Not renewed"))
        self.count_tile("pendingTile", renewal.pending, self.tr("Still deciding (grace)"))
        net = sum(month.net for month in m.net_growth)
        self.tile("netGrowthTile", f"{net:+d}", self.tr("Net growth, 12 months"),
                  hint=self.tr("Joined minus lapsed over the twelve months of the chart."))
        referral = m.referral
        self.count_tile("referredTile", referral.referred, self.tr("Came through a referral"))
        self.tile("referralPayingTile", percent(referral.paying_rate),
                  self.tr("Referrals who paid"),
                  referral.paying.drill if referral.paying.value else None,
                  self.tr("%1 of %2 referred members paid for a membership.")
                  .replace("%1", str(referral.paying.value))
                  .replace("%2", str(referral.referred.value)))
        self.tile("referralRenewedTile", percent(referral.renewed_rate),
                  self.tr("Referrals who renewed"),
                  referral.renewed.drill if referral.renewed.value else None)

        self.bucket_bars("statusChart", self.tr("Members by status"), m.by_status,
                         note=click_hint())
        self.bucket_bars("planChart", self.tr("Members by plan"), m.by_plan,
                         horizontal=True, note=click_hint())
        self.month_line("joinedChart", self.tr("New members per month"), m.new_per_month,
                        self.tr("Joined"))
        self._net_growth()
        self._referrers()
        self.bucket_bars("tagChart", self.tr("Tag mix"), m.tag_mix, horizontal=True)

        self.heading(self.tr("Call list: memberships ending soon"))
        self._call_list()

    def _net_growth(self) -> None:
        months = self.review.membership.net_growth
        chart = BarChart()
        chart.integers = True
        joined, lapsed = self.tr("Joined"), self.tr("Lapsed")
        chart.set_data([month_label(m.month) for m in months],
                       [Series(joined, tuple(float(m.new.value) for m in months)),
                        Series(lapsed, tuple(float(m.lapsed.value) for m in months))])

        def open_bar(index: int, series: int) -> None:
            month = months[index]
            self.open_count(f"{(joined, lapsed)[series]}: {month.month:%Y-%m}",
                            (month.new, month.lapsed)[series])

        chart.tip_labels = [f"{m.month:%Y-%m}" for m in months]
        chart.barClicked.connect(open_bar)
        self.chart("netGrowthChart", self.tr("Joined and lapsed per month"), chart)

    def _referrers(self) -> None:
        referrers = self.review.membership.top_referrers
        chart = BarChart(horizontal=True)
        chart.integers = True
        brought, paid = self.tr("Brought in"), self.tr("Paid")
        chart.set_data([r.name for r in referrers],
                       [Series(brought, tuple(float(r.referred.value) for r in referrers)),
                        Series(paid, tuple(float(r.paying.value) for r in referrers))])

        def open_bar(index: int, series: int) -> None:
            who = referrers[index]
            self.open_count(f"{who.name}: {(brought, paid)[series]}",
                            (who.referred, who.paying)[series])

        chart.barClicked.connect(open_bar)
        self.chart("referrersChart", self.tr("Top referrers"), chart,
                   height=chart.sizeHint().height())

    def _call_list(self) -> None:
        rows = self.review.membership.call_list
        row = QHBoxLayout()
        self.call_window = QComboBox()
        self.call_window.setObjectName("callListWindow")
        self.call_window.addItem(self.tr("Within 30 days"), 30)
        self.call_window.addItem(self.tr("Within 60 days"), 60)
        self.call_window.setCurrentIndex(1)
        row.addWidget(self.call_window)
        self.call_count = label("", "hint", object_name="callListCount")
        row.addWidget(self.call_count, 1)
        self.column.addLayout(row)
        self.call_model = CallListModel(self)
        self.call_model.set_rows(rows)
        self.call_table = self.list_table(
            "callListTable", self.call_model,
            CallListModel.NAME, self.tr("No membership ends in the next 60 days."),
            rows_shown=10, on_open=self.member_opener(self.call_model))
        self.call_window.currentIndexChanged.connect(lambda _i: self._filter_calls())
        self._filter_calls()

    def _filter_calls(self) -> None:
        days = int(self.call_window.currentData())
        rows = [row for row in self.review.membership.call_list if row.days_left < days]
        self.call_model.set_rows(rows)
        self.call_count.setText(self.tr("%1 to call").replace("%1", str(len(rows))))


class EngagementPage(SectionPage):
    def build(self) -> None:
        e = self.review.engagement
        self.count_tile("activeMembersTile", e.members,
                        self.tr("Members with a membership in the window"))
        self.count_tile("visitsTile", e.visits, self.tr("Visits"))
        self.count_tile("visitorsTile", e.visitors, self.tr("Members who visited"))
        self.count_tile("attendancesTile", e.attendances, self.tr("Event check-ins"))
        self.count_tile("attendeesTile", e.attendees, self.tr("Members at events"))
        self.count_tile("notSeenTile", e.not_seen,
                        self.tr("Not seen for %1 days").replace("%1", str(e.not_seen_days)),
                        self.tr("Current members with no visit for more than %1 days (or "
                                "never): the setting Review → not seen days.")
                        .replace("%1", str(e.not_seen_days)))
        self._distribution()
        self._most_engaged_chart()
        self.heading(self.tr("Most engaged members"))
        model = EngagedModel(self)
        model.set_rows(e.most_engaged)
        self.list_table("engagedTable", model, EngagedModel.NAME,
                        self.tr("Nobody visited in this window yet."), rows_shown=10,
                        on_open=self.member_opener(model))

    def _distribution(self) -> None:
        e = self.review.engagement
        visits, events = self.tr("Visits"), self.tr("Events")
        buckets = (e.visit_distribution, e.event_distribution)
        chart = BarChart()
        chart.integers = True
        chart.set_data([b.label.render() for b in e.visit_distribution],
                       [Series(visits, tuple(float(b.count.value) for b in buckets[0])),
                        Series(events, tuple(float(b.count.value) for b in buckets[1]))])

        def open_bar(index: int, series: int) -> None:
            bucket = buckets[series][index]
            self.open_count(f"{(visits, events)[series]}: {bucket.label.render()}",
                            bucket.count)

        chart.barClicked.connect(open_bar)
        self.chart("distributionChart", self.tr("Members by visits and by events attended"),
                   chart, self.tr("How many members came how often in the window."))

    def _most_engaged_chart(self) -> None:
        people = self.review.engagement.most_engaged
        chart = BarChart(horizontal=True)
        chart.integers = True
        chart.set_data([p.name for p in people],
                       [Series(self.tr("Visits"), tuple(float(p.visits) for p in people)),
                        Series(self.tr("Events"), tuple(float(p.events) for p in people))])
        chart.clicked.connect(lambda index: self.links.member(people[index].member_id))
        self.chart("engagedChart", self.tr("Most engaged"), chart,
                   self.tr("Click a name to open the member."),
                   height=chart.sizeHint().height())
