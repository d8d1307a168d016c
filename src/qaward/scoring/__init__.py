"""Pure (no Django): rubrics as data — the self-evaluation and scoring items per rubric id that
rulebook tracks name (GB/T 19580 for organisations, the regulations' individual rubrics)."""

from qaward.scoring.rubrics import RUBRICS, Rubric, rubric

__all__ = ["RUBRICS", "Rubric", "rubric"]
