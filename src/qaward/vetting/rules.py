"""Permissions of the vetting app (``rules`` predicates over role facts).

- ``vetting.view_recommender_queue`` / ``vetting.review_as_recommender`` (an application): the
  recommenders of the unit the application is routed to — nobody else, not other units;
- ``vetting.view_office_queue`` / ``vetting.formal_review`` (an application) /
  ``vetting.manage_acceptance_list`` (a cycle): the program's office staff and platform admins;
- ``vetting.view_consultations`` and ``vetting.answer_consultation`` (a consultation): whoever
  asked (the unit's recommenders or the office);
- ``vetting.view_letter`` (an issued letter): the applicant's contacts, the office, the unit.
Everyone else gets 404 (``qaward.permissions``).
"""

from __future__ import annotations

import rules

from qaward.accounts.domain.queries import holds_role_anywhere, holds_role_in
from qaward.accounts.models import Role
from qaward.accounts.rules import is_platform_admin
from qaward.applications.domain.actors import is_contact_of, is_office_staff_for, is_recommender_for


@rules.predicate
def recommends_application(user, application) -> bool:
    return application is not None and is_recommender_for(user, application)


@rules.predicate
def office_of_application(user, application) -> bool:
    return application is not None and is_office_staff_for(user, application)


@rules.predicate
def office_of_cycle(user, cycle) -> bool:
    return cycle is not None and holds_role_in(user, cycle.program, [Role.OFFICE_STAFF])


@rules.predicate
def is_recommender_anywhere(user) -> bool:
    return holds_role_anywhere(user, [Role.RECOMMENDER])


@rules.predicate
def is_office_anywhere(user) -> bool:
    return holds_role_anywhere(user, [Role.OFFICE_STAFF])


@rules.predicate
def asked_consultation(user, consultation) -> bool:
    if consultation is None:
        return False
    if consultation.by == "office":
        return is_office_staff_for(user, consultation.application) or is_platform_admin(user)
    return is_recommender_for(user, consultation.application)


@rules.predicate
def may_read_letter(user, letter) -> bool:
    if letter is None:
        return False
    application = letter.application
    return (
        is_contact_of(user, application)
        or is_office_staff_for(user, application)
        or is_recommender_for(user, application)
        or is_platform_admin(user)
    )


rules.add_perm("vetting.view_recommender_queue", is_recommender_anywhere)
rules.add_perm("vetting.review_as_recommender", recommends_application)
rules.add_perm("vetting.view_office_queue", is_office_anywhere | is_platform_admin)
rules.add_perm("vetting.formal_review", office_of_application | is_platform_admin)
rules.add_perm("vetting.manage_acceptance_list", office_of_cycle | is_platform_admin)
rules.add_perm("vetting.view_consultations", is_recommender_anywhere | is_office_anywhere | is_platform_admin)
rules.add_perm("vetting.answer_consultation", asked_consultation)
rules.add_perm("vetting.view_letter", may_read_letter)
