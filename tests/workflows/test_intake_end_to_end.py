"""Issue 4 end to end, through the real domain functions of both sides: for each of the five
rulebooks an organisation, and each other kind the regulation admits, fills in
its application, passes the self-check and submits it; the
recommending unit reviews and recommends it (publicity, credit check, consultations as the
rulebook requires); the office's formal review accepts it; the acceptance list is published on
the portal (长春's regulation has none, and publishing one is refused with a reason)."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from tests.applications import scenario as sc
from tests.applications.makers import make_user
from tests.vetting import steps
from tests.vetting.world import TINY_PDF

from qaward.accounts.domain.roles import grant_role
from qaward.accounts.models import Role
from qaward.applications.domain.submission import submit_application
from qaward.applications.enums import ApplicationState as S
from qaward.documents.domain.uploads import store_upload
from qaward.vetting.domain import formal, lists

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

# The applicant kinds each regulation admits (see tests/applications/test_rulebook_flows.py).
ADMITTED = {
    "jilin-2023": ("organization", "individual"),
    "changchun-2018": ("organization",),
    "tacheng-2023": ("organization",),
    "jinzhong-2023": ("organization", "individual", "team"),
    "jian-2023": ("organization", "individual"),
}


@dataclass
class Office:
    """What the vetting steps need to know about the people acting (see tests/vetting/steps.py)."""

    book: object
    program: object
    unit: object
    recommender: object
    staff: object
    route_id: str

    def pdf(self, actor, name="credit.pdf"):
        from django.core.files.uploadedfile import SimpleUploadedFile

        return store_upload(
            uploaded_file=SimpleUploadedFile(name, TINY_PDF, content_type="application/pdf"),
            slot="credit_check", actor=actor, program=self.program,
        )  # fmt: skip


def _accepted(s, kind, office):
    tracks = s.book.applicant_kinds[kind].tracks
    application = sc.fill(s, sc.start(s, sc.make_profile(s, kind), track=tracks[0].id if tracks else ""))
    application = submit_application(application=application, actor=s.contact, route_id=office.route_id,
                                     recommending_unit=office.unit)  # fmt: skip
    assert application.state == S.SUBMITTED and application.recommending_unit == office.unit
    steps.recommend(office, application)
    application.refresh_from_db()
    assert application.state == S.FORMAL_REVIEW
    steps.prepare_acceptance(office, application)
    formal.accept(application=application, actor=office.staff)
    application.refresh_from_db()
    assert application.state == S.ACCEPTED
    return application


@pytest.mark.parametrize("rulebook_id", sorted(ADMITTED))
def test_every_admitted_kind_goes_from_draft_to_the_acceptance_list(rulebook_id):
    s = sc.program_for(rulebook_id)
    route = next(r for r in s.book.intake.routes if r.via != "direct")
    unit = s.units[route.via]
    recommender, staff = make_user(), make_user()
    grant_role(user=recommender, role=Role.RECOMMENDER, program=s.program, actor=None, recommending_unit=unit)
    grant_role(user=staff, role=Role.OFFICE_STAFF, program=s.program, actor=None)
    office = Office(s.book, s.program, unit, recommender, staff, route.id)
    accepted = [_accepted(s, kind, office) for kind in ADMITTED[rulebook_id]]

    if s.book.intake.formal_review.acceptance_window is None:
        with pytest.raises(ValidationError):
            lists.publish_acceptance_list(cycle=s.cycle, actor=staff)
        return
    window = lists.publish_acceptance_list(cycle=s.cycle, actor=staff)
    assert sorted(entry.application_id for entry in window.entries.all()) == sorted(a.pk for a in accepted)
    portal = Client().get(f"/portal/{s.program.slug}/").content.decode()
    assert window.title in portal
