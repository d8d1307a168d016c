"""The one table of allowed application state changes (issue 4: "one explicit transition table").

Each transition names who may take it (a role code from ``accounts.Role``; the domain function
checks that the actor holds it for the application's program, its recommending unit or as the
applicant's contact) and whether a reason is required. Domain functions in
``applications/domain/`` add the rule checks (deadlines, publicity windows, consultations …)
before calling ``apply_transition``.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from qaward.applications.enums import ApplicationState as S


@dataclass(frozen=True)
class Transition:
    name: str
    label: str | Promise
    sources: tuple[str, ...]
    target: str
    by: tuple[str, ...]  # role codes; "applicant" means a contact of the application's applicant
    reason_required: bool = False


_OPEN = (S.DRAFT, S.SUBMITTED, S.RETURNED, S.FORMAL_REVIEW, S.ACCEPTED)

TRANSITIONS: dict[str, Transition] = {
    t.name: t
    for t in (
        # To the recommending unit; or straight to the office where the route is "direct".
        Transition("submit", _("Submit"), (S.DRAFT,), S.SUBMITTED, ("applicant",)),
        Transition(
            "submit_direct", _("Submit to the award office"), (S.DRAFT,), S.FORMAL_REVIEW, ("applicant",)
        ),
        Transition("resubmit", _("Resubmit after correction"), (S.RETURNED,), S.SUBMITTED, ("applicant",)),
        Transition(
            "resubmit_direct",
            _("Resubmit to the award office"),
            (S.RETURNED,),
            S.FORMAL_REVIEW,
            ("applicant",),
        ),
        Transition(
            "return_for_correction",
            _("Return for correction"),
            (S.SUBMITTED, S.FORMAL_REVIEW),
            S.RETURNED,
            ("recommender", "office_staff"),
            reason_required=True,
        ),  # fmt: skip
        Transition("recommend", _("Recommend"), (S.SUBMITTED,), S.FORMAL_REVIEW, ("recommender",)),
        Transition(
            "decline_to_recommend",
            _("Do not recommend"),
            (S.SUBMITTED,),
            S.NOT_RECOMMENDED,
            ("recommender",),
            reason_required=True,
        ),  # fmt: skip
        Transition("accept", _("Accept"), (S.FORMAL_REVIEW,), S.ACCEPTED, ("office_staff",)),
        Transition(
            "reject",
            _("Do not accept"),
            (S.FORMAL_REVIEW,),
            S.NOT_ACCEPTED,
            ("office_staff",),
            reason_required=True,
        ),  # fmt: skip
        # An upheld objection or a missed verification deadline (publicity issue).
        Transition(
            "disqualify",
            _("Disqualify"),
            (S.FORMAL_REVIEW, S.ACCEPTED),
            S.DISQUALIFIED,
            ("office_staff",),
            reason_required=True,
        ),  # fmt: skip
        Transition("withdraw", _("Withdraw"), _OPEN, S.WITHDRAWN, ("applicant",), reason_required=True),
    )
}

# States in which the applicant may still edit the application.
EDITABLE_STATES = frozenset({S.DRAFT, S.RETURNED})
FINAL_STATES = frozenset({S.NOT_RECOMMENDED, S.NOT_ACCEPTED, S.DISQUALIFIED, S.WITHDRAWN})


def transitions_from(state: str) -> list[Transition]:
    return [t for t in TRANSITIONS.values() if state in t.sources]
