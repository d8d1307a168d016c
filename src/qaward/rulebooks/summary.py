"""A rulebook as readable topics (名额、评审流程、申报条件……), each a list of cited statements.

Two rulebooks' topics align by key, which gives the side-by-side comparison on the staff page and
``qaward rulebook diff``.
"""

from __future__ import annotations

from dataclasses import dataclass

from .schema import STAGE_LABELS, Rulebook
from .schema_base import KIND_LABELS, TIER_LABELS, Period, Rule

COUNTING = {"inclusive": "含公示首日", "exclusive": "次日起算"}
BAN_TITLES = {
    "false_materials": "虚假材料的禁申期",
    "fraudulent_award": "骗取奖项的禁申期",
    "revocation": "撤销后的禁申期",
}
CHANNELS = {"internal": "单位内部", "portal": "向社会公示", "media": "新闻媒体"}


@dataclass(frozen=True)
class Statement:
    text: str
    cite: str | None = None
    discretion: bool = False  # the regulation leaves this value to the office


@dataclass(frozen=True)
class Topic:
    key: str
    section: str
    title: str
    statements: tuple[Statement, ...]

    def text(self) -> str:
        return "；".join(s.text for s in self.statements)


def _s(text: str, rule: Rule | None, *fields: str) -> Statement:
    if rule is None:
        return Statement(text)
    discretion = rule.office_discretion or any(f in rule.discretionary for f in fields)
    return Statement(text, rule.cite, discretion)


def _period(period: Period) -> str:
    return period.describe()


