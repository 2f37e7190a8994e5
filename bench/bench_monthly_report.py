"""Benchmark: the monthly report PDF of a big venue (issue 7: under 2 s).

Runs on the runner's generated world (50,000 members, 200,000 bookings, and the 5,000 events,
payments, visits and circle of ``bench_review.review_world``); it adds no data of its own.
The month is the last whole month before the world's clock, the busiest one the fillers made.
Timed: ``print_month_report`` end to end, the review's queries and the PDF alike, as the owner
waits for it after pressing "Make the report" in the Review view.
"""

from __future__ import annotations

from bench.framework import Operation, World, benchmark
from desktop.reports.base import register_fonts
from desktop.reports.monthly import print_month_report


@benchmark("print report: one month to PDF (50,000 members, 200,000 bookings, 5,000 events)",
           target_ms=2000, repeats=5)
def month_report(world: World) -> Operation:
    owner = world.ctx("owner")
    register_fonts()  # once per process, as in the app
    today = world.clock.now().date()
    last = today.replace(day=1).toordinal() - 1
    month = today.fromordinal(last)
    path = world.folder / "month-report.pdf"
    return lambda: print_month_report(owner, month.year, month.month, path, "en")
