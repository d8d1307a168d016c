"""Home-page counts of objections and complaints waiting for a decision (see qaward.worklist)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from qaward.accounts.domain.queries import programs_where
from qaward.accounts.models import Role
from qaward.objections.enums import ComplaintState, ObjectionState
from qaward.objections.models import Complaint, Objection
from qaward.worklist import WorkItem


def work_items(user) -> list[WorkItem]:
    office = programs_where(user, Role.OFFICE_STAFF)
    supervised = programs_where(user, Role.SUPERVISOR)
    return [
        WorkItem(
            _("Objections waiting for an admissibility decision"),
            Objection.objects.filter(program__in=office, state=ObjectionState.RECEIVED).count(),
            reverse("objections:index"),
            due_soon=True,
        ),  # fmt: skip
        WorkItem(
            _("Complaints waiting for the supervision subcommittee"),
            Complaint.objects.filter(program__in=supervised, state=ComplaintState.RECEIVED).count(),
            reverse("objections:complaints"),
        ),  # fmt: skip
    ]
