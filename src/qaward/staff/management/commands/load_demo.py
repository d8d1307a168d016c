"""``manage.py load_demo``: demo programs, cycles and accounts. Idempotent: existing rows are
left exactly as they are, so a second run changes nothing."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from qaward.programs.domain.cycles import create_cycle
from qaward.programs.models import AwardProgram, Cycle, Jurisdiction
from qaward.programs.rulebook_link import find_rulebook, known_rulebook_ids
from qaward.staff.demo_accounts import DEMO_ACCOUNTS, DemoAccount
from qaward.staff.demo_programs import DEMO_PROGRAMS, DemoProgram


class Command(BaseCommand):
    help = "Create the demo jurisdictions, award programs, cycles and accounts (safe to re-run)."

    def handle(self, *args, **options) -> None:
        if not (settings.DEBUG or settings.QAWARD_DEMO):
            raise CommandError(
                "load_demo creates accounts whose passwords are published on the login page. "
                "Run it only with DEBUG=true or QAWARD_DEMO=true."
            )
        self.created = 0
        with transaction.atomic():
            for demo in DEMO_PROGRAMS:
                self._load_program(demo)
            for account in DEMO_ACCOUNTS:
                self._load_account(account)
        if self.created:
            self.stdout.write(self.style.SUCCESS(f"Created {self.created} demo object(s)."))
        else:
            self.stdout.write("Demo data already present; nothing changed.")

    def _report(self, what: str) -> None:
        self.created += 1
        self.stdout.write(f"  created {what}")

    def _load_program(self, demo: DemoProgram) -> None:
        ids = known_rulebook_ids()
        if ids is not None and demo.rulebook_id not in ids:
            # The rulebooks were written alongside this command; load what exists and say so.
            self.stderr.write(
                self.style.WARNING(
                    f"  skipped {demo.name}: rulebook {demo.rulebook_id} is not in the registry yet"
                )
            )
            return

        jurisdiction = Jurisdiction.objects.filter(code=demo.code).first()
        if jurisdiction is None:
            jurisdiction = Jurisdiction(code=demo.code, name=demo.jurisdiction, level=demo.level)
            jurisdiction.full_clean()
            jurisdiction.save()
            self._report(f"jurisdiction {jurisdiction}")

        program = AwardProgram.objects.filter(slug=demo.slug).first()
        if program is None:
            book = find_rulebook(demo.rulebook_id)
            program = AwardProgram(
                jurisdiction=jurisdiction,
                name=demo.name,
                slug=demo.slug,
                rulebook_id=demo.rulebook_id,
                rulebook_version=book.version if book is not None else 1,
                office_name=demo.office_name,
            )
            program.full_clean()
            program.save()
            self._report(f"award program {program} ({program.rulebook_id} v{program.rulebook_version})")

        for demo_cycle in demo.cycles:
            if Cycle.objects.filter(program=program, number=demo_cycle.number).exists():
                continue
            cycle = create_cycle(
                program=program,
                number=demo_cycle.number,
                year=demo_cycle.year,
                call_opens=demo_cycle.call_opens,
                call_closes=demo_cycle.call_closes,
                status=demo_cycle.status,
            )
            self._report(f"cycle {cycle} [{cycle.status}]")

    def _load_account(self, account: DemoAccount) -> None:
        User = get_user_model()
        if User.objects.filter(username=account.username).exists():
            return
        user = User(
            username=account.username,
            full_name=account.full_name,
            is_superuser=account.is_superuser,
            is_staff=account.is_superuser,
        )
        # The passwords are public, but they must still pass the site's own validators.
        validate_password(account.password, user)
        user.set_password(account.password)
        user.full_clean()
        user.save()
        self._report(f"user {account.username}")
