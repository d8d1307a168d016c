"""``manage.py load_demo``: demo programs, cycles and accounts. Idempotent: existing rows are
left exactly as they are, so a second run changes nothing."""

from __future__ import annotations

from importlib import import_module

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from qaward.accounts.models import MFA_ROLES
from qaward.accounts.security.demo import provision_demo_mfa
from qaward.programs.domain.cycles import create_cycle
from qaward.programs.models import AwardProgram, Cycle, Jurisdiction
from qaward.rulebooks import registry
from qaward.staff.demo_accounts import DEMO_ACCOUNTS, DEMO_PENDING_REGISTRATIONS, DemoAccount
from qaward.staff.demo_programs import DEMO_PROGRAMS, DemoProgram
from qaward.staff.demo_units import DEMO_UNITS

DEMO_APPS = ("applications", "vetting", "publicity", "objections", "experts", "portal")


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
            self._load_units()
            self._grant_demo_roles()
            # Later apps add their demo data (applications, windows, experts …) in this order.
            for app in DEMO_APPS:
                import_module(f"qaward.{app}.demo").load(self._report)
        if self.created:
            self.stdout.write(self.style.SUCCESS(f"Created {self.created} demo object(s)."))
        else:
            self.stdout.write("Demo data already present; nothing changed.")

    def _report(self, what: str) -> None:
        self.created += 1
        self.stdout.write(f"  created {what}")

    def _load_program(self, demo: DemoProgram) -> None:
        # The rulebook already names the jurisdiction its regulation governs.
        book = registry.get(demo.rulebook_id)
        place = book.jurisdiction
        jurisdiction = Jurisdiction.objects.filter(code=place.code).first()
        if jurisdiction is None:
            jurisdiction = Jurisdiction(code=place.code, name=place.name, level=place.level)
            jurisdiction.full_clean()
            jurisdiction.save()
            self._report(f"jurisdiction {jurisdiction}")

        program = AwardProgram.objects.filter(slug=demo.slug).first()
        if program is None:
            program = AwardProgram(
                jurisdiction=jurisdiction,
                name=demo.name,
                slug=demo.slug,
                rulebook_id=demo.rulebook_id,
                rulebook_version=book.version,
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
        user = User.objects.filter(username=account.username).first()
        if user is None:
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
        self._load_mfa(user, account)

    def _load_mfa(self, user, account: DemoAccount) -> None:
        # Demo accounts whose role requires a second factor get an authenticator device and a
        # stock of ordinary one-time backup codes; the login page shows the next unused code of
        # each, so visitors pass the MFA step without a phone while seeing it work. A rerun
        # tops the stock up (see qaward.accounts.security.demo).
        if not (account.is_superuser or account.role_code in MFA_ROLES):
            return
        for what in provision_demo_mfa(user=user):
            self._report(f"{what} for {user.username}")

    def _load_units(self) -> None:
        from qaward.programs.models import RecommendingUnit

        for demo in DEMO_UNITS:
            program = AwardProgram.objects.filter(slug=demo.program_slug).first()
            if program is None or RecommendingUnit.objects.filter(program=program, name=demo.name).exists():
                continue
            unit = RecommendingUnit(
                program=program, name=demo.name, kind=demo.kind, region_code=demo.region_code
            )
            unit.full_clean()
            unit.save()
            self._report(f"recommending unit {unit} ({program})")

    def _grant_demo_roles(self) -> None:
        """Each demo account holds its role (through the domain, so the grants are audited), and
        one recommender registration waits for the Jilin office. A role someone revoked in the
        demo is granted again."""
        from qaward.accounts.domain.queries import has_role
        from qaward.accounts.domain.roles import grant_role, register_recommender
        from qaward.programs.models import RecommendingUnit

        User = get_user_model()
        programs = {p.name: p for p in AwardProgram.objects.all()}
        for account in DEMO_ACCOUNTS:
            user = User.objects.filter(username=account.username, is_active=True).first()
            program = programs.get(account.program_name) if account.program_name else None
            if user is None or not account.role_code or (account.program_name and program is None):
                continue
            if has_role(user, account.role_code, program):
                continue
            unit = None
            if account.unit_name:
                unit = RecommendingUnit.objects.get(program=program, name=account.unit_name)
            grant_role(user=user, role=account.role_code, program=program, actor=None, recommending_unit=unit)
            self._report(f"role {account.role_code} for {account.username}")
        for demo in DEMO_PENDING_REGISTRATIONS:
            program = programs.get(demo.program_name)
            if program is None or User.objects.filter(username=demo.username).exists():
                continue
            register_recommender(
                username=demo.username,
                password=demo.password,
                full_name=demo.full_name,
                email=demo.email,
                phone=demo.phone,
                recommending_unit=RecommendingUnit.objects.get(program=program, name=demo.unit_name),
                program=program,
            )
            self._report(f"pending recommender registration {demo.username}")
