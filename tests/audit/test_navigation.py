"""The navigation offers the audit trail only to those who may read some of it."""

import pytest
from django.contrib.auth import get_user_model

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


@pytest.mark.parametrize(
    ("username", "shown"), [("jilin_staff", True), ("jilin_supervisor", True), ("jilin_applicant", False)]
)
def test_audit_link_in_navigation(client, demo, username, shown):
    client.force_login(get_user_model().objects.get(username=username))
    page = client.get("/").content.decode()
    assert ('href="/audit/"' in page) is shown
