"""Declarations, material items and the internal publicity a rulebook asks of an applicant."""

from __future__ import annotations

from dataclasses import dataclass

from qaward.rulebooks.schema import PublicityWindow, Rulebook
from qaward.rulebooks.schema_base import Rule

STATE_SECRET_WORD = "国家秘密"


@dataclass(frozen=True)
class Declaration:
    id: str
    text: str
    rule: Rule | None  # None: not in the regulation (the law on state secrets still applies)


def declarations(book: Rulebook) -> list[Declaration]:
    """The rulebook's declarations, plus the no-state-secret declaration where it lists none
    (保守国家秘密法 applies to every application; the regulation may simply not repeat it)."""
    items = [
        Declaration(f"d{index}", rule.note or "", rule)
        for index, rule in enumerate(book.intake.declarations, start=1)
        if rule.note
    ]
    if not any(STATE_SECRET_WORD in item.text for item in items):
        items.append(
            Declaration(
                "state_secret",
                "申报材料不涉及国家安全、国家秘密；涉及商业秘密的，已在上传时逐一注明。",
                None,
            )
        )
    return items


@dataclass(frozen=True)
class MaterialItem:
    id: str
    label: str
    slot: str  # a documents.slots code
    required: bool
    rule: Rule | None
    condition: str = ""  # required only while this eligibility condition applies
    multiple: bool = False
    help: str = ""


def material_items(book: Rulebook, kind: str) -> list[MaterialItem]:
    """Material items of ``kind``: the signed application form, identity or registration proof,
    each piece of evidence an eligibility condition names, and further evidence."""
    intake = book.intake.self_evaluation
    registered = next(
        (c for c in book.eligibility.get(kind, ()) if c.fact == "registered_in_jurisdiction"),  # type: ignore[call-overload]
        None,
    )
    items = [
        MaterialItem(
            "application_form",
            "申报表（签字盖章后的扫描件）",
            "application_form",
            True,
            intake,
            help="在“申报表”页填写完成后打印，签字、盖章并扫描为 PDF。",
        ),
        MaterialItem(
            "self_evaluation_report", "自我评价报告（盖章版，可选）", "self_evaluation", False, intake
        ),
    ]
    if kind == "organization":
        items.append(
            MaterialItem("licence", "营业执照或法人登记证书", "evidence", True, registered or intake)
        )
    else:
        items.append(
            MaterialItem(
                "id_proof",
                "身份证明" if kind == "individual" else "团队成员身份证明",
                "id_proof",
                True,
                intake,
                multiple=kind == "team",
            )
        )
    for condition in book.eligibility.get(kind, ()):  # type: ignore[call-overload]
        for index, evidence in enumerate(condition.evidence, start=1):
            items.append(
                MaterialItem(
                    f"cond_{condition.id}_{index}",
                    evidence,
                    "evidence",
                    True,
                    condition,
                    condition=condition.id,
                    help=condition.label,
                )
            )
    items.append(
        MaterialItem(
            "evidence_other",
            "其他证实性材料",
            "evidence",
            False,
            intake,
            multiple=True,
            help="获奖证书、检测报告、顾客满意度调查等支撑申报表和自评报告的材料。",
        )
    )
    return items


@dataclass(frozen=True)
class PublicityRequirement:
    window: PublicityWindow
    rule: Rule  # intake.internal_publicity
    opinion_by: str  # who gives the recommendation opinion; "" when none is needed


def internal_publicity(book: Rulebook, kind: str, is_branch: bool) -> PublicityRequirement | None:
    """The internal publicity ``kind`` must hold, or None where the rulebook asks none.

    The opinion is needed where ``opinion_by`` names the kind; for organisations under a rulebook
    whose branches need their parent's recommendation, that entry is about branches only.
    """
    rule = book.intake.internal_publicity
    if rule is None:
        return None
    window = book.window(rule.window)
    if window.kinds is not None and kind not in window.kinds:
        return None
    opinion_by = rule.opinion_by.get(kind, "")
    kind_def = book.applicant_kinds.get(kind)  # type: ignore[call-overload]
    branches = kind_def.branches if kind_def else None
    if kind == "organization" and branches and branches.parent_recommendation_required and not is_branch:
        opinion_by = ""
    return PublicityRequirement(window=window, rule=rule, opinion_by=opinion_by)


def branch_needs_parent(book: Rulebook) -> Rule | None:
    """The rule making a branch's parent recommend it, or None."""
    kind_def = book.applicant_kinds.get("organization")  # type: ignore[call-overload]
    branches = kind_def.branches if kind_def else None
    if branches and branches.allowed and branches.parent_recommendation_required:
        return branches
    return None
