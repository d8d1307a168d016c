"""Home-page count of applications returned to the applicant for correction (see qaward.worklist)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from qaward.applications.domain.queries import applications_of
from qaward.applications.enums import ApplicationState
from qaward.worklist import WorkItem


def work_items(user) -> list[WorkItem]:
    returned = applications_of(user).filter(state=ApplicationState.RETURNED).count()
    return [
        WorkItem(
            _("Applications returned to you for correction"),
            returned,
            reverse("applications:mine"),
            due_soon=True,
        ),  # fmt: skip
    ]
