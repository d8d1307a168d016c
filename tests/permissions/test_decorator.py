"""qaward.permissions: login first, then 404 for outsiders (audited), no superuser shortcut."""

from __future__ import annotations

import pytest
import rules
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ImproperlyConfigured
from django.http import Http404, HttpResponse
from django.test import RequestFactory
from django.views.generic import View

from qaward.accounts.models import Role
from qaward.audit.models import AuditEvent
from qaward.permissions import PermissionRequiredMixin, permission_required

from .world import build_world

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


@pytest.fixture
def world():
    return build_world()


def request_as(user, path="/things/1/"):
    request = RequestFactory().get(path)
    request.user = user
    return request


def program_of_request(world):
    def lookup(request, slug):
        if slug != world.p.program.slug:
            raise Http404
        return world.p.program

    return lookup


def test_anonymous_visitors_go_to_login_before_any_lookup(world):
    looked_up = []

    @permission_required("accounts.manage_roles", fn=lambda request, slug: looked_up.append(slug))
    def view(request, slug):
        raise AssertionError

    response = view(request_as(AnonymousUser()), slug="jilin")
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/?next=")
    assert looked_up == []


def test_refused_and_missing_objects_look_the_same_and_refusals_are_audited(world):
    @permission_required("accounts.manage_roles", fn=program_of_request(world))
    def view(request, slug):
        return HttpResponse(request.permission_object.name)

    outsider = world.q.holders[Role.OFFICE_STAFF]
    with pytest.raises(Http404):
        view(request_as(outsider), slug="jilin")
    with pytest.raises(Http404):
        view(request_as(outsider), slug="no-such-program")
    [event] = AuditEvent.objects.filter(action="auth.permission_denied")
    assert event.actor == outsider
    assert event.after["permission"] == "accounts.manage_roles"
    assert event.after["object_id"] == str(world.p.program.pk)

    response = view(request_as(world.p.holders[Role.OFFICE_STAFF]), slug="jilin")
    assert response.content.decode() == "吉林省质量奖"


def test_superusers_get_no_blanket_pass(world):
    superuser = get_user_model().objects.create_superuser("root", password="Root-Pass-2026!")
    # Django's ModelBackend would say yes to anything; the rule says only office staff approve.
    assert superuser.has_perm("accounts.approve_recommender", world.p.pending)
    assert not rules.has_perm("accounts.approve_recommender", superuser, world.p.pending)

    @permission_required("accounts.approve_recommender", fn=lambda request: world.p.pending)
    def view(request):
        raise AssertionError

    with pytest.raises(Http404):
        view(request_as(superuser))


def test_an_unknown_permission_is_a_programming_error(world):
    @permission_required("accounts.no_such_permission")
    def view(request):
        raise AssertionError

    with pytest.raises(ImproperlyConfigured):
        view(request_as(world.admin))


def test_the_class_based_form(world):
    class ProgramPage(PermissionRequiredMixin, View):
        permission_required = "accounts.invite"

        def get_permission_object(self):
            return world.p.program

        def get(self, request):
            return HttpResponse("ok")

    view = ProgramPage.as_view()
    assert view(request_as(world.p.holders[Role.OFFICE_STAFF])).status_code == 200
    with pytest.raises(Http404):
        view(request_as(world.p.holders[Role.EXPERT]))
    assert view(request_as(AnonymousUser())).status_code == 302
    assert ProgramPage.qaward_permission == "accounts.invite"


@pytest.mark.parametrize(
    ("perm", "who", "allowed"),
    [
        ("qaward.view_staff_pages", "office", True),
        ("qaward.view_staff_pages", "committee", True),
        ("qaward.view_staff_pages", "supervisor", True),
        ("qaward.view_staff_pages", "admin", True),
        ("qaward.view_staff_pages", "expert", False),
        ("qaward.view_staff_pages", "applicant", False),
        ("qaward.view_staff_pages", "recommender", False),
        ("qaward.view_staff_pages", "nobody", False),
        ("qaward.use_site", "nobody", True),
        ("qaward.use_site", "anonymous", False),
        ("accounts.review_recommenders", "office", True),
        ("accounts.review_recommenders", "admin", False),
    ],
)
def test_objectless_permissions(world, perm, who, allowed):
    user = {
        "office": world.p.holders[Role.OFFICE_STAFF],
        "committee": world.p.holders[Role.COMMITTEE],
        "supervisor": world.p.holders[Role.SUPERVISOR],
        "expert": world.p.holders[Role.EXPERT],
        "applicant": world.p.holders[Role.APPLICANT],
        "recommender": world.p.holders[Role.RECOMMENDER],
        "admin": world.admin,
        "nobody": world.nobody,
        "anonymous": AnonymousUser(),
    }[who]
    assert rules.has_perm(perm, user) is allowed


def test_a_disabled_account_holds_nothing(world):
    office = world.p.holders[Role.OFFICE_STAFF]
    office.is_active = False
    office.save()
    assert not rules.has_perm("accounts.manage_roles", office, world.p.program)
    assert not rules.has_perm("qaward.use_site", office)


def test_predicates_about_units(world):
    from qaward.accounts.rules import is_recommender_of_unit

    recommender = world.p.holders[Role.RECOMMENDER]
    assert is_recommender_of_unit(recommender, world.p.unit)
    assert not is_recommender_of_unit(recommender, world.q.unit)
    assert not is_recommender_of_unit(world.q.holders[Role.RECOMMENDER], world.p.unit)
    assert not is_recommender_of_unit(recommender, None)
