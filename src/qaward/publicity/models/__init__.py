"""Models of the publicity app: fields, constraints and cheap properties only (writes: domain/)."""

from qaward.publicity.models.window import PublicityEntry, PublicityWindow, WindowChange

__all__ = ["PublicityEntry", "PublicityWindow", "WindowChange"]
