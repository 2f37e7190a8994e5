"""The audit log: recorded on every flush (recorder), browsed and exported by the owner."""

from desktop.audit import recorder as recorder

__all__ = ["recorder"]
