"""Filing objections online and on paper: admissibility by rule, refusals audited with the article."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from qaward.audit.models import AuditEvent
from qaward.documents.models import StoredFile
from qaward.objections.domain.common import CONFIDENTIAL
from qaward.objections.domain.filing import enter_paper_objection, file_objection
from qaward.objections.domain.queries import admissible_pending_for_window, find_objection
from qaward.objections.enums import ObjectionState
from qaward.objections.models import Objection

from .makers import ID_NUMBER, individual, make_case, png, unit

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def test_online_objection_is_received_with_a_receipt_number_and_secret():
    case = make_case()
    filed = file_objection(entry=case.entry, objector=individual(), grounds="申报材料中的销售数据与年报不符。",
                           evidence=[png()])  # fmt: skip
    objection = filed.objection
    assert objection.state == ObjectionState.RECEIVED
    assert objection.number.startswith("YY") and len(filed.token) > 16
    assert find_objection(objection.number, filed.token) == objection
    assert find_objection(objection.number, "wrong") is None
    assert objection.admissibility_due > objection.received_on
    assert objection.objector_person.id_number == ID_NUMBER
    slots = sorted(
        StoredFile.objects.filter(owner_object_id=str(objection.pk)).values_list("slot", flat=True)
    )
    assert slots == ["evidence", "id_proof"]
    assert admissible_pending_for_window(case.window)


def test_the_objector_never_reaches_the_audit_log():
    case = make_case()
    file_objection(entry=case.entry, objector=individual(), grounds="理由", evidence=[png()])
    text = " ".join(str(e.after) + e.object_label + e.message for e in AuditEvent.objects.all())
    assert CONFIDENTIAL in text
    for secret in ("王秀英", ID_NUMBER, "13912345678", "人民大街"):
        assert secret not in text


def test_one_minute_after_the_window_closes_is_refused_with_article_37_1():
    case = make_case()
    late = case.window.closes_at + dt.timedelta(minutes=1)
    with pytest.raises(ValidationError) as refused:
        file_objection(entry=case.entry, objector=individual(), grounds="理由", evidence=[png()], at=late)
    message = " ".join(refused.value.messages)
    assert "逾公示期" in message and "第三十七条(一)" in message
    assert not Objection.objects.exists()
    event = AuditEvent.objects.get(action="objection.file.refused")
    assert (event.rule_id, event.citation) == (
        "objections.late_refused",
        "吉政办规〔2023〕3号 第三十七条(一)",
    )
    # One minute before is in time.
    on_time = case.window.closes_at - dt.timedelta(minutes=1)
    assert file_objection(
        entry=case.entry, objector=individual(), grounds="理由", evidence=[png()], at=on_time
    )


def test_missing_identity_and_evidence_are_refused_field_by_field():
    case = make_case()
    with pytest.raises(ValidationError) as refused:
        file_objection(entry=case.entry, objector=individual(id_number="", id_proof=None), grounds="理由")
    errors = refused.value.message_dict
    assert set(errors) == {"id_number", "id_proof", "evidence"}
    assert all("第三十七条(一)" in errors[f][0] for f in errors)
    assert AuditEvent.objects.filter(action="objection.file.refused").count() == 3


def test_anonymous_unit_is_refused():
    case = make_case()
    with pytest.raises(ValidationError) as refused:
        file_objection(entry=case.entry, objector=unit(name=""), grounds="理由", evidence=[png()])
    assert "匿名" in refused.value.message_dict["name"][0]


def test_invalid_id_number_gets_a_precise_message():
    case = make_case()
    with pytest.raises(ValidationError) as refused:
        file_objection(entry=case.entry, objector=individual(id_number="110105194912310021"), grounds="理由",
                       evidence=[png()])  # fmt: skip
    assert (
        "校验码" in refused.value.message_dict["id_number"][0]
        or "check" in refused.value.message_dict["id_number"][0]
    )


def test_unit_objection_with_sealed_letter():
    case = make_case()
    filed = file_objection(
        entry=case.entry, objector=unit(), grounds="该企业存在重大质量事故。", evidence=[png()]
    )
    assert filed.objection.objector_name == "吉林省某质量协会"
    assert filed.objection.objector_person is None


def test_tacheng_individual_needs_no_id_number_but_a_proof_of_identity():
    case = make_case("tacheng-2023")
    assert file_objection(
        entry=case.entry, objector=individual(id_number=""), grounds="理由", evidence=[png()]
    )
    with pytest.raises(ValidationError) as refused:
        file_objection(entry=case.entry, objector=individual(id_proof=None), grounds="理由", evidence=[png()])
    assert "第二十三条" in refused.value.message_dict["id_proof"][0]


def test_paper_objection_is_judged_on_its_receipt_date(settings):
    case = make_case(starts_on=dt.date(2026, 3, 2))
    received_late = case.window.ends_on + dt.timedelta(days=1)
    filed = enter_paper_objection(entry=case.entry, actor=case.office, received_on=received_late,
                                  objector=individual(), grounds="来信内容", evidence=[png()])  # fmt: skip
    objection = filed.objection
    assert objection.state == ObjectionState.NOT_ADMITTED
    assert objection.refusal_rule == "objections.late_refused"
    assert "第三十七条(一)" in objection.refusal_citation
    on_time = enter_paper_objection(entry=case.entry, actor=case.office, received_on=case.window.ends_on,
                                    objector=individual(), grounds="来信内容", evidence=[png()])  # fmt: skip
    assert on_time.objection.state == ObjectionState.RECEIVED


def test_only_the_office_enters_paper_objections():
    case = make_case()
    with pytest.raises(ValidationError):
        enter_paper_objection(entry=case.entry, actor=case.supervisor, received_on=dt.date.today(),
                              objector=individual(), grounds="x", evidence=[png()])  # fmt: skip


def test_jian_does_not_take_objections_on_recommender_publicity():
    case = make_case("jian-2023", window_id="recommender")
    with pytest.raises(ValidationError) as refused:
        file_objection(entry=case.entry, objector=individual(), grounds="理由", evidence=[png()])
    assert "不由" in refused.value.messages[0]
