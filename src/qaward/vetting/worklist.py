"""Home-page counts of this app's queues (see qaward.worklist)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from qaward.vetting.domain.queries import queue_counts
from qaward.worklist import WorkItem


def work_items(user) -> list[WorkItem]:
    counts = queue_counts(user)
    return [
        WorkItem(
            _("Applications waiting for your recommendation review"),
            counts.recommender_waiting,
            reverse("vetting:recommender_queue"),
        ),  # fmt: skip
        WorkItem(
            _("Applications waiting for formal review"),
            counts.office_waiting,
            reverse("vetting:office_queue"),
        ),
        WorkItem(
            _("Department consultations past their deadline"),
            counts.consultations_overdue,
            reverse("vetting:consultations"),
            due_soon=True,
        ),  # fmt: skip
    ]
