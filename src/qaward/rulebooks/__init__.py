"""Rulebooks: each award regulation as versioned, cited data, and the engine that applies it.

Pure Python: nothing in this package imports Django.
"""
