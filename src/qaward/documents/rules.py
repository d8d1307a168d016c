"""Who may download or withdraw a stored file.

Download:
- office staff of the file's program: always, also trade-secret and withdrawn files;
- otherwise only active (not withdrawn) files, and then
  - trade-secret files (商业秘密): their uploader, the applicant's own contacts and assigned,
    non-conflicted experts (``access.expert_may_see``), nobody else — not even platform
    administrators or the recommending unit;
  - other files: their uploader, the applicant's contacts, the recommending unit the
    application is routed to, platform administrators and assigned experts.
Views answer everyone else with 404, so outsiders cannot learn that a file exists.
"""

from __future__ import annotations

import rules

from qaward.accounts.domain.queries import has_role, is_platform_admin
from qaward.accounts.models import Role
from qaward.documents import access
from qaward.documents.enums import FileState


def _authenticated(user) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.is_active)


@rules.predicate
def is_uploader(user, stored_file) -> bool:
    return (
        stored_file is not None
        and _authenticated(user)
        and stored_file.uploaded_by_id is not None
        and stored_file.uploaded_by_id == user.pk
    )


@rules.predicate
def is_office_staff_of_program(user, stored_file) -> bool:
    if stored_file is None or stored_file.program_id is None or not _authenticated(user):
        return False
    return has_role(user, Role.OFFICE_STAFF, stored_file.program_id)


@rules.predicate
def is_admin(user, stored_file=None) -> bool:
    return _authenticated(user) and is_platform_admin(user)


@rules.predicate
def is_assigned_expert(user, stored_file) -> bool:
    return stored_file is not None and _authenticated(user) and access.expert_may_see(user, stored_file)


@rules.predicate
def is_applicant_contact(user, stored_file) -> bool:
    return stored_file is not None and _authenticated(user) and access.applicant_may_see(user, stored_file)


@rules.predicate
def is_application_recommender(user, stored_file) -> bool:
    return stored_file is not None and _authenticated(user) and access.recommender_may_see(user, stored_file)


@rules.predicate
def is_active_file(user, stored_file) -> bool:
    return stored_file is not None and stored_file.state == FileState.ACTIVE


@rules.predicate
def is_trade_secret(user, stored_file) -> bool:
    return stored_file is not None and stored_file.trade_secret


can_download_file = is_office_staff_of_program | (
    is_active_file
    & (
        (is_trade_secret & (is_uploader | is_applicant_contact | is_assigned_expert))
        | (
            ~is_trade_secret
            & (
                is_uploader
                | is_applicant_contact
                | is_application_recommender
                | is_admin
                | is_assigned_expert
            )
        )
    )
)

# The uploader may take back their own file while it is active; the office may withdraw any.
can_withdraw_file = is_office_staff_of_program | (is_active_file & is_uploader)

rules.add_perm("documents.download_storedfile", can_download_file)
rules.add_perm("documents.withdraw_storedfile", can_withdraw_file)
