"""Masking in templates: the full number only for the program's office staff and platform
admins; everyone else — with the number present in the data — sees the masked form."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.template import Context, Template
from django.test import RequestFactory

from qaward.accounts.models import Role
from qaward.privacy.models import PersonIdentity
from qaward.privacy.rules import can_see_full_identity

from .conftest import ID_NUMBER, PHONE

MASKED_ID = "1101**********002X"
MASKED_PHONE = "138****5678"


def render(source: str, viewer=None, **context) -> str:
    """Render as ``viewer`` (the request's user); no request at all when ``viewer`` is None."""
    template = Template("{% load privacy %}" + source)
    if viewer is not None:
        request = RequestFactory().get("/")
        request.user = viewer
        context["request"] = request
    return template.render(Context(context)).strip()


@pytest.mark.unit
def test_filters_always_mask():
    output = render(
        "{{ id|mask_id }} {{ phone|mask_phone }} {{ name|mask_name }} [{{ missing|mask_id }}]",
        id=ID_NUMBER,
        phone=PHONE,
        name="张三丰",
        missing=None,
    )
    assert output == f"{MASKED_ID} {MASKED_PHONE} 张*丰 []"


@pytest.fixture
def person(db) -> PersonIdentity:
    return PersonIdentity.objects.create(name="张三丰", id_number=ID_NUMBER, phone=PHONE)


TAGS = "{% identity_number person %} {% phone_number person %}"


@pytest.mark.integration
@pytest.mark.parametrize(
    "viewer",
    ["anonymous", "no role", "applicant", "expert", "supervisor", "committee", "staff of another program"],
)
def test_everyone_else_sees_masked_numbers(viewer, person, program, other_program, make_user):
    roles = {
        "applicant": (Role.APPLICANT, program),
        "expert": (Role.EXPERT, program),
        "supervisor": (Role.SUPERVISOR, program),
        "committee": (Role.COMMITTEE, program),
        "staff of another program": (Role.OFFICE_STAFF, other_program),
    }
    user = AnonymousUser() if viewer == "anonymous" else make_user("viewer", *roles.get(viewer, (None, None)))
    output = render(TAGS, viewer=user, person=person, program=program)
    assert output == f"{MASKED_ID} {MASKED_PHONE}"
    assert ID_NUMBER not in output and PHONE not in output
    assert not can_see_full_identity(user, program)


@pytest.mark.integration
@pytest.mark.parametrize("viewer", ["office staff", "platform admin", "superuser"])
def test_office_staff_of_the_program_and_admins_see_full_numbers(viewer, person, program, make_user):
    if viewer == "office staff":
        user = make_user("viewer", Role.OFFICE_STAFF, program)
    elif viewer == "platform admin":
        user = make_user("viewer", Role.PLATFORM_ADMIN)
    else:
        user = make_user("viewer", is_superuser=True, is_staff=True)
    assert render(TAGS, viewer=user, person=person, program=program) == f"{ID_NUMBER} {PHONE}"
    # Explicit program argument, and the bare number instead of the object.
    assert (
        render("{% identity_number number program=p %}", viewer=user, number=ID_NUMBER, p=program)
        == ID_NUMBER
    )


@pytest.mark.integration
def test_staff_without_a_program_in_view_see_masked(person, program, make_user):
    staff = make_user("staff", Role.OFFICE_STAFF, program)
    assert render(TAGS, viewer=staff, person=person) == f"{MASKED_ID} {MASKED_PHONE}"


@pytest.mark.integration
def test_without_a_request_the_viewer_is_unknown_and_sees_masked(person, program, make_user):
    staff = make_user("staff", Role.OFFICE_STAFF, program)
    # E.g. a mail or PDF rendered outside a request, even with a `user` in its context (which
    # may as well be the person the page is about).
    assert render(TAGS, person=person, program=program, user=staff) == f"{MASKED_ID} {MASKED_PHONE}"


@pytest.mark.integration
def test_a_revoked_or_disabled_staff_account_sees_masked(person, program, make_user):
    from django.utils import timezone

    staff = make_user("staff", Role.OFFICE_STAFF, program)
    staff.role_assignments.update(revoked_at=timezone.now())
    assert render(TAGS, viewer=staff, person=person, program=program) == f"{MASKED_ID} {MASKED_PHONE}"
    admin = make_user("admin", Role.PLATFORM_ADMIN)
    admin.is_active = False
    admin.save()
    assert render(TAGS, viewer=admin, person=person, program=program) == f"{MASKED_ID} {MASKED_PHONE}"
