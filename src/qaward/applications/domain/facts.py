"""The eligibility facts of an application: read from the applicant profile (and the internal
publicity record), plus what the applicant declares in the application form (FACTS vocabulary,
``rulebooks/facts.py``)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from qaward.applications.enums import ApplicantKind, OrganizationType, SafetyLevel
from qaward.applications.spec.form import DERIVED_FACTS
from qaward.rulebooks.schema import Rulebook

# The engine compares grades numerically (grade 1 is best); "no grade" must fail "grade 3 or better".
NO_SAFETY_GRADE = 4
MANAGEMENT_SYSTEM = re.compile(r"9001|14001|45001|IATF|ISO|GB/T\s*19001", re.IGNORECASE)
NEW_ECONOMY_TAG = "四新"
ZJTX_TAG = "专精特新"


@dataclass
class FactSheet:
    """Facts for the engine, with where each came from (profile, publicity or form)."""

    values: dict = field(default_factory=dict)
    sources: dict = field(default_factory=dict)

    def put(self, name: str, value, source: str) -> None:
        if value is not None:
            self.values[name] = value
            self.sources[name] = source

    def as_json(self) -> dict:
        def plain(value):
            if isinstance(value, list):
                return [d.isoformat() if hasattr(d, "isoformat") else d for d in value]
            return value

        return {name: plain(value) for name, value in self.values.items()}


def jurisdiction_prefix(code: str) -> str:
    """The leading digits every division inside ``code`` shares: 220000 → 22, 220100 → 2201."""
    if code.endswith("0000"):
        return code[:2]
    if code.endswith("00"):
        return code[:4]
    return code


def completed_years(since: dt.date | None, as_of: dt.date) -> int | None:
    if since is None:
        return None
    years = as_of.year - since.year - ((as_of.month, as_of.day) < (since.month, since.day))
    return max(years, 0)


def _parse_date(value) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def management_system_years(certificates: list, as_of: dt.date) -> int | None:
    """Completed years since the first certification of a management system still valid today."""
    firsts = []
    for cert in certificates or []:
        if not MANAGEMENT_SYSTEM.search(str(cert.get("name", ""))):
            continue
        expires = _parse_date(cert.get("expires"))
        issued = _parse_date(cert.get("issued"))
        if issued and (expires is None or expires >= as_of):
            firsts.append(issued)
    return completed_years(min(firsts), as_of) if firsts else None


def profile_facts(book: Rulebook, applicant, as_of: dt.date, publicity=None) -> FactSheet:
    sheet = FactSheet()
    if applicant.kind == ApplicantKind.ORGANIZATION:
        if applicant.region_code:
            inside = applicant.region_code.startswith(jurisdiction_prefix(book.jurisdiction.code))
            sheet.put("registered_in_jurisdiction", inside, "profile")
        sheet.put("legal_person", bool(applicant.legal_person), "profile")
        if applicant.org_type:
            sheet.put("is_enterprise", applicant.org_type == OrganizationType.ENTERPRISE, "profile")
        sheet.put("is_branch", applicant.parent_id is not None, "profile")
        sheet.put("years_operating", completed_years(applicant.founded, as_of), "profile")
        tags = set(applicant.tags or [])
        sheet.put("new_economy", NEW_ECONOMY_TAG in tags, "profile")
        sheet.put("provincial_zjtx", ZJTX_TAG in tags, "profile")
        sheet.put("iso9001_years", management_system_years(applicant.certificates, as_of), "profile")
        if applicant.safety_level == SafetyLevel.NONE:
            sheet.put("safety_standardization_level", NO_SAFETY_GRADE, "profile")
        elif applicant.safety_level:
            sheet.put("safety_standardization_level", int(applicant.safety_level), "profile")
        opinion = getattr(publicity, "opinion_recommends", None)
        if applicant.parent_id is not None and opinion is not None:
            recommended = bool(opinion and publicity.opinion_letter_id)
            sheet.put("parent_recommendation", recommended, "publicity")
    elif applicant.kind == ApplicantKind.INDIVIDUAL:
        sheet.put("years_quality_work", applicant.years_in_quality_work, "profile")
        sheet.put("years_quality_work_in_region", applicant.years_in_region, "profile")
    else:
        members = [m for m in applicant.members.all() if m.removed_at is None]
        sheet.put("team_size", len(members), "profile")
        # Jinzhong 第十一条 (see the rulebook's comment): every member must qualify, so a team
        # has the smallest member's years, and works in the region only if all members do.
        for fact, attr in (
            ("years_quality_work", "years_in_quality_work"),
            ("years_quality_work_in_region", "years_in_region"),
        ):
            values = [getattr(m, attr) for m in members]
            if members and None not in values:
                sheet.put(fact, min(values), "profile")
        flags = [m.works_in_jurisdiction for m in members]
        if members and False in flags:
            sheet.put("works_in_jurisdiction", False, "profile")
        elif members and None not in flags:
            sheet.put("works_in_jurisdiction", True, "profile")
    allowed = DERIVED_FACTS.get(applicant.kind, frozenset())
    sheet.values = {k: v for k, v in sheet.values.items() if k in allowed}
    return sheet


def application_facts(book: Rulebook, application, as_of: dt.date) -> FactSheet:
    """Profile facts merged with the facts declared in the application form."""
    from qaward.applications.forms.application import declared_facts

    publicity = getattr(application, "internal_publicity", None) if application.pk else None
    sheet = profile_facts(book, application.applicant, as_of, publicity=publicity)
    for name, value in declared_facts(book, application.kind, application.form_data).items():
        sheet.put(name, value, "form")
    return sheet
