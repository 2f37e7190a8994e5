"""The owner's review (issue 7): membership, engagement, spaces, events, circle and money,
each number with the list behind it.  No Qt here: the Review view and the monthly report PDF
both read ``review_snapshot`` / ``month_report_data`` and ``drill_down``."""
