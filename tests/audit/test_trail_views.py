"""The staff audit trail and its Excel export: who sees what, filters, pagination, export content.
Events of other programs and events without a program are present in every negative case."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.db import transaction
from django.urls import reverse
from openpyxl import load_workbook

from qaward.audit.domain.recording import append_event
from qaward.audit.models import AuditEvent

from .conftest import record_at

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

TRAIL, EXPORT = reverse("audit:trail"), reverse("audit:export")
ID_NUMBER = "220102199001011234"


@pytest.fixture
def events(people, program_a, program_b, cycle_a):
    staff_a = people["staff_a"]
    return {
        "a_open": record_at(
            dt.datetime(2026, 3, 1, 17, 0, tzinfo=dt.UTC),  # 2026-03-02 01:00 in Beijing
            actor=staff_a,
            role="office_staff",
            action="cycle.open",
            obj=cycle_a,
            after={"status": "open", "contact_id_number": ID_NUMBER},
        ),
        "a_note": record_at(
            dt.datetime(2026, 3, 5, 2, 0, tzinfo=dt.UTC),
            actor=staff_a,
            action="application.note",
            program=program_a,
        ),
        "b_secret": record_at(
            dt.datetime(2026, 3, 3, 2, 0, tzinfo=dt.UTC),
            actor=people["staff_b"],
            action="cycle.open",
            obj=program_b,
            after={"note": "B-程序机密"},
        ),
        "login": record_at(
            dt.datetime(2026, 3, 4, 2, 0, tzinfo=dt.UTC), actor=people["outsider"], action="auth.login"
        ),
    }


def shown_ids(response) -> set[int]:
    return {event.pk for event in response.context["page"].object_list}


def as_user(client, user):
    client.force_login(user)
    return client


def test_anonymous_visitors_are_sent_to_login(client, events):
    assert client.get(TRAIL)["Location"].startswith(reverse("login"))
    assert client.get(EXPORT)["Location"].startswith(reverse("login"))


@pytest.mark.parametrize("who", ["expert_a", "outsider"])
def test_people_without_a_trail_role_get_404(client, people, events, who):
    as_user(client, people[who])
    assert client.get(TRAIL).status_code == 404
    assert client.get(EXPORT).status_code == 404
    denials = AuditEvent.objects.filter(action="auth.permission_denied", actor=people[who])
    assert denials.count() == 2  # a refusal is a security event too


def test_platform_admin_sees_every_event(client, people, events):
    response = as_user(client, people["admin"]).get(TRAIL)
    assert response.status_code == 200
    own_login = AuditEvent.objects.get(action="auth.login", actor=people["admin"])  # force_login records it
    assert shown_ids(response) == {event.pk for event in events.values()} | {own_login.pk}


@pytest.mark.parametrize("who", ["staff_a", "supervisor_a"])
def test_office_staff_and_supervisors_see_their_programs_only(client, people, events, who):
    response = as_user(client, people[who]).get(TRAIL)
    assert response.status_code == 200
    assert shown_ids(response) == {events["a_open"].pk, events["a_note"].pk}
    page = response.content.decode()
    assert "新疆质量奖" not in page and "staff_b" not in page
    assert "outsider" not in page  # a login: an event without a program


def test_asking_for_another_programs_trail_is_404(client, people, program_b, events):
    as_user(client, people["staff_a"])
    assert client.get(TRAIL, {"program": program_b.pk}).status_code == 404
    assert client.get(EXPORT, {"program": program_b.pk}).status_code == 404
    assert client.get(TRAIL, {"program": 999999}).status_code == 404


def test_the_list_shows_beijing_time_actor_role_action_object(client, people, events, cycle_a):
    page = as_user(client, people["staff_a"]).get(TRAIL).content.decode()
    assert "2026-03-02 01:00:00" in page
    assert "staff_a" in page
    assert "评委办工作人员" in page  # the role, in Chinese
    assert "审计日志" in page
    assert "cycle.open" in page
    assert f"programs.cycle #{cycle_a.pk}" in page
    assert ID_NUMBER not in page  # before/after data is not shown


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"action_prefix": "application."}, {"a_note"}),
        ({"action_prefix": "cycle"}, {"a_open", "b_secret"}),
        ({"actor": "staff_b"}, {"b_secret"}),
        ({"actor": "outsider"}, {"login"}),
        ({"date_from": "2026-03-02", "date_to": "2026-03-03"}, {"a_open", "b_secret"}),
        ({"date_to": "2026-03-01"}, set()),  # 17:00 UTC on the 1st is already the 2nd in Beijing
        ({"date_from": "2026-03-05", "date_to": "2026-03-05"}, {"a_note"}),
    ],
)
def test_filters(client, people, events, query, expected):
    response = as_user(client, people["admin"]).get(TRAIL, query)
    assert shown_ids(response) == {events[name].pk for name in expected}


def test_filter_by_program_and_by_object(client, people, events, program_a, program_b, cycle_a):
    as_user(client, people["admin"])
    assert shown_ids(client.get(TRAIL, {"program": program_b.pk})) == {events["b_secret"].pk}
    assert shown_ids(client.get(TRAIL, {"program": program_a.pk})) == {
        events["a_open"].pk,
        events["a_note"].pk,
    }
    by_object = client.get(TRAIL, {"object_type": "programs.cycle", "object_id": cycle_a.pk})
    assert shown_ids(by_object) == {events["a_open"].pk}


def test_invalid_filters_show_errors_and_no_events(client, people, events):
    response = as_user(client, people["admin"]).get(
        TRAIL, {"date_from": "2026-03-05", "date_to": "2026-03-01"}
    )
    assert response.status_code == 200
    assert shown_ids(response) == set()
    assert response.context["form"].errors["date_to"]


def test_pagination_newest_first(client, people, program_a):
    created = [record_at(action="application.note", program=program_a) for _ in range(55)]
    as_user(client, people["staff_a"])
    first = client.get(TRAIL)
    rows = [event.pk for event in first.context["page"].object_list]
    assert rows == [event.pk for event in reversed(created)][:50]
    second = client.get(TRAIL, {"page": 2})
    assert [event.pk for event in second.context["page"].object_list] == [
        event.pk for event in reversed(created)
    ][50:]


def workbook_rows(response) -> list[tuple]:
    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert response["Content-Disposition"].startswith('attachment; filename="audit-')
    sheet = load_workbook(io.BytesIO(response.content)).active
    return list(sheet.iter_rows(values_only=True))


def test_export_holds_the_shown_columns_of_the_users_programs_only(client, people, events):
    rows = workbook_rows(as_user(client, people["staff_a"]).get(EXPORT))
    assert rows[0] == (
        "编号",
        "时间（北京时间）",
        "操作人",
        "角色",
        "操作",
        "对象",
        "所属奖项",
        "依据",
        "说明",
    )
    assert [row[0] for row in rows[1:]] == [events["a_note"].pk, events["a_open"].pk]
    assert rows[2][1] == dt.datetime(2026, 3, 2, 1, 0)
    everything = repr(rows)
    assert ID_NUMBER not in everything  # after-data is never exported
    assert "B-程序机密" not in everything and "新疆质量奖" not in everything and "outsider" not in everything


def test_export_follows_the_filters(client, people, events, program_b):
    rows = workbook_rows(as_user(client, people["admin"]).get(EXPORT, {"program": program_b.pk}))
    assert [row[0] for row in rows[1:]] == [events["b_secret"].pk]


def test_an_export_is_itself_audited(client, people, events, program_a):
    as_user(client, people["staff_a"]).get(EXPORT, {"program": program_a.pk, "action_prefix": "cycle"})
    logged = AuditEvent.objects.get(action="audit.export")
    assert logged.actor == people["staff_a"]
    assert logged.program == program_a
    assert logged.after == {"filters": {"program": str(program_a.pk), "action_prefix": "cycle"}, "rows": 1}


def test_export_cells_are_text_never_formulas(client, people, program_a):
    with transaction.atomic():
        append_event(
            actor=None,
            action="application.note",
            program=program_a,
            object_label='=HYPERLINK("http://x","y")',
        )
    response = as_user(client, people["staff_a"]).get(EXPORT)
    sheet = load_workbook(io.BytesIO(response.content)).active
    labels = [cell for row in sheet.iter_rows() for cell in row if "HYPERLINK" in str(cell.value)]
    assert [cell.value for cell in labels] == ['=HYPERLINK("http://x","y")']
    assert labels[0].data_type == "s"  # a formula would load as "f"


def test_too_large_an_export_is_refused_with_a_message(client, people, events, settings):
    settings.AUDIT_EXPORT_MAX_ROWS = 1
    response = as_user(client, people["admin"]).get(EXPORT, {"action_prefix": "cycle"}, follow=True)
    assert response.redirect_chain[-1][0].startswith(TRAIL)
    assert "2" in response.content.decode()
    assert not AuditEvent.objects.filter(action="audit.export").exists()
