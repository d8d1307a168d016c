"""The transition table: every state reachable, refusals out of order, state changes recorded."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from tests.applications.makers import PATHS, make_application, make_user

from qaward.applications.domain.transitions import apply_transition
from qaward.applications.enums import ApplicationState as S
from qaward.applications.models import StateChange
from qaward.applications.transitions import FINAL_STATES, TRANSITIONS, transitions_from
from qaward.audit.models import AuditEvent
from qaward.programs.models import Cycle

pytestmark = pytest.mark.django_db


@pytest.fixture
def cycle(demo):
    return Cycle.objects.get(program__slug="jilin", number=2)


@pytest.mark.parametrize("state", list(PATHS))
def test_every_state_is_reachable_and_recorded(cycle, state):
    application = make_application(cycle, state=state)
    assert application.state == state
    changes = list(StateChange.objects.filter(application=application).values_list("target", flat=True))
    assert changes == [TRANSITIONS[name].target for name in PATHS[state]]
    actions = set(AuditEvent.objects.filter(object_id=str(application.pk)).values_list("action", flat=True))
    assert {f"application.{name}" for name in PATHS[state]} <= actions


def test_final_states_have_no_way_out():
    for state in FINAL_STATES:
        assert transitions_from(state) == []


def test_out_of_order_is_refused_with_the_state_named(cycle):
    application = make_application(cycle, state=S.DRAFT)
    with pytest.raises(ValidationError, match="草稿"):
        apply_transition(application=application, name="accept", actor=None, system=True)
    application.refresh_from_db()
    assert application.state == S.DRAFT


def test_only_the_roles_of_a_transition_may_take_it(cycle):
    application = make_application(cycle, state=S.DRAFT)
    stranger = make_user()
    with pytest.raises(ValidationError):
        apply_transition(application=application, name="submit", actor=stranger)
    application.applicant.contacts.add(stranger)
    apply_transition(application=application, name="submit", actor=stranger)
    application.refresh_from_db()
    assert application.state == S.SUBMITTED and application.submitted_at is not None


def test_a_reason_is_required_where_the_table_says(cycle):
    application = make_application(cycle, state=S.SUBMITTED)
    with pytest.raises(ValidationError) as refused:
        apply_transition(application=application, name="decline_to_recommend", actor=None, system=True)
    assert "reason" in refused.value.message_dict
