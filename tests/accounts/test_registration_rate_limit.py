"""Public registration forms are rate limited per client address (django-ratelimit)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from qaward.audit.models import AuditEvent

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


@pytest.mark.parametrize("url_name", ["roles:register_applicant", "roles:register_recommender"])
def test_posts_beyond_the_limit_get_a_chinese_429_and_are_recorded(client, settings, url_name):
    settings.QAWARD_PUBLIC_FORM_RATE = "3/h"
    url = reverse(url_name)
    for _ in range(3):
        assert client.post(url, {"username": ""}).status_code == 200  # form errors, not limited
    refused = client.post(url, {"username": ""})
    assert refused.status_code == 429
    assert "提交过于频繁" in refused.content.decode()
    assert client.get(url).status_code == 200  # reading the form is never limited
    assert AuditEvent.objects.filter(action="ratelimit.exceeded").count() == 1


def test_the_limit_is_per_address(client, settings):
    settings.QAWARD_PUBLIC_FORM_RATE = "1/h"
    url = reverse("roles:register_applicant")
    assert client.post(url, {}, REMOTE_ADDR="10.0.0.1").status_code == 200
    assert client.post(url, {}, REMOTE_ADDR="10.0.0.1").status_code == 429
    assert client.post(url, {}, REMOTE_ADDR="10.0.0.2").status_code == 200
