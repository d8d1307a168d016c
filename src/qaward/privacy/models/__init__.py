from .identity import PersonIdentity

__all__ = ["PersonIdentity"]
