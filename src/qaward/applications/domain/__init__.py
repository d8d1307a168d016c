"""Writes of the applications app (each atomic and audited); reads in ``domain/queries.py``."""
