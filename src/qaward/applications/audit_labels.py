"""Readable names of this app's audit actions (see qaward.audit.labels)."""

from django.utils.translation import gettext_lazy as _

from qaward.applications.transitions import TRANSITIONS

ACTION_LABELS = {
    "application.start": _("Application started"),
    **{f"application.{name}": transition.label for name, transition in TRANSITIONS.items()},
}
