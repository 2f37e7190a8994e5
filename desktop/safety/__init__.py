"""Data safety: backups (SQLite online backup API), restore with checks, integrity checks."""
