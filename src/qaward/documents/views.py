"""Downloads, the only way a stored file leaves the server."""

from __future__ import annotations

import logging
import re
import uuid
from urllib.parse import quote

from django.http import FileResponse, Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_GET

from qaward.accounts.models import Role
from qaward.documents import rules as file_rules
from qaward.documents.domain import record_trade_secret_download
from qaward.documents.models import StoredFile
from qaward.documents.storage import private_storage
from qaward.permissions import permission_required

logger = logging.getLogger(__name__)

DOWNLOAD_PERMISSION = "documents.download_storedfile"


def _stored_file(request: HttpRequest, file_id: uuid.UUID) -> StoredFile:
    return get_object_or_404(StoredFile.objects.select_related("program"), pk=file_id)


@require_GET
@permission_required(DOWNLOAD_PERMISSION, fn=_stored_file)
def download(request: HttpRequest, file_id: uuid.UUID) -> FileResponse:
    # Anonymous visitors were sent to log in; anyone else without the permission got 404 and the
    # denial was recorded (qaward.permissions).
    stored: StoredFile = request.permission_object
    try:
        handle = private_storage().open(stored.storage_name, "rb")
    except FileNotFoundError:
        logger.error("stored file %s is missing its bytes (%s)", stored.pk, stored.storage_name)
        raise Http404 from None
    if stored.trade_secret:
        record_trade_secret_download(
            stored_file=stored, actor=request.user, role=_access_basis(request.user, stored), request=request
        )
    response = FileResponse(handle, content_type=stored.content_type)
    response["Content-Disposition"] = attachment_disposition(stored.original_name)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


def attachment_disposition(filename: str) -> str:
    """``attachment`` with an ASCII fallback name and the exact UTF-8 name (RFC 6266, RFC 5987),
    so Chinese names arrive intact and old clients still get a usable name."""
    stem, dot, extension = filename.rpartition(".")
    if not dot:
        stem, extension = filename, ""
    fallback = re.sub(r"[^A-Za-z0-9_-]+", "_", stem).strip("_") or "download"
    extension = re.sub(r"[^A-Za-z0-9]", "", extension)[:16]
    if extension:
        fallback += "." + extension
    return f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(filename, safe='')}"


def _access_basis(user, stored: StoredFile) -> str:
    if file_rules.is_office_staff_of_program(user, stored):
        return Role.OFFICE_STAFF
    if file_rules.is_assigned_expert(user, stored):
        return Role.EXPERT
    return ""  # the uploader
