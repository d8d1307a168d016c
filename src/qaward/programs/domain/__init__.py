"""Writes to programs models. Views, admin and commands call these instead of ``.save()``."""
