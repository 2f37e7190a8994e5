"""Booking dialogs reached from anywhere: quick booking (Ctrl+N) and "find a free slot"."""
