"""Writes of the publicity app (``windows``); reads are in ``queries``."""
