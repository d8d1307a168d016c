"""Expert-to-application assignment solver (pure Python: no Django; see docs/matching.md)."""

from .affinity import Candidates, build_candidates, pair_affinity
from .model import (
    Application,
    Expert,
    Instance,
    Issue,
    MatchingInputError,
    Pair,
    Parameters,
    Result,
    Unfilled,
    normalise_code,
)
from .solver import precheck, solve_flow, solve_milp, validate

__all__ = [
    "Application",
    "Candidates",
    "Expert",
    "Instance",
    "Issue",
    "MatchingInputError",
    "Pair",
    "Parameters",
    "Result",
    "Unfilled",
    "build_candidates",
    "normalise_code",
    "pair_affinity",
    "precheck",
    "solve_flow",
    "solve_milp",
    "validate",
]
