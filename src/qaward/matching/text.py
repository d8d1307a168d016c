"""Keyword terms for the keyword-similarity part of affinity (dependency-free, deterministic).

Chinese has no spaces, and a dictionary segmenter (jieba) is unmaintained and its output depends on
its dictionary version. Instead each keyword is cut into runs of Han characters and runs of Latin
letters/digits (anything else separates runs):

- a Han run of two or more characters gives its overlapping character bigrams
  ("质量管理" → 质量、量管、管理), a single Han character gives itself;
- a Latin/digit run gives itself in lower case ("ISO 9001" → iso、9001).

Runs never span two keywords, so a bigram always comes from one keyword. The text is NFKC-normalised
first (full-width letters and digits become ASCII). Similarity is the Jaccard coefficient of the two
term sets, and the shared terms are what the affinity components record.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
_RUN = re.compile(rf"[{_HAN}]+|[0-9a-z]+")
_IS_HAN = re.compile(rf"[{_HAN}]")


@lru_cache(maxsize=65536)
def _terms_of(keyword: str) -> tuple[str, ...]:
    text = unicodedata.normalize("NFKC", keyword).lower()
    out: list[str] = []
    for run in _RUN.findall(text):
        if _IS_HAN.match(run):
            out.extend([run] if len(run) == 1 else [run[i : i + 2] for i in range(len(run) - 1)])
        else:
            out.append(run)
    return tuple(out)


def keyword_terms(keywords: Iterable[str]) -> frozenset[str]:
    """The set of terms of some keywords (phrases or free text): Han bigrams and Latin/digit words."""
    terms: set[str] = set()
    for k in keywords:
        terms.update(_terms_of(str(k)))
    return frozenset(terms)


def keyword_similarity(a: Iterable[str], b: Iterable[str]) -> tuple[float, list[str]]:
    """Jaccard coefficient of the term sets of two keyword lists, and the shared terms (sorted).

    Symmetric, in [0, 1]; 1 for keyword lists with the same terms, 0 when no term is shared or
    either side has no term.
    """
    ta, tb = keyword_terms(a), keyword_terms(b)
    shared = ta & tb
    union = len(ta) + len(tb) - len(shared)
    return (len(shared) / union if union else 0.0), sorted(shared)
