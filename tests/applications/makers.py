"""Test helpers shared by every suite that needs applicants and applications.

``make_application(cycle, state=...)`` drives a real application through the transition table
(with ``system=True``, so no role or rule checks) to the requested state: tests of later steps
start from a state the workflow could really reach.
"""

from __future__ import annotations

import itertools

from django.contrib.auth import get_user_model

from qaward.applications.domain.drafts import start_application
from qaward.applications.domain.transitions import apply_transition
from qaward.applications.enums import ApplicantKind
from qaward.applications.enums import ApplicationState as S
from qaward.applications.models import Applicant

_counter = itertools.count(1)

# A path of transitions from draft to each state.
PATHS = {
    S.DRAFT: (),
    S.SUBMITTED: ("submit",),
    S.RETURNED: ("submit", "return_for_correction"),
    S.NOT_RECOMMENDED: ("submit", "decline_to_recommend"),
    S.FORMAL_REVIEW: ("submit", "recommend"),
    S.ACCEPTED: ("submit", "recommend", "accept"),
    S.NOT_ACCEPTED: ("submit", "recommend", "reject"),
    S.DISQUALIFIED: ("submit", "recommend", "accept", "disqualify"),
    S.WITHDRAWN: ("withdraw",),
}

# Valid unified social credit codes (GB 32100 check characters) for test organisations.
USCCS = (
    "91220101MA0Y3G5X1M",
    "91220000123456789K",
)


def make_user(username: str | None = None, **fields):
    username = username or f"user{next(_counter)}"
    user = get_user_model().objects.create_user(
        username=username, password="x", full_name=fields.pop("full_name", username), **fields
    )
    return user


def make_applicant(
    *, kind: str = ApplicantKind.ORGANIZATION, name: str | None = None, contact=None, **fields
) -> Applicant:
    applicant = Applicant.objects.create(kind=kind, name=name or f"测试申报单位{next(_counter)}", **fields)
    if contact is not None:
        applicant.contacts.add(contact)
    return applicant


def make_application(cycle, *, state: str = S.DRAFT, applicant=None, tier: str = "award", recommending_unit=None,
                     actor=None, **applicant_fields):  # fmt: skip
    applicant = applicant or make_applicant(**applicant_fields)
    actor = actor or make_user()
    application = start_application(cycle=cycle, applicant=applicant, tier=tier, actor=actor)
    if recommending_unit is not None:
        application.recommending_unit = recommending_unit
        application.save(update_fields=["recommending_unit"])
    for name in PATHS[state]:
        apply_transition(application=application, name=name, actor=None, system=True, reason="测试")
        application.refresh_from_db()
    return application
