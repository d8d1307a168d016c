"""Readable names of this app's audit actions (see qaward.audit.labels)."""

from django.utils.translation import gettext_lazy as _

ACTION_LABELS = {
    "programs.open_cycle": _("Cycle opened for applications"),
    "programs.open_cycle.override": _("Cycle opened outside the cycle rule (reason recorded)"),
    "programs.publish_call_notice": _("Call notice published"),
}
