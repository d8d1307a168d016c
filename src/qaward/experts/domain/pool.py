"""Writes about the expert pool: profiles, pool membership, status, former employers, declared
relationships, availability. One audit event each."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from qaward.experts.domain.common import (
    acting_role,
    check_actor,
    clean_codes,
    clean_region,
    clean_uscc,
    record_event,
    require_text,
    split_list,
)
from qaward.experts.enums import ExpertStatus, RelationshipKind
from qaward.experts.models import (
    AvailabilityWindow,
    DeclaredRelationship,
    Expert,
    FormerEmployment,
    PoolMembership,
)

PROFILE_FIELDS = (
    "name",
    "employer_name",
    "employer_uscc",
    "region_code",
    "title",
    "industry_codes",
    "keywords",
    "languages",
    "may_lead",
    "max_load",
    "phone",
    "email",
)


def expert_facts(expert: Expert) -> dict:
    facts = {name: getattr(expert, name) for name in PROFILE_FIELDS}
    facts.update(status=expert.status, user=expert.user.get_username() if expert.user_id else None)
    return facts


def clean_profile(data: dict) -> dict:
    """Normalise and check a profile's fields; every problem at once, keyed by field."""
    out, errors = {}, {}

    def attempt(field, fn):
        try:
            out[field] = fn()
        except ValidationError as error:
            for key, messages in error.message_dict.items():
                errors.setdefault(key, []).extend(messages)

    attempt("name", lambda: require_text(data.get("name"), "name", _("Enter the expert's name.")))
    attempt("employer_uscc", lambda: clean_uscc(data.get("employer_uscc", "")))
    attempt("region_code", lambda: clean_region(data.get("region_code", "")))
    attempt("industry_codes", lambda: clean_codes(data.get("industry_codes")))
    out["employer_name"] = (data.get("employer_name") or "").strip()
    out["title"] = (data.get("title") or "").strip()
    out["keywords"] = split_list(data.get("keywords"))
    out["languages"] = split_list(data.get("languages")) or ["中文"]
    out["may_lead"] = bool(data.get("may_lead"))
    out["phone"] = (data.get("phone") or "").strip()
    out["email"] = (data.get("email") or "").strip()
    max_load = data.get("max_load", 5)
    try:
        max_load = int(max_load if max_load not in (None, "") else 5)
        if not 0 <= max_load <= 50:
            raise ValueError
        out["max_load"] = max_load
    except (TypeError, ValueError):
        errors["max_load"] = [_("The workload limit must be a whole number from 0 to 50.")]
    if out.get("employer_uscc") and not out["employer_name"]:
        errors["employer_name"] = [_("Enter the employer's name as well as its credit code.")]
    if not out.get("industry_codes") and "industry_codes" not in errors:
        errors["industry_codes"] = [_("Give at least one GB/T 4754 industry code the expert covers.")]
    if errors:
        raise ValidationError(errors)
    return out


@transaction.atomic
def create_expert(*, program, actor, user=None, **profile) -> Expert:
    """Add a new expert to ``program``'s pool."""
    check_actor(actor, "experts.manage_pool", program)
    data = clean_profile(profile)
    if user is not None and Expert.objects.filter(user=user).exists():
        raise ValidationError({"user": _("This account already belongs to another expert.")})
    expert = Expert.objects.create(user=user, **data)
    PoolMembership.objects.create(expert=expert, program=program, added_by=actor)
    record_event(
        actor=actor,
        action="experts.expert_created",
        obj=expert,
        after=expert_facts(expert),
        role=acting_role(actor, program),
        program=program,
    )
    return expert


@transaction.atomic
def update_expert(*, expert: Expert, program, actor, **profile) -> Expert:
    check_actor(actor, "experts.manage_expert", expert)
    expert = Expert.objects.select_for_update().get(pk=expert.pk)
    before = expert_facts(expert)
    merged = {name: getattr(expert, name) for name in PROFILE_FIELDS}
    merged.update({k: v for k, v in profile.items() if k in PROFILE_FIELDS})
    data = clean_profile(merged)
    for name, value in data.items():
        setattr(expert, name, value)
    expert.save()
    after = expert_facts(expert)
    if after != before:
        record_event(
            actor=actor,
            action="experts.expert_updated",
            obj=expert,
            before={k: v for k, v in before.items() if before[k] != after[k]},
            after={k: v for k, v in after.items() if before[k] != after[k]},
            role=acting_role(actor, program),
            program=program,
        )
    return expert


@transaction.atomic
def link_account(*, expert: Expert, user, program, actor) -> Expert:
    """Let the expert sign in: their invitations and declarations are then theirs to answer."""
    check_actor(actor, "experts.manage_expert", expert)
    if Expert.objects.filter(user=user).exclude(pk=expert.pk).exists():
        raise ValidationError({"user": _("This account already belongs to another expert.")})
    before = expert.user.get_username() if expert.user_id else None
    expert.user = user
    expert.save(update_fields=["user"])
    record_event(
        actor=actor,
        action="experts.account_linked",
        obj=expert,
        before={"user": before},
        after={"user": user.get_username()},
        role=acting_role(actor, program),
        program=program,
    )
    return expert


