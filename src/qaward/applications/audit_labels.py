"""Readable names of this app's audit actions (see qaward.audit.labels)."""

from django.utils.translation import gettext_lazy as _

from qaward.applications.transitions import TRANSITIONS

ACTION_LABELS = {
    "application.start": _("Application started"),
    "application.form_saved": _("Application form saved"),
    "application.self_evaluation_saved": _("Self-evaluation report saved"),
    "application.declarations_saved": _("Declarations made"),
    "application.material_added": _("Material uploaded"),
    "application.material_removed": _("Material removed"),
    "application.internal_publicity_saved": _("Internal publicity recorded"),
    "applicant.create": _("Applicant profile registered"),
    "applicant.update": _("Applicant profile changed"),
    "applicant.parent_registered": _("Parent organisation registered"),
    "applicant.member_added": _("Team member added"),
    "applicant.member_removed": _("Team member left"),
    "applicant.award_recorded": _("Past award recorded"),
    **{f"application.{name}": transition.label for name, transition in TRANSITIONS.items()},
}
