"""Readable names of this app's audit actions (see qaward.audit.labels)."""

from django.utils.translation import gettext_lazy as _

ACTION_LABELS = {
    "vetting.recommender_checks": _("Recommending unit's checklist recorded"),
    "vetting.credit_check": _("Credit record check recorded"),
    "vetting.request_consultations": _("Departments consulted"),
    "vetting.answer_consultation": _("Department's answer recorded"),
    "vetting.open_recommender_window": _("Recommending unit's publicity opened"),
    "vetting.recommend": _("Recommendation opinion issued"),
    "vetting.decline_to_recommend": _("Recommending unit declined to recommend"),
    "vetting.return_for_correction": _("Returned to the applicant for correction"),
    "vetting.formal_checks": _("Formal review checks recorded"),
    "vetting.accept": _("Accepted after formal review"),
    "vetting.accept_override": _("Accepted with unanswered consultations (override)"),
    "vetting.reject": _("Not accepted after formal review"),
    "vetting.issue_letter": _("Letter issued"),
    "vetting.render_letter": _("Letter rendered as PDF"),
    "vetting.demo_applicant": _("Demo applicant created"),
}