@transaction.atomic
def add_to_pool(*, expert: Expert, program, actor) -> PoolMembership:
    check_actor(actor, "experts.manage_pool", program)
    existing = PoolMembership.objects.filter(expert=expert, program=program, ended_at__isnull=True).first()
    if existing:
        return existing
    membership = PoolMembership.objects.create(expert=expert, program=program, added_by=actor)
    record_event(
        actor=actor,
        action="experts.pool_joined",
        obj=expert,
        after={"program": program.slug},
        role=acting_role(actor, program),
        program=program,
    )
    return membership


@transaction.atomic
def remove_from_pool(*, expert: Expert, program, actor, reason: str) -> PoolMembership:
    check_actor(actor, "experts.manage_pool", program)
    reason = require_text(reason, "reason", _("Say why the expert leaves the pool."))
    membership = (
        PoolMembership.objects.select_for_update()
        .filter(expert=expert, program=program, ended_at__isnull=True)
        .first()
    )
    if membership is None:
        raise ValidationError(_("%(expert)s is not in this award's pool.") % {"expert": expert})
    membership.ended_at = timezone.now()
    membership.end_reason = reason
    membership.save(update_fields=["ended_at", "end_reason"])
    record_event(
        actor=actor,
        action="experts.pool_left",
        obj=expert,
        after={"program": program.slug, "reason": reason},
        role=acting_role(actor, program),
        program=program,
    )
    return membership


@transaction.atomic
def set_status(*, expert: Expert, status: str, reason: str, article: str, program, actor) -> Expert:
    """Suspend, disqualify or reinstate an expert. Suspension and disqualification need a reason
    and the article relied on; a suspended or disqualified expert is never assigned."""
    check_actor(actor, "experts.manage_expert", expert)
    if status not in ExpertStatus.values:
        raise ValidationError({"status": _("Unknown expert status.")})
    reason, article = (reason or "").strip(), (article or "").strip()
    if status != ExpertStatus.ACTIVE:
        require_text(reason, "reason", _("Say why the expert's status changes."))
        require_text(article, "article", _("Name the article the decision relies on."))
    expert = Expert.objects.select_for_update().get(pk=expert.pk)
    before = {"status": expert.status, "reason": expert.status_reason, "article": expert.status_article}
    expert.status, expert.status_reason, expert.status_article = status, reason, article
    expert.status_changed_at = timezone.now()
    expert.save(update_fields=["status", "status_reason", "status_article", "status_changed_at"])
    record_event(
        actor=actor,
        action="experts.status_changed",
        obj=expert,
        before=before,
        after={"status": status, "reason": reason, "article": article},
        role=acting_role(actor, program),
        program=program,
    )
    return expert


@transaction.atomic
def add_former_employment(
    *, expert: Expert, employer_name: str, ended: dt.date, program, actor, employer_uscc="", started=None
) -> FormerEmployment:
    check_actor(actor, "experts.manage_expert", expert)
    name = require_text(employer_name, "employer_name", _("Enter the former employer's name."))
    uscc = clean_uscc(employer_uscc)
    if ended is None:
        raise ValidationError({"ended": _("Enter when the expert left this employer.")})
    if started and started > ended:
        raise ValidationError({"started": _("The start cannot be after the end.")})
    row = FormerEmployment.objects.create(
        expert=expert, employer_name=name, employer_uscc=uscc, started=started, ended=ended
    )
    record_event(
        actor=actor,
        action="experts.former_employment_added",
        obj=expert,
        after={"employer": name, "uscc": uscc, "started": started, "ended": ended},
        role=acting_role(actor, program),
        program=program,
    )
    return row


@transaction.atomic
def declare_relationship(
    *, expert: Expert, kind: str, counterparty_name: str, program, actor, counterparty_uscc="",
    started=None, ended=None, note="",
) -> DeclaredRelationship:  # fmt: skip
    """The expert (or the office on their word) declares an interest such as coaching an
    applicant (申报辅导); conflict detection matches it against every applicant."""
    check_actor(actor, "experts.declare_relationship", expert)
    if kind not in RelationshipKind.values:
        raise ValidationError({"kind": _("Choose the kind of relationship.")})
    name = require_text(counterparty_name, "counterparty_name", _("Name the organisation or person."))
    row = DeclaredRelationship.objects.create(
        expert=expert,
        kind=kind,
        counterparty_name=name,
        counterparty_uscc=clean_uscc(counterparty_uscc, "counterparty_uscc"),
        started=started,
        ended=ended,
        note=(note or "").strip(),
    )
    record_event(
        actor=actor,
        action="experts.relationship_declared",
        obj=expert,
        after={"kind": kind, "counterparty": name, "uscc": row.counterparty_uscc, "note": row.note},
        role=acting_role(actor, program),
        program=program,
    )
    return row


@transaction.atomic
def add_availability(
    *, expert: Expert, starts: dt.date, ends: dt.date, program, actor, note=""
) -> AvailabilityWindow:
    check_actor(actor, "experts.declare_relationship", expert)
    if not starts or not ends or ends < starts:
        raise ValidationError({"ends": _("The window must end on or after its first day.")})
    window = AvailabilityWindow.objects.create(
        expert=expert, starts=starts, ends=ends, note=(note or "").strip()
    )
    record_event(
        actor=actor,
        action="experts.availability_added",
        obj=expert,
        after={"starts": starts, "ends": ends, "note": window.note},
        role=acting_role(actor, program),
        program=program,
    )
    return window
