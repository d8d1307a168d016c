"""Permissions of the applicant pages (``rules`` predicates over role facts).

- ``applications.use_applicant_pages``: applicant contacts (the applicant role in any program, or
  already a contact of an applicant profile).
- ``applications.view_application``: the applicant's contacts, the office staff of the program and
  the recommending unit the application is routed to (read-only pages of other apps may use it).
- ``applications.edit_application``: the applicant's contacts (the state is checked by the domain).
- ``applications.edit_applicant``: the contacts of an applicant profile.
"""

from __future__ import annotations

import rules

from qaward.accounts.domain.queries import holds_role_anywhere
from qaward.accounts.models import Role
from qaward.accounts.rules import is_signed_in
from qaward.applications.domain.actors import is_contact_of, is_office_staff_for, is_recommender_for
from qaward.applications.domain.profiles import is_applicant_contact
from qaward.applications.models import Applicant, Application


@rules.predicate
def is_applicant_user(user) -> bool:
    return holds_role_anywhere(user, [Role.APPLICANT]) or Applicant.objects.filter(contacts=user).exists()


@rules.predicate
def is_contact_of_application(user, application) -> bool:
    return isinstance(application, Application) and is_contact_of(user, application)


@rules.predicate
def is_office_or_recommender_of_application(user, application) -> bool:
    return isinstance(application, Application) and (
        is_office_staff_for(user, application) or is_recommender_for(user, application)
    )


@rules.predicate
def is_contact_of_applicant(user, applicant) -> bool:
    return isinstance(applicant, Applicant) and is_applicant_contact(user, applicant)


rules.add_perm("applications.use_applicant_pages", is_signed_in & is_applicant_user)
rules.add_perm(
    "applications.view_application",
    is_signed_in & (is_contact_of_application | is_office_or_recommender_of_application),
)
rules.add_perm("applications.edit_application", is_signed_in & is_contact_of_application)
rules.add_perm("applications.edit_applicant", is_signed_in & is_contact_of_applicant)
