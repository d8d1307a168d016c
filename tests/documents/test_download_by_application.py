"""Files owned by an application: its applicant's contacts see them all; the recommending unit it
is routed to sees the ordinary ones (never trade secrets); other units and applicants see nothing."""

from __future__ import annotations

import pytest
import rules
from django.core.files.uploadedfile import SimpleUploadedFile
from tests.applications.makers import make_application, make_user
from tests.documents.samples import pdf_bytes

from qaward.accounts.domain.roles import grant_role
from qaward.accounts.models import Role
from qaward.applications.enums import ApplicationState
from qaward.documents.domain.uploads import store_upload
from qaward.programs.models import Cycle, RecommendingUnit

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


@pytest.fixture
def setup(demo):
    cycle = Cycle.objects.get(program__slug="jilin", number=2)
    units = list(RecommendingUnit.objects.filter(program=cycle.program)[:2])
    contact, other_contact = make_user(), make_user()
    application = make_application(cycle, state=ApplicationState.SUBMITTED, recommending_unit=units[0])
    application.applicant.contacts.add(contact)
    recommender, other_recommender = make_user(), make_user()
    grant_role(
        user=recommender, role=Role.RECOMMENDER, program=cycle.program, actor=None, recommending_unit=units[0]
    )
    grant_role(user=other_recommender, role=Role.RECOMMENDER, program=cycle.program, actor=None,
               recommending_unit=units[1])  # fmt: skip

    def upload(trade_secret: bool):
        return store_upload(
            uploaded_file=SimpleUploadedFile("材料.pdf", pdf_bytes(), content_type="application/pdf"),
            slot="evidence",
            actor=contact,
            program=cycle.program,
            owner=application,
            trade_secret=trade_secret,
        )

    return {
        "ordinary": upload(False),
        "secret": upload(True),
        "contact": contact,
        "co_contact": application.applicant.contacts.add(other_contact) or other_contact,
        "recommender": recommender,
        "other_recommender": other_recommender,
        "stranger": make_user(),
    }


@pytest.mark.parametrize(
    ("who", "ordinary", "secret"),
    [
        ("co_contact", True, True),
        ("recommender", True, False),
        ("other_recommender", False, False),
        ("stranger", False, False),
    ],
)
def test_download_rights_follow_the_application(setup, who, ordinary, secret):
    user = setup[who]
    assert rules.has_perm("documents.download_storedfile", user, setup["ordinary"]) is ordinary
    assert rules.has_perm("documents.download_storedfile", user, setup["secret"]) is secret
