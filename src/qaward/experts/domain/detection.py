"""Which experts have an interest in which applications, from the data alone.

Compared: the expert's employer, former employers (within the program's policy years) and
declared relationships (申报辅导, consulting …) against the applicant, its group (parent,
branches, sister branches) and, for individuals and teams, their employer; the recommending
unit when the program's policy says so. Each finding names its ground and what matched.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from qaward.experts.models import ConflictPolicy, Expert


@dataclass(frozen=True)
class Finding:
    rule: str
    reason: str
    details: dict = field(default_factory=dict)


@dataclass
class Identities:
    """Credit codes and names that stand for the applicant's side of a conflict."""

    usccs: set[str] = field(default_factory=set)
    names: set[str] = field(default_factory=set)
    group_usccs: set[str] = field(default_factory=set)
    group_names: set[str] = field(default_factory=set)

    def own(self, uscc: str, name: str) -> bool:
        return bool(uscc and uscc in self.usccs) or bool(name and name.strip() in self.names)

    def group(self, uscc: str, name: str) -> bool:
        return bool(uscc and uscc in self.group_usccs) or bool(name and name.strip() in self.group_names)


def _org_identities(org, ids: Identities) -> None:
    if org is None:
        return
    ids.usccs.discard("")
    if org.uscc:
        ids.usccs.add(org.uscc)
    ids.names.add(org.name)
    relatives = []
    if org.parent_id:
        relatives.append(org.parent)
        relatives.extend(org.parent.branches.exclude(pk=org.pk))
    relatives.extend(org.branches.all())
    for other in relatives:
        if other.uscc:
            ids.group_usccs.add(other.uscc)
        ids.group_names.add(other.name)


def applicant_identities(applicant) -> Identities:
    from qaward.applications.enums import ApplicantKind

    ids = Identities()
    if applicant.kind == ApplicantKind.ORGANIZATION:
        _org_identities(applicant, ids)
    else:
        ids.names.add(applicant.name)
        _org_identities(applicant.employer, ids)
        if applicant.employer_name:
            ids.names.add(applicant.employer_name.strip())
    ids.names.discard("")
    return ids


def _years_ago(today: dt.date, years: int) -> dt.date:
    try:
        return today.replace(year=today.year - years)
    except ValueError:  # 29 February
        return today.replace(year=today.year - years, day=28)


def find_conflicts(expert: Expert, application, policy: ConflictPolicy, today: dt.date) -> list[Finding]:
    applicant = application.applicant
    ids = applicant_identities(applicant)
    found: list[Finding] = []
    if ids.own(expert.employer_uscc, expert.employer_name):
        found.append(
            Finding(
                "same_employer",
                f"专家工作单位「{expert.employer_name}」与申报方「{applicant.name}」为同一单位",
                {"employer": expert.employer_name, "uscc": expert.employer_uscc},
            )
        )
    elif ids.group(expert.employer_uscc, expert.employer_name):
        found.append(
            Finding(
                "group",
                f"专家工作单位「{expert.employer_name}」与申报方「{applicant.name}」属同一集团（上级单位或分支机构）",
                {"employer": expert.employer_name, "uscc": expert.employer_uscc},
            )
        )
    since = _years_ago(today, policy.former_employer_years)
    for job in expert.former_employments.all():
        if job.ended >= since and (
            ids.own(job.employer_uscc, job.employer_name) or ids.group(job.employer_uscc, job.employer_name)
        ):
            found.append(
                Finding(
                    "former_employer",
                    f"专家{job.ended:%Y年%m月}前曾在「{job.employer_name}」任职（{policy.former_employer_years}年内）",
                    {"employer": job.employer_name, "ended": job.ended.isoformat()},
                )
            )
            break
    for rel in expert.relationships.all():
        current = rel.ended is None or rel.ended >= since
        if current and (
            ids.own(rel.counterparty_uscc, rel.counterparty_name)
            or ids.group(rel.counterparty_uscc, rel.counterparty_name)
        ):
            found.append(
                Finding(
                    "relationship",
                    f"专家申明与「{rel.counterparty_name}」存在{rel.get_kind_display()}关系",
                    {"kind": rel.kind, "counterparty": rel.counterparty_name},
                )
            )
            break
    unit = application.recommending_unit
    if policy.same_recommending_unit and unit is not None and expert.employer_name.strip() == unit.name:
        found.append(
            Finding(
                "recommending_unit",
                f"专家工作单位即推荐单位「{unit.name}」",
                {"recommending_unit": unit.name},
            )
        )
    return found
