"""Readable names of this app's audit actions (see qaward.audit.labels)."""

from django.utils.translation import gettext_lazy as _

ACTION_LABELS = {
    "publicity.open_window": _("Publicity window opened"),
    "publicity.extend_window": _("Publicity period changed"),
    "publicity.record_media": _("Media publication of a publicity recorded"),
}
