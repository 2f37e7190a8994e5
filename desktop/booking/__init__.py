"""Spaces and bookings: opening hours, closures, the booking rules, the lifecycle of a booking.

``rules`` checks a proposed booking against every rule of DESIGN.md in one pure function;
``service`` loads what the rules need inside a locking transaction and writes; ``spaces``
keeps the spaces, their hours and closures; ``lifecycle`` moves a booking through its
statuses (confirmed -> checked in | cancelled | no-show).
"""
