import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from qaward.matching import Application, Expert, Parameters, keyword_similarity, keyword_terms, pair_affinity

pytestmark = pytest.mark.unit

HAN = st.characters(min_codepoint=0x4E00, max_codepoint=0x4E60)
TEXT = st.text(alphabet=st.one_of(HAN, st.sampled_from("abcXYZ019 ，、·-")), max_size=12)
KEYWORDS = st.lists(TEXT, max_size=4)


def test_han_bigrams_and_latin_words():
    assert keyword_terms(["质量管理"]) == {"质量", "量管", "管理"}
    # no bigram across keywords
    assert keyword_terms(["精益", "六西格玛"]) == {"精益", "六西", "西格", "格玛"}
    assert keyword_terms(["ISO 9001质量体系"]) == {"iso", "9001", "质量", "量体", "体系"}
    assert keyword_terms(["ＩＳＯ９００１"]) == {"iso9001"}  # full-width folded by NFKC
    assert keyword_terms(["钢"]) == {"钢"}
    assert keyword_terms(["", "——", "、"]) == frozenset()


def test_similarity_explains_shared_terms():
    score, shared = keyword_similarity(["汽车零部件质量管理"], ["质量管理体系", "汽车"])
    # 汽车 零部件 质量 管理 … share 汽车、质量、量管、管理
    assert shared == sorted(["汽车", "质量", "量管", "管理"])
    assert score == pytest.approx(4 / len(keyword_terms(["汽车零部件质量管理", "质量管理体系", "汽车"])))


def test_affinity_records_matched_terms():
    p = Parameters()
    comp = pair_affinity(
        Application("A", keywords=("精益生产管理",)), Expert("E", keywords=("精益管理", "六西格玛")), p
    )
    assert comp["keyword_terms_shared"] == ["管理", "精益"]
    assert comp["keywords_shared"] == []
    assert comp["keyword"] == pytest.approx(2 / 9)  # 5 + 6 terms, 2 shared


@settings(max_examples=200, deadline=None)
@given(KEYWORDS, KEYWORDS)
def test_similarity_symmetric_and_bounded(a, b):
    ab, shared_ab = keyword_similarity(a, b)
    ba, shared_ba = keyword_similarity(b, a)
    assert ab == ba and shared_ab == shared_ba
    assert 0.0 <= ab <= 1.0
    assert set(shared_ab) <= keyword_terms(a) & keyword_terms(b)


@settings(max_examples=200, deadline=None)
@given(KEYWORDS, st.permutations(range(4)))
def test_identical_texts_score_one(a, order):
    b = [a[i] for i in order if i < len(a)]  # same keywords, any order
    score, _ = keyword_similarity(a, b)
    assert score == (1.0 if keyword_terms(a) else 0.0)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x4E3F), min_size=1), max_size=3
    ),
    st.lists(
        st.text(alphabet=st.characters(min_codepoint=0x4E40, max_codepoint=0x4E7F), min_size=1), max_size=3
    ),
)
def test_unrelated_texts_score_zero(a, b):
    assert keyword_similarity(a, b) == (0.0, [])
