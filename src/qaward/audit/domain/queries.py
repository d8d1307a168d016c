"""Reads of the audit log: chain verification and the events a user may see."""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from qaward.accounts.domain.queries import is_platform_admin, programs_where
from qaward.accounts.models import Role
from qaward.audit.chain import GENESIS_HASH, HASHED_FIELDS, event_hash
from qaward.audit.models import AuditEvent

# Roles that see the trail of the programs they hold them in (评委办 runs it, 监督 oversees it).
TRAIL_ROLES = (Role.OFFICE_STAFF, Role.SUPERVISOR)


class ChainCheck(NamedTuple):
    ok: bool
    head_hash: str  # hash of the last event that verified (GENESIS_HASH when none did)
    count: int  # events that verified, in order, before the first broken one
    first_broken_id: int | None
    reason: str


def verify_chain(*, expected_head: str = "", chunk_size: int = 2000, using: str = "default") -> ChainCheck:
    """Recompute every event's hash in chain order (by id) and check each link to its predecessor.

    Streams the table in chunks, so memory stays flat however long the log is. When
    ``expected_head`` (a head hash noted down earlier) is given, it must still be in the chain:
    the chain alone cannot reveal events removed from its end.
    """
    prev_hash = GENESIS_HASH
    count = 0
    head_seen = not expected_head
    rows = (
        AuditEvent.objects.using(using)
        .order_by("id")
        .values("id", "prev_hash", "hash", *HASHED_FIELDS)
        .iterator(chunk_size=chunk_size)
    )
    for row in rows:
        if row["prev_hash"] != prev_hash:
            reason = _(
                "it does not link to the event before it (an event was removed, inserted or reordered)"
            )
            return ChainCheck(False, prev_hash, count, row["id"], reason)
        if event_hash(row, prev_hash) != row["hash"]:
            reason = _("its recorded fields do not match its hash (the event was altered)")
            return ChainCheck(False, prev_hash, count, row["id"], reason)
        prev_hash = row["hash"]
        count += 1
        head_seen = head_seen or prev_hash == expected_head
    if not head_seen:
        reason = _("the head hash %(hash)s noted earlier is no longer in the chain (events were removed)") % {
            "hash": expected_head
        }
        return ChainCheck(False, prev_hash, count, None, reason)
    return ChainCheck(True, prev_hash, count, None, "")


def trail_program_ids(user) -> QuerySet | None:
    """Ids of the programs whose audit trail ``user`` may see; None means every event
    (platform administrators, including events without a program such as logins)."""
    if is_platform_admin(user):
        return None
    return programs_where(user, *TRAIL_ROLES).values("id")


def visible_events(user) -> QuerySet[AuditEvent]:
    program_ids = trail_program_ids(user)
    events = AuditEvent.objects.all()
    if program_ids is not None:
        events = events.filter(program_id__in=program_ids)
    return events


def filter_events(
    events: QuerySet[AuditEvent],
    *,
    program=None,
    object_type: str = "",
    object_id: str = "",
    actor: str = "",
    action_prefix: str = "",
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
) -> QuerySet[AuditEvent]:
    """Narrow ``events``; dates are calendar days in the site's time zone (Beijing time), both
    ends included. Newest first."""
    if program is not None:
        events = events.filter(program=program)
    if object_type:
        events = events.filter(object_type=object_type)
    if object_id:
        events = events.filter(object_id=object_id)
    if actor:
        events = events.filter(Q(actor__username=actor) | Q(actor_label=actor))
    if action_prefix:
        events = events.filter(action__startswith=action_prefix)
    if date_from:
        events = events.filter(occurred_at__gte=_start_of(date_from))
    if date_to:
        events = events.filter(occurred_at__lt=_start_of(date_to + dt.timedelta(days=1)))
    return events.select_related("program").order_by("-id")


def _start_of(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))
