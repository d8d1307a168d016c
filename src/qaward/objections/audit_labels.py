"""Readable names of this app's audit actions (see qaward.audit.labels)."""

from django.utils.translation import gettext_lazy as _

ACTION_LABELS = {
    "objection.file": _("Objection filed online"),
    "objection.enter_paper": _("Paper objection entered"),
    "objection.admit": _("Objection admitted"),
    "objection.not_admitted": _("Objection not admitted"),
    "objection.route_out": _("Objection referred to the competent authority"),
    "objection.routed_result": _("Result of a referred objection recorded"),
    "objection.request_verification": _("Recommending unit asked to verify an objection"),
    "objection.report_verification": _("Verification report on an objection"),
    "objection.verification_missed": _("Verification deadline missed"),
    "objection.appoint_expert": _("Investigating expert appointed"),
    "objection.decide": _("Objection decided"),
    "objection.ban": _("Ban on applying after an objection"),
    "objection.consent": _("Objector's consent to disclosure recorded"),
    "objection.add_handler": _("Person added to an objection case"),
    "objection.letter": _("Objection letter issued"),
    "objection.render_letter": _("Objection letter rendered as PDF"),
    "complaint.file": _("Complaint filed"),
    "complaint.note": _("Complaint investigation note"),
    "complaint.close": _("Complaint closed"),
}