def summarize(book: Rulebook) -> list[Topic]:
    topics: list[Topic] = []

    def add(key: str, section: str, title: str, *statements: Statement) -> None:
        if statements:
            topics.append(Topic(key, section, title, tuple(statements)))

    add(
        "meta.doc",
        "基本信息",
        "文号与施行",
        Statement(
            f"{book.doc_no or '未正式印发（草案）'}；{book.effective or book.effective_note or '施行日期未定'}"
        ),
    )
    add("meta.bodies", "基本信息", "机构", Statement(f"评委办：{book.office}；决策：{book.committee_body}"))
    cycle = book.cycle
    text = f"每{cycle.years}年一届" + ("（原则上）" if cycle.in_principle else "")
    if cycle.alternates_with:
        text += f"，与{cycle.alternates_with}交替评选"
    add("cycle", "基本信息", "评选周期", _s(text, cycle, "anchor_year"))
    for kind_id, kind in book.applicant_kinds.items():
        bits = [kind.label]
        if kind.max_members:
            bits.append(f"{kind.min_members or 2}至{kind.max_members}人")
        if kind.branches is not None:
            bits.append("分支机构可申报（须上级推荐）" if kind.branches.allowed else "分支机构不能申报")
        add(f"kind.{kind_id}", "申报类别", KIND_LABELS[kind_id], _s("，".join(bits), kind))
    for tier_id, tier in book.tiers_by_rank():
        quota = tier.quota
        if quota.per_kind is not None:
            limit = "、".join(f"{KIND_LABELS[k]}不超过{n}个" for k, n in quota.per_kind.items())
        else:
            limit = f"合计不超过{quota.combined}个"
        admits = "、".join(KIND_LABELS[k] for k in tier.admits)
        add(
            f"tier.{tier_id}",
            "奖项与名额",
            TIER_LABELS[tier_id],
            _s(f"{tier.label}：接受{admits}；每届{limit}", quota),
        )
    rw = book.rewinners
    add(
        "rewinners",
        "奖项与名额",
        "再次获奖",
        _s(
            ("不占名额" if rw.outside_quota else "占用名额")
            + ("，授予奖金" if rw.prize_money else "，不授予奖金"),
            rw,
        ),
    )
    for kind_id, conditions in book.eligibility.items():
        add(
            f"eligibility.{kind_id}",
            "申报条件",
            KIND_LABELS[kind_id],
            *(_s(c.label + ("（鼓励性）" if c.encouraged_only else ""), c) for c in conditions),
        )
    if book.intake.call is not None:
        add(
            "call",
            "申报与受理",
            "申报通知",
            _s(book.intake.call.note or "评委办发布申报通知", book.intake.call),
        )
    add("routes", "申报与受理", "推荐渠道", *(_s(r.label, r) for r in book.intake.routes))
    for c in book.intake.consultations:
        who = "评委办" if c.by == "office" else "推荐单位"
        add(f"consult.{c.by}", "申报与受理", f"{who}征求意见", _s("、".join(c.departments), c))
    for w in book.publicity:
        length = f"{'' if w.exact else '不少于'}{w.min_workdays}个工作日（{COUNTING[w.counting]}）"
        add(
            f"publicity.{w.id}",
            "公示",
            w.label,
            _s(f"{CHANNELS[w.channel]}；{length}；{w.run_by}", w, "counting", "channel"),
        )
    for tier_id, tier in book.tiers_by_rank():
        for kind_id in tier.admits:
            p = next(p for p in book.pipelines if kind_id in p.kinds and tier_id in p.tiers)
            steps = [
                STAGE_LABELS[s.stage]
                + (f"（≤{s.max_days}天）" if s.max_days else "")
                + ("（公开）" if s.public_broadcast else "")
                for s in p.stages
            ]
            title = f"{KIND_LABELS[kind_id]}·{TIER_LABELS[tier_id]}"
            add(f"pipeline.{kind_id}.{tier_id}", "评审流程", title, _s(" → ".join(steps), p))
    for r in book.rubrics:
        track = next((t.label for t in book.applicant_kinds[r.kind].tracks if t.id == r.track), None)  # type: ignore[index]
        title = f"{KIND_LABELS[r.kind]}·{track}" if track else KIND_LABELS[r.kind]
        add(f"rubric.{r.kind}.{r.track or ''}", "评价标准", title, _s(r.standard, r, "standard"))
    weights = "、".join(f"{STAGE_LABELS.get(k, k)}{v:.0%}" for k, v in book.composite.weights.items())
    add("composite", "审定与奖励", "综合评价权重", _s(weights, book.composite, "weights"))
    com = book.committee
    add(
        "committee",
        "审定与奖励",
        "审定",
        _s(
            f"{com.body}{'投票' if com.decision == 'vote' else '集体审议'}；到会≥{com.quorum:.0%}，通过≥{com.threshold:.0%}",
            com,
            "quorum",
            "threshold",
        ),
    )
    add("approval", "审定与奖励", "批准", _s(book.approval.authority, book.approval))
    for prize in book.prizes:
        money = (
            "奖金由评委办确定"
            if prize.is_discretionary("amount_yuan")
            else (f"奖金{prize.amount_yuan:,}元" if prize.amount_yuan else "无奖金")
        )
        title = f"{TIER_LABELS[prize.tier]}·{KIND_LABELS[prize.kind]}"
        add(
            f"prize.{prize.tier}.{prize.kind}",
            "审定与奖励",
            title,
            _s(f"{'、'.join(prize.items)}；{money}", prize, "amount_yuan"),
        )
    v = book.validity
    add("validity", "获奖之后", "有效期", _s(f"{v.years}年" if v.years else "未规定", v, "years"))
    add(
        "reapplication",
        "获奖之后",
        "再次申报",
        *(_s(f"{r.label}（{_period(r.bar)}）", r) for r in book.reapplication),
    )
    for ground, title in BAN_TITLES.items():
        bans = [b for b in book.bans if b.ground == ground]
        add(
            f"ban.{ground}",
            "获奖之后",
            title,
            *(_s(f"{b.label}（{_period(b.period)}）", b, "period") for b in bans),
        )
    rev = book.revocation
    add("revocation", "获奖之后", "撤销情形", *(_s(g.label, g) for g in rev.grounds))
    obj = book.objections
    items = [Statement(f"向{obj.submitted_to}提出", obj.cite, obj.office_discretion)]
    for name, text in [
        ("real_name_required", "须实名"),
        ("evidence_required", "须提供证明材料"),
        ("late_refused", "逾期不予受理"),
        ("written_receipt", "受理后出具书面凭证"),
        ("objector_confidentiality", "对异议人身份保密"),
    ]:
        rule = getattr(obj, name)
        if rule is not None:
            items.append(_s(text, rule))
    review = obj.admissibility_review
    items.append(
        _s(
            f"审查期限{review.workdays}个工作日（{COUNTING[review.counting]}）"
            if review.workdays
            else "审查期限未规定",
            review,
            "workdays",
        )
    )
    if obj.recommender_verification is not None:
        rv = obj.recommender_verification
        miss = "逾期则申报者不通过评审" if rv.on_miss == "applicant_fails" else "逾期无后果"
        items.append(_s(f"推荐单位{rv.workdays}个工作日内核实；{miss}", rv, "workdays"))
    add("objections", "异议与监督", "异议", *items)
    ret = book.retention
    add("retention", "异议与监督", "材料保存", _s(f"{ret.years}年", ret, "years"))
    add("transitional", "异议与监督", "过渡规定", *(_s(t.label, t) for t in book.transitional))
    return topics


@dataclass(frozen=True)
class Pair:
    section: str
    title: str
    left: Topic | None
    right: Topic | None

    @property
    def differs(self) -> bool:
        return (self.left.text() if self.left else None) != (self.right.text() if self.right else None)


def compare(left: Rulebook, right: Rulebook) -> list[Pair]:
    a = {t.key: t for t in summarize(left)}
    b = {t.key: t for t in summarize(right)}
    keys = list(a) + [k for k in b if k not in a]
    return [Pair((a.get(k) or b[k]).section, (a.get(k) or b[k]).title, a.get(k), b.get(k)) for k in keys]
