"""Venue and app settings: the registry says what exists, the store reads and writes them."""
