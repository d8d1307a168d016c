"""Loading, validation and plain-words errors of rulebook files."""

import pytest
import yaml

from qaward.rulebooks import registry
from qaward.rulebooks.facts import FACTS
from qaward.rulebooks.loader import BOOKS_DIR, RulebookError, load_file, parse_rulebook

pytestmark = pytest.mark.unit

JILIN = (BOOKS_DIR / "jilin-2023.yaml").read_text(encoding="utf-8")


def _problems(text: str) -> list:
    with pytest.raises(RulebookError) as info:
        parse_rulebook(text, "test.yaml")
    return info.value.problems


def test_all_five_regulations_load():
    assert registry.list_ids() == [
        "changchun-2018",
        "jian-2023",
        "jilin-2023",
        "jinzhong-2023",
        "tacheng-2023",
    ]
    for book in registry.all_rulebooks():
        assert book.title and book.source_file
        assert book.source_file.endswith(".txt")


def test_draft_has_no_document_number_and_is_cited_by_title():
    book = registry.get("jinzhong-2023")
    assert book.status == "draft" and book.doc_no is None
    assert book.cite("第六条").startswith("《晋中市质量奖管理办法")


def test_bad_citation_is_reported_with_path_and_line():
    text = JILIN.replace("quota: {combined: 5, cite: 第四条}", "quota: {combined: 5, cite: 第4条}", 1)
    [problem] = _problems(text)
    assert problem.path == "tiers.award.quota.cite"
    assert problem.line == JILIN.splitlines().index("    quota: {combined: 5, cite: 第四条}") + 1
    assert "第4条" in problem.message and "格式不对" in problem.message


def test_unknown_key_is_a_typo_not_silently_ignored():
    text = JILIN.replace(
        "  individual:\n    label: 个人", "  individual:\n    label: 个人\n    lable: 个人", 1
    )
    [problem] = _problems(text)
    assert problem.path == "applicant_kinds.individual.lable"
    assert "不认识的键" in problem.message


def test_rule_without_source_is_refused():
    text = JILIN.replace("validity: {years: 5, cite: 第五条}", "validity: {years: 5}")
    [problem] = _problems(text)
    assert problem.path == "validity" and "缺少条款来源" in problem.message


def test_every_admitted_kind_and_tier_needs_exactly_one_pipeline():
    old = "  - kinds: [individual]\n    tiers: [award, nominee]"
    text = JILIN.replace(old, "  - kinds: [individual]\n    tiers: [award]")
    problems = _problems(text)
    assert any("个人·吉林省质量奖提名奖 必须恰好有一条评审流程" in p.message for p in problems)


def test_yaml_syntax_error_names_the_line():
    [problem] = _problems("id: x\ntitle: [unclosed\n")
    assert problem.line is not None and "YAML 语法错误" in problem.message


def test_file_name_must_match_id(tmp_path):
    path = tmp_path / "other-2023.yaml"
    path.write_text(JILIN, encoding="utf-8")
    with pytest.raises(RulebookError, match="必须与文件名"):
        load_file(path)


def _facts_in(node):
    if isinstance(node, dict):
        if "fact" in node and node["fact"]:
            yield node["fact"]
        for value in node.values():
            yield from _facts_in(value)
    elif isinstance(node, list):
        for item in node:
            yield from _facts_in(item)


@pytest.mark.parametrize("rulebook_id", registry.list_ids())
def test_rulebooks_use_only_documented_facts(rulebook_id):
    data = yaml.safe_load((BOOKS_DIR / f"{rulebook_id}.yaml").read_text(encoding="utf-8"))
    unknown = set(_facts_in(data["eligibility"])) - set(FACTS)
    assert not unknown, f"facts missing from qaward.rulebooks.facts: {unknown}"


@pytest.mark.parametrize("rulebook_id", registry.list_ids())
def test_discretionary_fields_exist_and_no_rule_is_unsourced(rulebook_id):
    # model validation already enforces it; this guards against a loader that skips validation
    book = registry.get(rulebook_id)
    assert book.validity.cite or book.validity.office_discretion
    assert all(w.cite or w.office_discretion for w in book.publicity)


def _cites(node):
    if isinstance(node, dict):
        if node.get("cite"):
            yield node["cite"]
        for value in node.values():
            yield from _cites(value)
    elif isinstance(node, list):
        for item in node:
            yield from _cites(item)


@pytest.mark.parametrize("rulebook_id", registry.list_ids())
def test_every_citation_names_an_article_that_exists_in_the_regulation(rulebook_id):
    from qaward.rulebooks.sources import article_anchors, source_text

    text = source_text(rulebook_id)
    existing = {a.anchor for a in text.articles}
    data = yaml.safe_load((BOOKS_DIR / f"{rulebook_id}.yaml").read_text(encoding="utf-8"))
    cited = {anchor for cite in _cites(data) for _, anchor in article_anchors(cite)}
    assert cited, "no citations found"
    assert cited <= existing, f"cited but not in the regulation: {sorted(cited - existing)}"
    assert len(text.articles) == max(int(a.split("-")[1]) for a in existing)
