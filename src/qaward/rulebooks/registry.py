"""The shipped rulebooks, loaded once per process (they are read-only data)."""

from __future__ import annotations

from functools import cache

from .loader import book_paths, load_file
from .schema import Rulebook


class RulebookNotFound(KeyError):
    def __str__(self) -> str:
        return f"没有 id 为“{self.args[0]}”的规则库；现有：{'、'.join(list_ids())}"


@cache
def _all() -> dict[str, Rulebook]:
    return {book.id: book for book in (load_file(path) for path in book_paths())}


def list_ids() -> list[str]:
    return [path.stem for path in book_paths()]


def get(rulebook_id: str) -> Rulebook:
    try:
        return _all()[rulebook_id]
    except KeyError:
        raise RulebookNotFound(rulebook_id) from None


def all_rulebooks() -> list[Rulebook]:
    return list(_all().values())
