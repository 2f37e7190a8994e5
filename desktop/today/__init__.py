"""The desk's Today screen: the day's bookings and events, who is expected, renewals, search."""
