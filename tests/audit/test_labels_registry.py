"""Apps name their own audit actions; refusals read as such."""

from __future__ import annotations

import pytest
from django.utils import translation

from qaward.audit.labels import action_label

pytestmark = pytest.mark.unit


def test_app_labels_and_refusals_are_readable():
    with translation.override("zh-hans"):
        assert action_label("application.submit") == "提交"
        assert action_label("application.submit.refused") == "已拒绝：提交"
        assert action_label("some.unknown") == "some.unknown"
        assert action_label("some.unknown.refused") == "已拒绝：some.unknown"
