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
