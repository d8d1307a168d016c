"""Expert-to-application assignment solver (pure Python: no Django; see docs/matching.md)."""

from .affinity import Candidates, build_candidates, pair_affinity
from .availability import exclusion_reasons, unavailable_reason
from .model import (
    Application,
    DateRange,
    Expert,
    Instance,
    Issue,
    MatchingInputError,
    Pair,
    Parameters,
    Result,
    Unfilled,
    date_range,
    normalise_code,
)
from .solver import precheck, solve_flow, solve_milp, validate
from .text import keyword_similarity, keyword_terms

__all__ = [
    "Application",
    "Candidates",
    "DateRange",
    "Expert",
    "Instance",
    "Issue",
    "MatchingInputError",
    "Pair",
    "Parameters",
    "Result",
    "Unfilled",
    "build_candidates",
    "date_range",
    "exclusion_reasons",
    "keyword_similarity",
    "keyword_terms",
    "normalise_code",
    "pair_affinity",
    "precheck",
    "solve_flow",
    "solve_milp",
    "unavailable_reason",
    "validate",
]
