"""What of an application the public may see in a 公示, already masked.

The rulebooks say *what* is published (``PublicityWindow.subject``: "受理名单", "候选名单") but
not which columns; the regulations' practice is the applicant's name, its kind, the award
sought and who recommended it. Organisations are published by name; natural persons by their
masked name (``mask_name``) and employer. ID numbers, phones, addresses, credit codes and
anything from the application form never leave the office: this module is the only place an
entry's fields are built, and it reads nothing else.
"""

from __future__ import annotations

from qaward.identifiers import mask_name


def tier_label(book, tier_id: str) -> str:
    tier = book.tiers.get(tier_id) if book is not None else None
    return tier.label if tier is not None else tier_id


def track_label(book, kind: str, track_id: str) -> str:
    if not track_id or book is None:
        return ""
    kind_rule = book.applicant_kinds.get(kind)
    for track in getattr(kind_rule, "tracks", ()) or ():
        if track.id == track_id:
            return track.label
    return ""


def kind_label(book, kind: str) -> str:
    kind_rule = book.applicant_kinds.get(kind) if book is not None else None
    return kind_rule.label if kind_rule is not None else kind


def public_fields(application, book) -> dict:
    """The published columns of one application (plain strings; masked where personal)."""
    applicant = application.applicant
    fields: dict = {
        "reference": application.reference,
        "kind": application.kind,
        "kind_label": kind_label(book, application.kind),
        "tier_label": tier_label(book, application.tier),
        "track_label": track_label(book, application.kind, application.track),
        "recommending_unit": application.recommending_unit.name if application.recommending_unit_id else "",
    }
    if application.kind == "individual":
        fields["name"] = mask_name(applicant.name)
        fields["employer"] = applicant.employer.name if applicant.employer_id else applicant.employer_name
    elif application.kind == "team":
        fields["name"] = applicant.name
        fields["members"] = [mask_name(member.person.name) for member in applicant.members.all()]
    else:
        fields["name"] = applicant.name
    return fields
