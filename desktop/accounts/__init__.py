"""Staff accounts, sign-in and the owner's staff management."""
