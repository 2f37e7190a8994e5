"""The Events view: events with their counts, the event dialog, and the registrations of the
selected event."""
