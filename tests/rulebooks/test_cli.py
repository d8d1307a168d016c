"""The `qaward` command-line contract (operators and acceptance checks rely on it)."""

import json
import subprocess
import sys

import pytest

from qaward.__main__ import main
from qaward.rulebooks import registry

pytestmark = pytest.mark.unit


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_rulebook_list_prints_one_id_per_line(capsys):
    code, out, _ = run(capsys, "rulebook", "list")
    assert code == 0 and out.split() == registry.list_ids()


def test_validate_all_is_ok_and_a_broken_file_exits_1(capsys, tmp_path):
    code, out, _ = run(capsys, "rulebook", "validate")
    assert code == 0 and out.count("有效") == 5
    broken = tmp_path / "broken-2023.yaml"
    broken.write_text("id: broken-2023\nversion: 1\n", encoding="utf-8")
    code, _, err = run(capsys, "rulebook", "validate", str(broken))
    assert code == 1 and "broken-2023.yaml" in err and "缺少必填项" in err


def test_show_json_is_the_whole_rulebook(capsys):
    code, out, _ = run(capsys, "rulebook", "show", "jian-2023", "--json")
    data = json.loads(out)
    assert code == 0 and data["doc_no"] == "吉府发〔2023〕1号"
    assert data["tiers"]["award"]["quota"]["per_kind"] == {"organization": 3, "individual": 3}


def test_unknown_rulebook_exits_2(capsys):
    with pytest.raises(SystemExit) as info:
        main(["rulebook", "show", "nowhere-2020"])
    assert info.value.code == 2 and "nowhere-2020" in capsys.readouterr().err


def test_diff_shows_differing_rules_with_articles(capsys):
    code, out, _ = run(capsys, "rulebook", "diff", "jilin-2023", "tacheng-2023")
    assert code == 0
    quota = next(line for line in out.splitlines() if line.startswith("奖项与名额·质量奖"))
    left, right = quota.split("│")[1:]
    assert "合计不超过5" in left and "合计不超过3" in right
    order = next(line for line in out.splitlines() if line.startswith("评审流程·组织·质量奖"))
    assert "现场评审 → 陈述答辩" in order.split("│")[1] and "陈述答辩 → 现场评审" in order.split("│")[2]
    assert "申报类别·个人" in out  # Tacheng admits no individuals
    assert "评选周期" in out and "新疆维吾尔自治区" in out
    assert out.splitlines()[-1].startswith("共 ") and "处不同" in out.splitlines()[-1]
    same = [line for line in out.splitlines() if line.startswith("异议与监督·材料保存")]
    assert not same or "评委办确定" in same[0]


def test_workdays_inclusive_and_exclusive(capsys):
    assert run(capsys, "workdays", "add", "2026-09-28", "5", "--mode", "inclusive")[1].strip() == "2026-10-09"
    assert (
        run(capsys, "workdays", "add", "2026-09-28", "5", "--mode", "exclusive")[1].strip() == "2026-10-10"
    )  # 10/10 is a make-up Saturday


def test_workdays_year_without_data_exits_2_naming_the_year():
    # a subprocess with no database configured: the library calendar alone has no 2031
    env = {"PATH": "/usr/bin:/bin", "DATABASE_URL": "sqlite:////nonexistent/dir/db.sqlite3"}
    proc = subprocess.run(
        [sys.executable, "-m", "qaward", "workdays", "add", "2031-03-02", "3"],
        capture_output=True,
        text=True,
        env=env,
    )
    assert proc.returncode == 2 and "2031" in proc.stderr and "录入" in proc.stderr


def test_eligibility_prints_json_verdicts_with_citations(capsys, tmp_path):
    facts = tmp_path / "facts.json"
    facts.write_text(
        json.dumps({"kind": "organization", "as_of": "2026-03-01", "facts": {"years_operating": 2}}),
        encoding="utf-8",
    )
    code, out, _ = run(capsys, "eligibility", "--rulebook", "jilin-2023", "--facts", str(facts))
    report = json.loads(out)
    assert code == 0 and report["outcome"] == "fail"
    years = next(v for v in report["verdicts"] if v["rule_id"] == "years_operating")
    assert years["outcome"] == "fail" and years["citation"] == "吉政办规〔2023〕3号 第十五条(二)"


def test_eligibility_bad_fact_exits_2(capsys, tmp_path):
    facts = tmp_path / "facts.json"
    facts.write_text(json.dumps({"legal_person": "yes"}), encoding="utf-8")
    code, _, err = run(capsys, "eligibility", "--rulebook", "jilin-2023", "--facts", str(facts))
    assert code == 2 and "具有法人资格" in err
