"""Withdrawal is a state change (audited, bytes kept); the admin list is read-only."""

from __future__ import annotations

import pytest
import rules
from django.core.exceptions import ValidationError
from django.urls import reverse

from qaward.audit.models import AuditEvent
from qaward.documents.domain import store_upload, withdraw_file
from qaward.documents.enums import FileState
from qaward.documents.models import StoredFile

from .samples import pdf_bytes, upload

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


@pytest.fixture
def stored(applicant, program) -> StoredFile:
    return store_upload(
        uploaded_file=upload("申报表.pdf", pdf_bytes()),
        slot="application_form",
        actor=applicant,
        program=program,
    )


def test_withdrawal_keeps_row_and_bytes(stored, office_staff, private_root):
    withdrawn = withdraw_file(stored_file=stored, actor=office_staff, reason="  申报单位要求撤回  ")
    withdrawn.refresh_from_db()
    assert withdrawn.state == FileState.WITHDRAWN
    assert withdrawn.withdrawn_by == office_staff
    assert withdrawn.withdrawal_reason == "申报单位要求撤回"
    assert withdrawn.withdrawn_at is not None
    assert (private_root / withdrawn.storage_name).exists()
    event = AuditEvent.objects.get(action="file.withdraw")
    assert (event.actor, event.before, event.after) == (
        office_staff,
        {"state": "active"},
        {"state": "withdrawn", "reason": "申报单位要求撤回"},
    )


def test_withdrawing_twice_is_refused(stored, applicant):
    withdraw_file(stored_file=stored, actor=applicant)
    with pytest.raises(ValidationError) as exc:
        withdraw_file(stored_file=stored, actor=applicant)
    assert exc.value.messages == ["“申报表.pdf”已经撤回。"]
    assert AuditEvent.objects.filter(action="file.withdraw").count() == 1


@pytest.mark.parametrize(
    ("who", "allowed"),
    [
        ("applicant", True),
        ("office_staff", True),
        ("other_applicant", False),
        ("foreign_office_staff", False),
        ("platform_admin", False),
        ("stranger", False),
    ],
)
def test_who_may_withdraw(request, stored, who, allowed):
    assert rules.has_perm("documents.withdraw_storedfile", request.getfixturevalue(who), stored) is allowed


def test_uploader_cannot_withdraw_again_but_office_still_sees(stored, applicant, office_staff):
    stored = withdraw_file(stored_file=stored, actor=applicant)
    assert not rules.has_perm("documents.withdraw_storedfile", applicant, stored)
    assert rules.has_perm("documents.download_storedfile", office_staff, stored)


class TestAdmin:
    @pytest.fixture
    def admin_client(self, client, django_user_model):
        user = django_user_model.objects.create_superuser("root", password="x")
        client.force_login(user)
        return client

    def test_read_only_list_hides_trade_secret_names(self, admin_client, applicant, program, stored):
        secret = store_upload(
            uploaded_file=upload("核心配方.pdf", pdf_bytes()),
            slot="evidence",
            actor=applicant,
            program=program,
            trade_secret=True,
        )
        page = admin_client.get(reverse("admin:documents_storedfile_changelist")).content.decode()
        assert "申报表.pdf" in page
        assert "核心配方" not in page
        assert "（商业秘密）" in page
        detail = admin_client.get(
            reverse("admin:documents_storedfile_change", args=[secret.pk])
        ).content.decode()
        assert "核心配方" not in detail

    def test_no_add_change_or_delete(self, admin_client, stored):
        assert admin_client.get(reverse("admin:documents_storedfile_add")).status_code == 403
        assert (
            admin_client.get(reverse("admin:documents_storedfile_delete", args=[stored.pk])).status_code
            == 403
        )
        response = admin_client.post(
            reverse("admin:documents_storedfile_changelist"),
            {"action": "delete_selected", "_selected_action": [stored.pk]},
        )
        assert StoredFile.objects.filter(pk=stored.pk).exists()
        assert response.status_code in (200, 302)
