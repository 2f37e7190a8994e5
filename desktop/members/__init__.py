"""Members and membership: the directory, plans, periods, payments, import, export, privacy."""
