"""``manage.py audit_verify``: recompute the audit hash chain; exit 1 naming the first broken event."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from qaward.audit.domain.queries import verify_chain
from qaward.audit.verify_report import describe


class Command(BaseCommand):
    help = "Recompute the audit log's hash chain. Prints OK with the head hash, or the first broken event."

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--expect-head",
            default="",
            metavar="HASH",
            help="a head hash printed by an earlier run; fail if it is no longer in the chain",
        )

    def handle(self, *args, **options) -> None:
        check = verify_chain(expected_head=options["expect_head"])
        if not check.ok:
            raise CommandError(describe(check), returncode=1)
        self.stdout.write(describe(check))
