"""The Calendar view: the day and week grids of the spaces, drawn and dragged (issue 4)."""
