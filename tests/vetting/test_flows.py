"""For each of the five rulebooks: submitted → recommended → formal review → accepted → on the
acceptance list (portal publicity); not accepted with its letter; refusals that cite articles."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from tests.vetting import steps
from tests.vetting.world import RULEBOOKS, build

from qaward.applications.enums import ApplicationState as S
from qaward.audit.models import AuditEvent
from qaward.publicity.models import PublicityWindow
from qaward.vetting.domain import consultations, formal, lists, recommender
from qaward.vetting.enums import ConsultedBy, CreditResult
from qaward.vetting.models import IssuedLetter

pytestmark = pytest.mark.django_db


def _refused(action):
    return AuditEvent.objects.filter(action=f"{action}.refused").order_by("-pk").first()


@pytest.mark.parametrize("rulebook_id", RULEBOOKS)
def test_from_submitted_to_the_acceptance_list(rulebook_id):
    w = build(rulebook_id)
    kinds = ["organization"] + [k for k in ("individual", "team") if (rulebook_id, k) in _kinds()]
    accepted = []
    for kind in kinds:
        application = w.application(kind=kind)
        steps.recommend(w, application)
        application.refresh_from_db()
        assert application.state == S.FORMAL_REVIEW
        steps.prepare_acceptance(w, application)
        formal.accept(application=application, actor=w.staff)
        application.refresh_from_db()
        assert application.state == S.ACCEPTED
        accepted.append(application)
    window_id = w.book.intake.formal_review.acceptance_window
    if window_id is None:  # 长春: no acceptance-list publicity in the regulation
        with pytest.raises(ValidationError, match="受理名单|acceptance"):
            lists.publish_acceptance_list(cycle=w.cycle, actor=w.staff)
        return
    window = lists.publish_acceptance_list(cycle=w.cycle, actor=w.staff)
    assert window.rule_window_id == window_id and window.channel == "portal"
    assert sorted(e.application_id for e in window.entries.all()) == sorted(a.pk for a in accepted)
    assert window.workdays >= w.book.window(window_id).min_workdays
    assert not lists.acceptance_candidates(w.cycle).exists()


def _kinds():
    from tests.vetting.world import PASSING

    return set(PASSING)


@pytest.mark.parametrize("rulebook_id", RULEBOOKS)
def test_not_accepted_gets_a_letter_citing_the_rule(rulebook_id, django_capture_on_commit_callbacks):
    w = build(rulebook_id)
    application = w.application()
    steps.recommend(w, application)
    application.refresh_from_db()
    with pytest.raises(ValidationError) as refused:
        formal.reject(application=application, reason="  ", actor=w.staff)
    assert w.book.cite(w.book.intake.formal_review.cite) in str(refused.value)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        _change, letter = formal.reject(
            application=application, reason="未提供近三年财务审计报告。", actor=w.staff
        )
    application.refresh_from_db()
    assert application.state == S.NOT_ACCEPTED
    assert IssuedLetter.objects.get(application=application) == letter
    assert letter.file.owner == application and letter.file.slot == "official_letter"
    assert letter.doc_no.endswith(f"〔{dt.date.today().year}〕1号")
    assert [m.to for m in mail.outbox] == [[w.contact.email]]
    assert letter.doc_no in mail.outbox[0].subject
    assert w.book.cite(w.book.intake.formal_review.cite) in mail.outbox[0].body


@pytest.mark.parametrize("rulebook_id", [r for r in RULEBOOKS if r != "changchun-2018"])
def test_checklist_incomplete_refuses_recommendation_with_the_article(rulebook_id):
    w = build(rulebook_id)
    application = w.application()
    rule = w.book.intake.recommender_review
    with pytest.raises(ValidationError) as refused:
        recommender.recommend(application=application, opinion="同意推荐", actor=w.recommender)
    assert w.book.cite(rule.cite) in str(refused.value)
    assert _refused("vetting.recommend").rule_id == "recommender_checks"


@pytest.mark.parametrize("rulebook_id", ["jilin-2023", "tacheng-2023", "jian-2023"])
def test_recommending_while_the_publicity_window_runs_is_refused(rulebook_id):
    w = build(rulebook_id)
    application = w.application()
    steps.prepare_recommendation(w, application)
    window_rule = w.book.window(w.book.intake.recommender_review.publicity_window)
    # Not published at all yet.
    with pytest.raises(ValidationError, match=window_rule.label):
        recommender.recommend(application=application, opinion="同意推荐", actor=w.recommender)
    lists.open_recommender_window(unit=w.unit, applications=[application], actor=w.recommender)
    with pytest.raises(ValidationError) as refused:
        recommender.recommend(application=application, opinion="同意推荐", actor=w.recommender)
    assert w.book.cite(window_rule.cite) in str(refused.value)
    assert "尚未结束" in str(refused.value)
    assert _refused("vetting.recommend").rule_id == f"publicity_{window_rule.id}"
    application.refresh_from_db()
    assert application.state == S.SUBMITTED


@pytest.mark.parametrize("rulebook_id", ["jilin-2023", "tacheng-2023", "jian-2023"])
def test_accepting_with_consultations_unanswered_needs_an_override(rulebook_id):
    w = build(rulebook_id)
    application = w.application()
    steps.recommend(w, application)
    application.refresh_from_db()
    rule = w.book.intake.formal_review
    formal.save_formal_checks(application=application, submitted=steps.passed(rule.checks), actor=w.staff)
    departments = consultations.named_departments(application, ConsultedBy.OFFICE)
    consultations.request_consultations(
        application=application, by=ConsultedBy.OFFICE, departments=list(departments), actor=w.staff
    )
    with pytest.raises(ValidationError) as refused:
        formal.accept(application=application, actor=w.staff)
    consult_rule = consultations.consultation_rule(w.book, ConsultedBy.OFFICE)
    assert w.book.cite(consult_rule.cite) in str(refused.value)
    assert departments[-1] in str(refused.value)
    formal.accept(
        application=application, actor=w.staff, override_reason="省税务局意见已电话确认，书面意见后补"
    )
    application.refresh_from_db()
    assert application.state == S.ACCEPTED
    override = AuditEvent.objects.get(action="vetting.accept_override", object_id=str(application.pk))
    assert override.rule_id == "office_consultation" and "先行受理" in override.message


@pytest.mark.parametrize("rulebook_id", RULEBOOKS)
def test_return_without_reason_is_refused_and_with_reason_sets_the_deadline(rulebook_id):
    w = build(rulebook_id)
    application = w.application()
    with pytest.raises(ValidationError, match="补正"):
        recommender.return_for_correction(application=application, reason="", actor=w.recommender)
    assert _refused("vetting.return_for_correction") is not None
    recommender.return_for_correction(application=application, reason="补充ISO 9001证书", actor=w.recommender,
                                      workdays=5)  # fmt: skip
    application.refresh_from_db()
    assert application.state == S.RETURNED
    assert application.correction_due > dt.date.today()


@pytest.mark.parametrize("rulebook_id", RULEBOOKS)
def test_declining_needs_reasons(rulebook_id):
    w = build(rulebook_id)
    application = w.application()
    with pytest.raises(ValidationError):
        recommender.decline(application=application, reason=" ", actor=w.recommender)
    recommender.decline(application=application, reason="近三年发生质量事故", actor=w.recommender)
    application.refresh_from_db()
    assert application.state == S.NOT_RECOMMENDED


def test_credit_listing_blocks_recommendation():
    w = build("tacheng-2023")
    application = w.application()
    steps.prepare_recommendation(w, application)
    recommender.record_credit_check(
        application=application, checked_on=dt.date.today(), result=CreditResult.SERIOUS_VIOLATION,
        evidence=w.pdf(w.recommender), actor=w.recommender,
    )  # fmt: skip
    with pytest.raises(ValidationError, match="第十四条"):
        lists.open_recommender_window(unit=w.unit, applications=[application], actor=w.recommender)


def test_failing_conditions_are_refused_at_acceptance_with_their_article():
    w = build("jilin-2023")
    application = w.application()
    steps.recommend(w, application)
    application.refresh_from_db()
    steps.prepare_acceptance(w, application)
    application.facts = {**application.facts, "years_operating": 1}
    application.save(update_fields=["facts"])
    with pytest.raises(ValidationError, match="第十五条"):
        formal.accept(application=application, actor=w.staff)


def test_acceptance_needs_the_recommenders_publicity_closed():
    w = build("jian-2023")
    application = w.application()
    steps.prepare_recommendation(w, application)
    steps.publish_and_close(w, application)
    recommender.recommend(application=application, opinion="同意推荐", actor=w.recommender)
    application.refresh_from_db()
    # A later window on the same application that still runs (e.g. re-published after a fix).
    PublicityWindow.objects.filter(entries__application=application).update(
        ends_on=dt.date.today() + dt.timedelta(days=3)
    )
    steps.prepare_acceptance(w, application)
    with pytest.raises(ValidationError, match="第十三条"):
        formal.accept(application=application, actor=w.staff)


def test_other_units_cannot_act():
    w = build("jilin-2023")
    application = w.application()
    with pytest.raises(ValidationError):
        recommender.save_checks(application=application, submitted={}, opinion="", actor=w.other_recommender)
    with pytest.raises(ValidationError):
        recommender.decline(application=application, reason="x", actor=w.other_recommender)
    with pytest.raises(ValidationError):
        formal.save_formal_checks(application=application, submitted={}, actor=w.recommender)
