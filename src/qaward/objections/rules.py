"""Who may see and do what with objections and complaints.

- The office staff of the program handle objections (queue, case, decisions, letters) and see
  the objector's identity; supervisors of the program see the queue and cases for oversight
  (吉林 第十条(四)) but not who objected, unless the office put them on the case.
- A recommending unit's users answer the verification requests sent to their unit.
- The written results are downloadable by their addressees (the unit, the applicant's contacts).
- Complaints go to the program's supervisors only.
"""

from __future__ import annotations

import rules

from qaward.accounts.domain.queries import active_roles, holds_role_anywhere, holds_role_in
from qaward.accounts.models import Role
from qaward.accounts.rules import is_signed_in, program_of


def _program(obj):
    if obj is None:
        return None
    objection = getattr(obj, "objection", None)
    if objection is not None:
        return objection.program
    return program_of(obj)


@rules.predicate
def is_office_staff(user, obj) -> bool:
    return holds_role_in(user, _program(obj), [Role.OFFICE_STAFF])


@rules.predicate
def is_supervisor(user, obj) -> bool:
    return holds_role_in(user, _program(obj), [Role.SUPERVISOR])


@rules.predicate
def is_handler(user, objection) -> bool:
    return objection is not None and objection.handlers.filter(pk=user.pk).exists()


@rules.predicate
def is_recommender_of_request(user, verification) -> bool:
    return (
        verification is not None
        and active_roles(user)
        .filter(role=Role.RECOMMENDER, recommending_unit_id=verification.recommending_unit_id)
        .exists()
    )


@rules.predicate
def is_addressee_of_letter(user, letter) -> bool:
    if letter is None:
        return False
    application = letter.objection.application
    if letter.kind == "result_recommender":
        return (
            application.recommending_unit_id is not None
            and active_roles(user)
            .filter(role=Role.RECOMMENDER, recommending_unit_id=application.recommending_unit_id)
            .exists()
        )
    if letter.kind == "result_subject":
        return application.applicant.contacts.filter(pk=user.pk).exists()
    return False


@rules.predicate
def oversees_objections_somewhere(user) -> bool:
    return holds_role_anywhere(user, [Role.OFFICE_STAFF, Role.SUPERVISOR])


@rules.predicate
def supervises_somewhere(user) -> bool:
    return holds_role_anywhere(user, [Role.SUPERVISOR])


@rules.predicate
def has_cases_of_own(user) -> bool:
    return holds_role_anywhere(user, [Role.RECOMMENDER, Role.APPLICANT])


rules.add_perm("objections.view_index", is_signed_in & oversees_objections_somewhere)
rules.add_perm("objections.view_queue", is_signed_in & (is_office_staff | is_supervisor))
rules.add_perm("objections.view_case", is_signed_in & (is_office_staff | is_supervisor | is_handler))
rules.add_perm("objections.handle", is_signed_in & is_office_staff)
rules.add_perm("objections.view_own_cases", is_signed_in & has_cases_of_own)
rules.add_perm("objections.report_verification", is_signed_in & is_recommender_of_request)
rules.add_perm("objections.download_letter", is_signed_in & (is_office_staff | is_addressee_of_letter))
rules.add_perm("objections.view_complaints_index", is_signed_in & supervises_somewhere)
rules.add_perm("objections.view_complaints", is_signed_in & is_supervisor)
