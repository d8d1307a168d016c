"""Writes of the expert app (every one atomic and audited); reads are in ``queries``."""
