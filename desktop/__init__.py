"""Clubhouse (山庄圈子)."""

__version__ = "0.1.0"

