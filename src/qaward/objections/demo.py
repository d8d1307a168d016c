"""Demo objections and a complaint on the demo publicity windows (loaded after publicity).

- 吉林: an objection filed online, awaiting the office's admissibility decision; a unit's
  objection admitted (written receipt) with the recommending unit asked to verify it.
- 塔城: an objection admitted and decided (not upheld), with the written results.
- 吉林: a complaint to the supervision subcommittee (第三十八条), under investigation.

Idempotent: a program that already has objections gets none from here.
"""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile

from qaward.accounts.models import Role, RoleAssignment
from qaward.programs.models import AwardProgram
from qaward.publicity.models import PublicityEntry
from qaward.publicity.models.window import Channel

# A 1×1 PNG: the demo's scans of identity cards and evidence.
_PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4"
    b"\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82"
)


def _png(name: str):
    return SimpleUploadedFile(name, _PNG, content_type="image/png")


def _office(program):
    assignment = (
        RoleAssignment.objects.filter(program=program, role=Role.OFFICE_STAFF, revoked_at__isnull=True)
        .select_related("user")
        .order_by("pk")
        .first()
    )
    return assignment.user if assignment else None


def _open_entries(program):
    from django.utils import timezone

    now = timezone.now()
    entries = (
        PublicityEntry.objects.filter(window__program=program)
        .exclude(window__channel=Channel.INTERNAL)
        .select_related("window", "window__cycle", "application")
        .order_by("window__starts_on", "position")
    )
    return [e for e in entries if e.window.opens_at <= now < e.window.closes_at]


def load(report) -> None:
    from qaward.objections.admissibility import covers_window
    from qaward.objections.domain.complaints import add_note, file_complaint
    from qaward.objections.domain.filing import Objector, file_objection
    from qaward.objections.domain.handling import decide_admissibility, decide_outcome, request_verification
    from qaward.objections.models import Complaint, Objection
    from qaward.rulebooks import registry

    for slug in ("jilin", "tacheng"):
        program = AwardProgram.objects.filter(slug=slug).first()
        if program is None or Objection.objects.filter(program=program).exists():
            continue
        office = _office(program)
        book = registry.get(program.rulebook_id)
        entries = [e for e in _open_entries(program) if covers_window(book, e.window.rule_window_id)]
        if office is None or not entries:
            report(f"objections: {program.name} has no open publicity window to object to")
            continue
        first = entries[0]
        person = Objector(
            kind="individual", name="王秀英", id_number="11010519491231002X", phone="13904318866",
            address="长春市南关区人民大街3366号", id_proof=_png("王秀英-身份证.png"),
        )  # fmt: skip
        if slug == "jilin":
            file_objection(
                entry=first, objector=person,
                grounds="该单位申报材料中所列2024年营业收入与其公开披露的年度报告不一致，且所附用户满意度测评报告出具机构未取得相应资质。",
                evidence=[_png("年度报告摘录.png")],
            )  # fmt: skip
            second = entries[1] if len(entries) > 1 else first
            unit = Objector(
                kind="unit", name="吉林省装备制造业协会", phone="0431-85201234", address="长春市朝阳区延安大路1号",
                sealed_letter=_png("协会异议函-盖章.png"),
            )  # fmt: skip
            admitted = file_objection(
                entry=second, objector=unit,
                grounds="据会员单位反映，该申报单位近三年内曾发生产品质量事故并被市场监管部门行政处罚，与申报材料中“无质量事故”的声明不符。",
                evidence=[_png("行政处罚决定书.png")],
            ).objection  # fmt: skip
            admitted = decide_admissibility(objection=admitted, admit=True, reason="", actor=office)
            if admitted.application.recommending_unit_id:
                request_verification(
                    objection=admitted, actor=office,
                    message="请核实申报单位近三年是否发生质量事故或受到行政处罚，并报送调查核实报告和处理意见。",
                )  # fmt: skip
            report(f"objections: {program.name} — one awaiting admissibility, one under verification")
        else:
            objection = file_objection(
                entry=first, objector=person,
                grounds="该企业申报材料中的质量管理体系认证证书已过有效期。",
                evidence=[_png("认证证书查询结果.png")],
            ).objection  # fmt: skip
            objection = decide_admissibility(objection=objection, admit=True, reason="", actor=office)
            decide_outcome(
                objection=objection, upheld=False, actor=office,
                reason="经向认证机构核实，该企业已于申报前完成证书换发，新证书在有效期内。异议所述情况不成立。",
            )  # fmt: skip
            report(f"objections: {program.name} — one decided (not upheld) with written results")

    jilin = AwardProgram.objects.filter(slug="jilin").first()
    if jilin is not None and not Complaint.objects.filter(program=jilin).exists():
        complaint, _token = file_complaint(
            program=jilin, concerns="review", reporter_name="李明", reporter_contact="13504312233",
            content="资料评审阶段，一名评审专家曾在被评审单位任职，未按规定回避。",
        )  # fmt: skip
        supervisor = (
            RoleAssignment.objects.filter(program=jilin, role=Role.SUPERVISOR, revoked_at__isnull=True)
            .select_related("user")
            .first()
        )
        if supervisor is not None:
            add_note(
                complaint=complaint,
                text="已调取该专家的任职经历和回避声明，正在核实。",
                actor=supervisor.user,
            )
        report("objections: a complaint to the 吉林 supervision subcommittee")
