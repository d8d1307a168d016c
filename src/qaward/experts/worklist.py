"""Home-page count of panel invitations an expert has not answered (see qaward.worklist)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from qaward.experts.enums import MemberStatus, PanelStatus
from qaward.experts.models import PanelMember
from qaward.worklist import WorkItem


def work_items(user) -> list[WorkItem]:
    waiting = (
        PanelMember.objects.filter(expert__user=user, status=MemberStatus.INVITED)
        .exclude(panel__status=PanelStatus.DISSOLVED)
        .count()
    )
    return [WorkItem(_("Review invitations waiting for your answer"), waiting, reverse("experts:mine"))]
