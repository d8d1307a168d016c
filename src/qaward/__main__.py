"""The ``qaward`` command line: rulebooks, working days, eligibility (stable contract for operators)."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

from qaward.rulebooks import registry
from qaward.rulebooks.compare import differing, render_table
from qaward.rulebooks.engine import check_eligibility
from qaward.rulebooks.facts import FactError
from qaward.rulebooks.loader import RulebookError, book_paths, load_file


def _err(message: str, code: int) -> int:
    print(message, file=sys.stderr)
    return code


def _rulebook_list(args: argparse.Namespace) -> int:
    for rulebook_id in registry.list_ids():
        print(rulebook_id)
    return 0


def _rulebook_validate(args: argparse.Namespace) -> int:
    known = {p.stem: p for p in book_paths()}
    wanted = args.ids or list(known)
    failed = False
    for rulebook_id in wanted:
        path = known.get(rulebook_id) or (Path(rulebook_id) if Path(rulebook_id).is_file() else None)
        if path is None:
            print(f"{rulebook_id}: 没有这个规则库", file=sys.stderr)
            failed = True
            continue
        try:
            book = load_file(path)
        except RulebookError as exc:
            print(str(exc), file=sys.stderr)
            failed = True
        else:
            print(f"{book.id}: 有效（{book.title}，第{book.version}版）")
    return 1 if failed else 0


def _get(rulebook_id: str):
    try:
        return registry.get(rulebook_id)
    except registry.RulebookNotFound as exc:
        raise SystemExit(_err(str(exc), 2)) from None


def _rulebook_show(args: argparse.Namespace) -> int:
    book = _get(args.id)
    if args.json:
        print(json.dumps(book.model_dump(mode="json"), ensure_ascii=False, indent=2))
    else:
        print(
            f"{book.title}（{book.doc_no or '草案'}）\n发文机关：{book.issuer}\n施行：{book.effective or book.effective_note}"
        )
        for _tier_id, tier in book.tiers_by_rank():
            print(
                f"- {tier.label}：接受 {'、'.join(tier.admits)}，名额 {tier.quota.combined or tier.quota.per_kind}"
            )
    return 0


def _rulebook_diff(args: argparse.Namespace) -> int:
    left, right = _get(args.a), _get(args.b)
    print(render_table(left, right, differing(left, right)))
    return 0


def _rulebook_scenarios(args: argparse.Namespace) -> int:
    from qaward.rulebooks.scenario_runner import load_scenarios, run_scenario

    failed = 0
    for scenario in load_scenarios():
        if args.ids and scenario.rulebook_id not in args.ids:
            continue
        problems = run_scenario(scenario)
        print(f"{'✗' if problems else '✓'} {scenario.name}  {scenario.title}")
        for problem in problems:
            print(f"    {problem}")
        failed += bool(problems)
    return 1 if failed else 0


def _calendar():
    """The office's calendar (database overrides) when the database is set up, else the library's."""
    try:
        import django

        django.setup()
        from qaward.programs.calendar import current_work_calendar

        return current_work_calendar()
    except Exception:  # no database yet: statutory data from chinese-calendar only
        from qaward.workdays import WorkCalendar

        return WorkCalendar()


def _workdays_add(args: argparse.Namespace) -> int:
    from qaward.workdays import CalendarYearMissing

    try:
        start = dt.date.fromisoformat(args.start)
    except ValueError:
        return _err(f"起始日期“{args.start}”无效，应为 YYYY-MM-DD", 2)
    if args.n < 1:
        return _err("工作日数必须至少为 1", 2)
    try:
        print(_calendar().add_workdays(start, args.n, args.mode).isoformat())
    except CalendarYearMissing as exc:
        return _err(str(exc), 2)
    return 0


def _eligibility(args: argparse.Namespace) -> int:
    book = _get(args.rulebook)
    try:
        data = json.loads(Path(args.facts).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        return _err(f"无法读取事实文件 {args.facts}：{exc}", 2)
    kind = args.kind or data.pop("kind", "organization")
    as_of = dt.date.fromisoformat(args.as_of or data.pop("as_of", dt.date.today().isoformat()))
    facts = data.get("facts", data)
    try:
        report = check_eligibility(book, kind, facts, as_of)
    except FactError as exc:
        return _err(str(exc), 2)
    print(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    return 0


def _audit_verify(args: argparse.Namespace) -> int:
    import django

    django.setup()
    from qaward.audit.domain.queries import verify_chain
    from qaward.audit.verify_report import describe

    check = verify_chain(expected_head=args.expect_head)
    print(describe(check), file=sys.stdout if check.ok else sys.stderr)
    return 0 if check.ok else 1


def _manage(args: argparse.Namespace) -> int:
    from django.core.management import execute_from_command_line

    execute_from_command_line(["qaward", *args.rest])
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="qaward", description="政府质量奖评审管理系统")
    groups = parser.add_subparsers(dest="group", required=True)

    rb = groups.add_parser("rulebook", help="规则库").add_subparsers(dest="cmd", required=True)
    rb.add_parser("list", help="列出规则库 id").set_defaults(func=_rulebook_list)
    p = rb.add_parser("validate", help="校验规则库")
    p.add_argument("ids", nargs="*")
    p.set_defaults(func=_rulebook_validate)
    p = rb.add_parser("show", help="显示规则库")
    p.add_argument("id")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_rulebook_show)
    p = rb.add_parser("diff", help="对比两个规则库")
    p.add_argument("a")
    p.add_argument("b")
    p.set_defaults(func=_rulebook_diff)
    p = rb.add_parser("scenarios", help="运行情景用例")
    p.add_argument("ids", nargs="*")
    p.set_defaults(func=_rulebook_scenarios)

    wd = groups.add_parser("workdays", help="工作日计算").add_subparsers(dest="cmd", required=True)
    p = wd.add_parser("add", help="从 START 起数 N 个工作日")
    p.add_argument("start")
    p.add_argument("n", type=int)
    p.add_argument("--mode", choices=["inclusive", "exclusive"], default="inclusive")
    p.set_defaults(func=_workdays_add)

    p = groups.add_parser("eligibility", help="申报条件自查")
    p.add_argument("--rulebook", required=True)
    p.add_argument("--facts", required=True, help="JSON 文件：事实，或 {kind, as_of, facts}")
    p.add_argument("--kind", choices=["organization", "individual", "team"])
    p.add_argument("--as-of")
    p.set_defaults(func=_eligibility)

    au = groups.add_parser("audit", help="审计日志").add_subparsers(dest="cmd", required=True)
    p = au.add_parser("verify", help="重新计算审计哈希链：输出 OK 与链头哈希，或第一个断裂的事件")
    p.add_argument("--expect-head", default="", metavar="HASH", help="此前记下的链头哈希，须仍在链中")
    p.set_defaults(func=_audit_verify)

    p = groups.add_parser("manage", help="Django 管理命令（migrate、load_demo……）")
    p.add_argument("rest", nargs=argparse.REMAINDER)
    p.set_defaults(func=_manage)
    return parser


def main(argv: list[str] | None = None) -> int:
    import os

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "qaward.settings")
    args = build_parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
