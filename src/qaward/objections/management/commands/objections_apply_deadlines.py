"""Apply the consequences of missed verification deadlines (吉林 第三十七条(四)).

Run daily (cron or a systemd timer); the case page also runs it for its objection when viewed,
so a deadline never waits for the next run to show its consequence.
"""

from django.core.management.base import BaseCommand

from qaward.objections.domain.handling import apply_missed_deadlines


class Command(BaseCommand):
    help = "Close verification requests past their deadline and apply the rulebook's consequence."

    def handle(self, *args, **options):
        closed = apply_missed_deadlines()
        for verification in closed:
            self.stdout.write(f"{verification.objection}: {verification.consequence}")
        self.stdout.write(f"{len(closed)} verification request(s) past their deadline.")
