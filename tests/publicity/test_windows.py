"""Publicity windows: lengths per rulebook, end dates across holidays, extension, masking, blocking."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from tests.applications.makers import make_application
from tests.publicity.makers import make_cycle, make_office_staff, make_program

from qaward.applications.enums import ApplicationState as S
from qaward.audit.models import AuditEvent
from qaward.programs.models import CalendarOverride, CalendarYear
from qaward.publicity.domain import queries
from qaward.publicity.domain.windows import extend_window, open_window, record_media_publication
from qaward.publicity.models import PublicityEntry
from qaward.rulebooks import registry

pytestmark = pytest.mark.django_db
TZ = timezone.get_default_timezone()


@pytest.fixture
def jilin():
    program = make_program("jilin-2023")
    return make_cycle(program), make_office_staff(program)


@pytest.fixture
def next_year_covered():
    """Windows opened "today" may run into next year, which the library may not cover yet."""
    year = timezone.localdate().year + 1
    CalendarYear.objects.get_or_create(year=year, defaults={"complete": True, "source": "测试"})


def _open(cycle, staff, window_id="acceptance", starts_on=date(2026, 9, 30), **kwargs):
    apps = kwargs.pop("applications", None) or [make_application(cycle, state=S.ACCEPTED)]
    return open_window(cycle=cycle, rule_window_id=window_id, applications=apps, starts_on=starts_on,
                       actor=staff, **kwargs)  # fmt: skip


def test_end_date_skips_national_day_2026_and_counts_the_makeup_saturday(jilin):
    cycle, staff = jilin
    window = _open(cycle, staff)
    # 9/30 is day 1; 10/1–10/7 are off; 10/8, 10/9, Saturday 10/10 (调休上班) and Monday 10/12.
    assert window.workdays == 5 and window.ends_on == date(2026, 10, 12)
    assert window.counting == "inclusive" and window.citation.endswith("第二十条")
    assert window.closes_at == datetime(2026, 10, 13, 0, 0, tzinfo=TZ)


def test_end_date_across_spring_festival_2027_from_office_entered_calendar(jilin):
    cycle, staff = jilin
    # The library has no 2027 data: the office enters the arrangement and marks the year complete.
    CalendarYear.objects.create(year=2027, complete=True, source="国办发明电〔2026〕1号")
    for day in range(6, 13):  # 2027-02-06 (Sat) … 02-12 off; not a real notice, a test arrangement
        CalendarOverride.objects.create(date=date(2027, 2, day), is_workday=False, note="春节")
    CalendarOverride.objects.create(date=date(2027, 2, 14), is_workday=True, note="春节调休上班")
    window = _open(cycle, staff, starts_on=date(2027, 2, 4))
    # 2/4 (1), 2/5 (2), 2/6–2/12 off, 2/13 Sat off, 2/14 Sun make-up (3), 2/15 (4), 2/16 (5)
    assert window.ends_on == date(2027, 2, 16)


def test_missing_calendar_year_is_a_clear_chinese_error(jilin):
    cycle, staff = jilin
    with pytest.raises(ValidationError, match="2027 年的法定节假日安排尚未录入"):
        _open(cycle, staff, starts_on=date(2027, 3, 1))


@pytest.mark.parametrize(
    "rulebook_id", ["jilin-2023", "changchun-2018", "tacheng-2023", "jinzhong-2023", "jian-2023"]
)
def test_every_window_of_every_rulebook_defaults_to_its_minimum_and_refuses_fewer(rulebook_id):
    program = make_program(rulebook_id)
    cycle, staff = make_cycle(program), make_office_staff(program)
    book = registry.get(rulebook_id)
    for rule in book.publicity:
        window = _open(cycle, staff, window_id=rule.id, starts_on=date(2026, 6, 1))
        assert window.workdays == rule.min_workdays and window.min_workdays == rule.min_workdays
        assert window.channel == rule.channel and window.counting == rule.counting
        article = book.cite(rule.cite)
        with pytest.raises(ValidationError) as refused:
            _open(cycle, staff, window_id=rule.id, workdays=rule.min_workdays - 1)
        assert article in str(refused.value) and f"{rule.min_workdays}个工作日" in str(refused.value)
    assert AuditEvent.objects.filter(action="publicity.open_window.refused").count() == len(book.publicity)


def test_exact_window_refuses_any_other_length_and_any_extension(next_year_covered):
    program = make_program("jilin-2023")
    cycle, staff = make_cycle(program), make_office_staff(program)
    with pytest.raises(ValidationError, match="公示期为5个工作日.*第二十七条"):
        _open(cycle, staff, window_id="proposal", workdays=6)
    window = _open(cycle, staff, window_id="proposal", starts_on=timezone.localdate())
    with pytest.raises(ValidationError, match="第二十七条"):
        extend_window(window=window, workdays=7, actor=staff, reason="延长")


def test_extend_and_refuse_to_shorten_below_minimum(jilin, next_year_covered):
    cycle, staff = jilin
    window = _open(cycle, staff, starts_on=timezone.localdate())
    old_end = window.ends_on
    window = extend_window(window=window, workdays=8, actor=staff, reason="收到较多咨询，延长公示")
    assert window.workdays == 8 and window.ends_on > old_end
    change = window.changes.get()
    assert (change.old_workdays, change.new_workdays, change.old_ends_on) == (5, 8, old_end)
    event = AuditEvent.objects.get(action="publicity.extend_window")
    assert event.before["workdays"] == 5 and event.after["workdays"] == 8
    with pytest.raises(ValidationError, match="不少于5个工作日.*第二十条"):
        extend_window(window=window, workdays=4, actor=staff, reason="缩短")
    assert AuditEvent.objects.filter(action="publicity.extend_window.refused").count() == 1
    with pytest.raises(ValidationError):
        extend_window(window=window, workdays=9, actor=staff, reason=" ")
    window.refresh_from_db()
    assert window.workdays == 8


def test_closed_window_cannot_be_changed(jilin):
    cycle, staff = jilin
    window = _open(cycle, staff, starts_on=date(2026, 1, 5))
    with pytest.raises(ValidationError, match="已经结束|closed|已结束"):
        extend_window(window=window, workdays=7, actor=staff, reason="补延")


def test_entries_publish_only_masked_public_fields(jilin):
    from qaward.applications.models import Applicant
    from qaward.privacy.models import PersonIdentity

    cycle, staff = jilin
    person = PersonIdentity.objects.create(name="张三丰", id_number="11010519491231002X", phone="13812345678")
    individual = Applicant.objects.create(
        kind="individual", name="张三丰", person=person, employer_name="长春一汽"
    )
    organisation = Applicant.objects.create(kind="organization", name="吉林化纤集团有限责任公司",
                                            uscc="91220101MA0Y3G5X1M")  # fmt: skip
    apps = [
        make_application(cycle, state=S.ACCEPTED, applicant=organisation),
        make_application(cycle, state=S.ACCEPTED, applicant=individual),
    ]
    window = _open(cycle, staff, applications=apps)
    org_entry, person_entry = PublicityEntry.objects.filter(window=window).order_by("position")
    assert org_entry.public_fields["name"] == "吉林化纤集团有限责任公司"
    assert person_entry.public_fields["name"] == "张*丰"
    assert person_entry.public_fields["employer"] == "长春一汽"
    dumped = str(org_entry.public_fields) + str(person_entry.public_fields)
    for secret in ("11010519491231002X", "13812345678", "91220101MA0Y3G5X1M", "张三丰"):
        assert secret not in dumped


def test_media_publication_is_recorded_and_audited(jilin):
    cycle, staff = jilin
    window = _open(cycle, staff, window_id="proposal", starts_on=date(2026, 6, 1))
    with pytest.raises(ValidationError) as refused:
        record_media_publication(window=window, media_name="", published_on=None, actor=staff)
    assert set(refused.value.message_dict) == {"media_name", "published_on"}
    record_media_publication(window=window, media_name="吉林日报", published_on=date(2026, 6, 1),
                             link="https://example.org/notice/1", actor=staff)  # fmt: skip
    window.refresh_from_db()
    assert window.media_name == "吉林日报" and window.media_published_on == date(2026, 6, 1)
    assert AuditEvent.objects.filter(action="publicity.record_media", object_id=str(window.pk)).exists()


def test_dependent_step_is_blocked_while_open_and_unblocked_after(jilin, next_year_covered):
    cycle, staff = jilin
    app = make_application(cycle, state=S.ACCEPTED)
    today = timezone.localdate()
    window = _open(cycle, staff, applications=[app], starts_on=today)
    assert queries.window_is_open(window)
    assert queries.unfinished_window(app, "acceptance") == window
    assert not queries.window_closed_for(app, "acceptance")
    assert "公示" in queries.blocking_reason(app, "acceptance") or window.title in queries.blocking_reason(
        app, "acceptance"
    )
    after = window.closes_at + timedelta(minutes=1)
    assert not queries.window_is_open(window, at=after)
    assert queries.unfinished_window(app, "acceptance", at=after) is None
    assert queries.window_closed_for(app, "acceptance", at=after)
    assert queries.blocking_reason(app, "acceptance", at=after) is None
    one_minute_before = window.closes_at - timedelta(minutes=1)
    assert queries.window_is_open(window, at=one_minute_before)


def test_pending_admissible_objection_keeps_the_step_blocked(jilin, monkeypatch):
    import types

    cycle, staff = jilin
    app = make_application(cycle, state=S.ACCEPTED)
    window = _open(cycle, staff, applications=[app], starts_on=date(2026, 1, 5))
    fake = types.SimpleNamespace(admissible_pending_for_window=lambda w: w.pk == window.pk)
    monkeypatch.setattr(queries, "import_module", lambda name: fake)
    assert queries.pending_objections_block(window)
    assert queries.blocking_reason(app, "acceptance") is not None
    monkeypatch.setattr(queries, "import_module", lambda name: types.SimpleNamespace())
    assert not queries.pending_objections_block(window)
    assert queries.blocking_reason(app, "acceptance") is None


def test_applications_of_another_cycle_are_refused(jilin):
    cycle, staff = jilin
    other = make_cycle(cycle.program, number=2, year=2028)
    with pytest.raises(ValidationError, match="另一|another"):
        _open(cycle, staff, applications=[make_application(other, state=S.ACCEPTED)])
