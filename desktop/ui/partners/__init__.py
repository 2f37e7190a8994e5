"""The Partners view: local businesses, their benefits and agreements, and the events they
sponsor or co-host."""
