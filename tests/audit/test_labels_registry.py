"""Apps name their own audit actions; refusals read as such."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.utils import translation

import qaward
from qaward.audit.labels import action_label

pytestmark = pytest.mark.unit


def test_app_labels_and_refusals_are_readable():
    with translation.override("zh-hans"):
        assert action_label("application.submit") == "提交"
        assert action_label("application.submit.refused") == "已拒绝：提交"
        assert action_label("some.unknown") == "some.unknown"
        assert action_label("some.unknown.refused") == "已拒绝：some.unknown"


_ACTION = re.compile(r"""action=["']([a-z_]+\.[a-z_.]+)["']""")


def _recorded_actions() -> set[str]:
    root = Path(qaward.__file__).parent
    found: set[str] = set()
    for path in root.rglob("*.py"):
        if "migrations" in path.parts:
            continue
        found.update(_ACTION.findall(path.read_text(encoding="utf-8")))
    return found


def test_every_recorded_action_has_a_readable_name():
    with translation.override("zh-hans"):
        unnamed = sorted(a for a in _recorded_actions() if action_label(a) == a)
    assert not unnamed, f"add these to an audit_labels.py: {unnamed}"


def test_every_readable_name_is_translated():
    with translation.override("zh-hans"):
        untranslated = sorted(
            a for a in _recorded_actions() if not re.search(r"[\u4e00-\u9fff]", action_label(a))
        )
    assert not untranslated, f"names without a Chinese translation: {untranslated}"
