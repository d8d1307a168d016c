""" "Waiting for you" on the home page: each app counts the work a user has to do there.

An app lists its items in ``<app>/worklist.py`` as ``def work_items(user) -> list[WorkItem]``;
an item with a count of zero is not shown. ``due_soon`` marks items with a deadline within a few
working days (shown highlighted).
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module

from django.utils.functional import Promise

WORKLIST_APPS = ("applications", "vetting", "publicity", "objections", "experts")


@dataclass(frozen=True)
class WorkItem:
    label: str | Promise
    count: int
    url: str
    due_soon: bool = False


def work_items(user) -> list[WorkItem]:
    if not getattr(user, "is_authenticated", False):
        return []
    items: list[WorkItem] = []
    for app in WORKLIST_APPS:
        try:
            module = import_module(f"qaward.{app}.worklist")
        except ModuleNotFoundError as missing:
            if missing.name != f"qaward.{app}.worklist":
                raise
            continue
        items.extend(item for item in module.work_items(user) if item.count)
    return items
