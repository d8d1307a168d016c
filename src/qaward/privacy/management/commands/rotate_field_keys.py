"""``manage.py rotate_field_keys``: re-encrypt personal data under the first key of
QAWARD_FIELD_KEYS; with ``--reindex`` also recompute blind indexes under QAWARD_INDEX_KEY.

Procedure (docs/privacy.md): put the new key first in QAWARD_FIELD_KEYS, keep the old ones after
it, restart, run this command, then remove the old keys and restart again.
"""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from qaward.privacy.crypto import UndecryptableValue
from qaward.privacy.domain.keys import (
    DEFAULT_BATCH_SIZE,
    FieldRotation,
    reindex_blind_indexes,
    rotate_field_keys,
)


class Command(BaseCommand):
    help = (
        "Re-encrypt every encrypted field under the first key of QAWARD_FIELD_KEYS, in batches "
        "(safe to interrupt and re-run); --reindex also rebuilds blind indexes."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--batch-size",
            type=int,
            default=DEFAULT_BATCH_SIZE,
            help=f"rows per transaction (default {DEFAULT_BATCH_SIZE})",
        )
        parser.add_argument(
            "--reindex",
            action="store_true",
            help="also recompute every blind index (needed after changing QAWARD_INDEX_KEY)",
        )

    def handle(self, *args, batch_size: int, reindex: bool, **options) -> None:
        if batch_size < 1:
            raise CommandError("--batch-size must be at least 1.")
        try:
            rotated = rotate_field_keys(batch_size=batch_size)
            self._report("re-encrypted", "already under the current key", rotated)
            if reindex:
                reindexed = reindex_blind_indexes(batch_size=batch_size)
                self._report("re-indexed", "index already current", reindexed)
        except UndecryptableValue as error:
            # Batches finished so far stay committed; a re-run continues where this stopped.
            raise CommandError(str(error)) from None
        changed = sum(r.changed for r in rotated)
        self.stdout.write(self.style.SUCCESS(f"Done: {changed} value(s) re-encrypted."))

    def _report(self, changed: str, unchanged: str, results: list[FieldRotation]) -> None:
        for result in results:
            self.stdout.write(
                f"{result.label}: {result.changed} {changed}, {result.unchanged} {unchanged}, "
                f"{result.empty} empty"
            )
