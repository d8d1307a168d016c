"""The application page shows the office's letters and, once submitted, the way to ask for a
recusal."""

from __future__ import annotations

import pytest
from django.urls import reverse
from tests.applications.makers import make_application, make_user

from qaward.applications.enums import ApplicationState
from qaward.programs.models import Cycle
from qaward.vetting.models import IssuedLetter

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def test_a_contact_sees_the_letters_about_the_application(client, demo):
    letter = IssuedLetter.objects.select_related("application").first()
    assert letter is not None, "the demo issues non-acceptance letters"
    contact = make_user()
    letter.application.applicant.contacts.add(contact)
    client.force_login(contact)
    body = client.get(reverse("applications:detail", args=[letter.application.reference])).content.decode()
    assert reverse("vetting:letter", args=[letter.pk]) in body and letter.title in body


@pytest.mark.parametrize(
    ("state", "shown"), [(ApplicationState.DRAFT, False), (ApplicationState.SUBMITTED, True)]
)
def test_recusal_request_is_offered_once_submitted(client, demo, state, shown):
    cycle = Cycle.objects.get(program__slug="jilin", number=2)
    contact = make_user()
    application = make_application(cycle, state=state)
    application.applicant.contacts.add(contact)
    client.force_login(contact)
    body = client.get(reverse("applications:detail", args=[application.reference])).content.decode()
    assert (reverse("experts:request_recusal", args=[application.pk]) in body) is shown
