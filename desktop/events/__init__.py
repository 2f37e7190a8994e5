"""Events, registrations, check-in at the door, visits."""
