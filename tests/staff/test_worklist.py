"""The home page lists what apps report as waiting for the user."""

from __future__ import annotations

import sys
import types

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from qaward import worklist
from qaward.worklist import WorkItem

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


@pytest.fixture
def fake_app(monkeypatch):
    module = types.ModuleType("qaward.fakeapp.worklist")
    module.work_items = lambda user: [
        WorkItem("待审核的申报", 3, "/somewhere/", due_soon=True),
        WorkItem("无事可做", 0, "/nowhere/"),
    ]
    monkeypatch.setitem(sys.modules, "qaward.fakeapp.worklist", module)
    monkeypatch.setattr(worklist, "WORKLIST_APPS", ("fakeapp",))


def test_items_with_work_are_shown_with_counts(client, demo, fake_app):
    client.force_login(get_user_model().objects.get(username="jilin_staff"))
    body = client.get(reverse("staff:home")).content.decode()
    assert "待办事项" in body and "待审核的申报" in body and "/somewhere/" in body
    assert "无事可做" not in body


def test_nothing_for_anonymous_users(fake_app):
    assert worklist.work_items(None) == []


@pytest.mark.parametrize(
    ("username", "label"),
    [
        ("jilin_staff", "待形式审查的申报"),
        ("jilin_staff", "待决定是否受理的异议"),
        ("jilin_recommender", "待推荐审核的申报"),
    ],
)
def test_the_demo_shows_real_work_waiting(demo, username, label):
    from django.utils import translation

    user = get_user_model().objects.get(username=username)
    with translation.override("zh-hans"):
        items = {str(item.label): item.count for item in worklist.work_items(user)}
    assert items.get(label, 0) > 0, items


def test_an_expert_sees_unanswered_invitations(demo):
    from qaward.experts.enums import MemberStatus
    from qaward.experts.models import PanelMember

    user = get_user_model().objects.get(username="jilin_expert")
    waiting = PanelMember.objects.filter(expert__user=user, status=MemberStatus.INVITED).count()
    counts = [
        item.count for item in worklist.work_items(user) if "experts" in item.url or "/experts/" in item.url
    ]
    assert counts == ([waiting] if waiting else [])
