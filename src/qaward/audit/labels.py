"""Readable names for the actions recorded by this app (other apps' actions show as recorded)."""

from functools import lru_cache
from importlib import import_module

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from qaward.accounts.models import Role

ACTION_LABELS = {
    "auth.login": _("Logged in"),
    "auth.logout": _("Logged out"),
    "auth.login_failed": _("Failed login"),
    "auth.lockout": _("Account locked after failed logins"),
    "auth.locked_out": _("Account locked after failed logins"),
    "auth.permission_denied": _("Access refused"),
    "ratelimit.exceeded": _("Too many submissions from one address"),
    "auth.mfa_enabled": _("Two-factor authentication set up"),
    "auth.mfa_verified": _("Second factor verified"),
    "auth.mfa_failed": _("Wrong second-factor code"),
    "auth.backup_codes_generated": _("New backup codes generated"),
    "auth.backup_code_used": _("Backup code used"),
    "auth.password_changed": _("Password changed"),
    "auth.password_reset": _("Password reset"),
    "audit.export": _("Exported the audit trail"),
    "accounts.applicant_registered": _("Applicant contact registered"),
    "accounts.recommender_registered": _("Recommender registration submitted"),
    "accounts.recommender_approved": _("Recommender approved"),
    "accounts.recommender_rejected": _("Recommender rejected"),
    "accounts.role_granted": _("Role granted"),
    "accounts.role_revoked": _("Role revoked"),
    "accounts.invitation_sent": _("Invitation sent"),
    "accounts.invitation_resent": _("Invitation sent again"),
    "accounts.invitation_accepted": _("Invitation accepted"),
    "accounts.user_deactivated": _("Account disabled"),
    "file.upload": _("File uploaded"),
    "file.withdraw": _("File withdrawn"),
    "file.download_trade_secret": _("Trade-secret file downloaded"),
    "file.rejected_infected": _("Infected file refused"),
    "file.rejected_scan_error": _("File refused: virus scan failed"),
    "privacy.person_identity_recorded": _("Identity recorded"),
    "privacy.field_keys_rotated": _("Encryption keys rotated"),
    "privacy.blind_indexes_rebuilt": _("Search indexes rebuilt"),
    "auth.session_expired": _("Session expired"),
}


# Workflow apps name their own actions in ``<app>/audit_labels.py`` (ACTION_LABELS), so this module
# need not know every app. A refusal ``x.refused`` reads as "Refused: <label of x>".
LABELLED_APPS = ("applications", "vetting", "publicity", "objections", "experts", "programs")


@lru_cache(maxsize=1)
def _app_labels() -> dict:
    merged: dict = {}
    for app in LABELLED_APPS:
        try:
            module = import_module(f"qaward.{app}.audit_labels")
        except ModuleNotFoundError as missing:
            if missing.name != f"qaward.{app}.audit_labels":
                raise
            continue
        merged.update(module.ACTION_LABELS)
    return merged


def action_label(action: str) -> str:
    """The readable name, or the recorded code for actions without one."""
    label = ACTION_LABELS.get(action) or _app_labels().get(action)
    if label is None and action.endswith(".refused"):
        base = action.removesuffix(".refused")
        base_label = ACTION_LABELS.get(base) or _app_labels().get(base)
        return gettext("Refused: %(action)s") % {"action": base_label or base}
    return str(label or action)


def role_label(role: str) -> str:
    try:
        return str(Role(role).label)
    except ValueError:
        return role


def object_text(event) -> str:
    """``label（type #id）``, or whichever part the event has."""
    reference = f"{event.object_type} #{event.object_id}" if event.object_type else ""
    if event.object_label and reference:
        return f"{event.object_label}（{reference}）"
    return event.object_label or reference
