"""Writes of the objections app (reads: ``objections.domain.queries``)."""
