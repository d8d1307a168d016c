"""Jurisdiction, AwardProgram and Cycle: validation messages (Chinese) and database constraints."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError
from django.utils import translation

from qaward.programs.domain.cycles import create_cycle, pin_rulebook
from qaward.programs.enums import CycleStatus, JurisdictionLevel
from qaward.programs.models import AwardProgram, Cycle, Jurisdiction
from qaward.programs.models.cycle import chinese_numeral

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def errors_of(obj) -> dict[str, list[str]]:
    with pytest.raises(ValidationError) as exc:
        obj.full_clean()
    return exc.value.message_dict


@pytest.fixture
def jilin() -> Jurisdiction:
    return Jurisdiction.objects.create(code="220000", name="吉林省", level=JurisdictionLevel.PROVINCE)


@pytest.fixture
def program(jilin) -> AwardProgram:
    return AwardProgram.objects.create(
        jurisdiction=jilin,
        name="吉林省质量奖",
        slug="jilin",
        rulebook_id="jilin-2023",
        rulebook_version=1,
        office_name="吉林省质量奖评审委员会办公室",
    )


def cycle_kwargs(program, **overrides):
    values = {
        "program": program,
        "number": 1,
        "year": 2026,
        "call_opens": date(2026, 3, 2),
        "call_closes": date(2026, 5, 29),
    }
    return values | overrides


class TestJurisdiction:
    @pytest.mark.parametrize(
        ("code", "level"),
        [
            ("220000", "province"),
            ("220100", "city"),
            ("654200", "prefecture"),
            ("220182", "city"),  # 榆树市, a county-level city
            ("220102", "county"),
        ],
    )
    def test_valid_codes(self, code, level):
        Jurisdiction(code=code, name="某地", level=level).full_clean()

    @pytest.mark.parametrize("code", ["22000", "2200000", "22000a", "２２００００", " 22000"])
    def test_code_must_be_six_ascii_digits(self, code):
        errors = errors_of(Jurisdiction(code=code, name="某地", level="province"))
        assert "行政区划代码须为6位数字（GB/T 2260），如 220000。" in errors["code"]

    def test_code_must_start_with_a_province(self):
        errors = errors_of(Jurisdiction(code="990000", name="某地", level="province"))
        assert errors["code"] == ["“99”不是 GB/T 2260 中的省级代码，请检查前两位。"]

    def test_level_must_fit_the_code(self):
        errors = errors_of(Jurisdiction(code="220100", name="长春市", level="province"))
        assert "与层级“省级”不符" in errors["code"][0]

    def test_county_code_cannot_end_in_00(self):
        errors = errors_of(Jurisdiction(code="220100", name="长春市", level="county"))
        assert "县级代码不以 00 结尾" in errors["code"][0]

    def test_code_is_unique(self, jilin):
        assert "code" in errors_of(Jurisdiction(code="220000", name="吉林", level="province"))
        with pytest.raises(IntegrityError), transaction.atomic():
            Jurisdiction.objects.create(code="220000", name="吉林", level="province")

    def test_level_is_constrained_in_the_database(self):
        with pytest.raises(IntegrityError), transaction.atomic():
            Jurisdiction.objects.create(code="220100", name="长春市", level="metropolis")


class TestAwardProgram:
    def test_valid_program(self, program):
        program.full_clean()

    def test_unknown_rulebook(self, program):
        program.rulebook_id = "nope-2099"
        errors = errors_of(program)
        assert errors["rulebook_id"][0].startswith("没有名为“nope-2099”的评审规则。现有规则：")
        assert "jilin-2023" in errors["rulebook_id"][0]

    def test_rulebook_of_another_jurisdiction(self, program):
        program.rulebook_id = "changchun-2018"
        errors = errors_of(program)
        assert errors["rulebook_id"] == [
            "规则库 changchun-2018 适用于长春市（220100），与本奖项所属行政区划不符。"
        ]

    def test_slug_is_unique(self, program, jilin):
        with pytest.raises(IntegrityError), transaction.atomic():
            AwardProgram.objects.create(
                jurisdiction=jilin, name="另一个", slug="jilin", rulebook_id="jilin-2023", office_name="x"
            )

    def test_rulebook_version_is_positive(self, program):
        program.rulebook_version = 0
        assert "rulebook_version" in errors_of(program)
        with pytest.raises(IntegrityError), transaction.atomic():
            AwardProgram.objects.filter(pk=program.pk).update(rulebook_version=0)

    def test_jurisdiction_cannot_be_deleted_under_a_program(self, program, jilin):
        with pytest.raises(ProtectedError):
            jilin.delete()


class TestCycle:
    def test_create_cycle_pins_the_programs_rulebook(self, program):
        cycle = create_cycle(**cycle_kwargs(program))
        assert (cycle.rulebook_id, cycle.rulebook_version) == ("jilin-2023", 1)
        assert cycle.status == CycleStatus.DRAFT

        # A later rulebook revision must not reach a cycle already under way.
        program.rulebook_version = 2
        program.save()
        cycle.refresh_from_db()
        assert cycle.rulebook_version == 1

    def test_pinning_refuses_an_existing_cycle(self, program):
        cycle = create_cycle(**cycle_kwargs(program))
        with pytest.raises(ValueError, match="pinned at creation"):
            pin_rulebook(cycle)

    def test_call_cannot_close_before_it_opens(self, program):
        cycle = Cycle(**cycle_kwargs(program, call_opens=date(2026, 5, 1), call_closes=date(2026, 4, 30)))
        pin_rulebook(cycle)
        errors = errors_of(cycle)
        assert errors == {"call_closes": ["申报截止日期不得早于申报开始日期。"]}

    def test_call_may_open_and_close_on_one_day(self, program):
        create_cycle(**cycle_kwargs(program, call_opens=date(2026, 5, 1), call_closes=date(2026, 5, 1)))

    def test_database_rejects_a_call_closing_before_it_opens(self, program):
        with pytest.raises(IntegrityError), transaction.atomic():
            Cycle.objects.create(
                **cycle_kwargs(program, call_opens=date(2026, 5, 1), call_closes=date(2026, 4, 30)),
                rulebook_id="jilin-2023",
                rulebook_version=1,
            )

    def test_number_is_unique_per_program(self, program):
        create_cycle(**cycle_kwargs(program))
        with pytest.raises(ValidationError) as exc:
            create_cycle(**cycle_kwargs(program, year=2028))
        assert exc.value.messages == ["该奖项已有此届次。"]
        with pytest.raises(IntegrityError), transaction.atomic():
            Cycle.objects.create(
                **cycle_kwargs(program, year=2028), rulebook_id="jilin-2023", rulebook_version=1
            )

    def test_same_number_in_another_program(self, program, jilin):
        other = AwardProgram.objects.create(
            jurisdiction=jilin,
            name="吉林省质量奖（试点）",
            slug="jilin-pilot",
            rulebook_id="jilin-2023",
            office_name="x",
        )
        create_cycle(**cycle_kwargs(program))
        create_cycle(**cycle_kwargs(other))

    def test_number_must_be_positive(self, program):
        cycle = Cycle(**cycle_kwargs(program, number=0))
        pin_rulebook(cycle)
        assert "number" in errors_of(cycle)
        with pytest.raises(IntegrityError), transaction.atomic():
            Cycle.objects.create(
                **cycle_kwargs(program, number=0), rulebook_id="jilin-2023", rulebook_version=1
            )

    def test_status_is_constrained_in_the_database(self, program):
        with pytest.raises(IntegrityError), transaction.atomic():
            Cycle.objects.create(
                **cycle_kwargs(program), status="cancelled", rulebook_id="jilin-2023", rulebook_version=1
            )

    def test_label(self, program):
        cycle = create_cycle(**cycle_kwargs(program, number=2))
        assert cycle.label == "第二届"
        assert str(cycle) == "吉林省质量奖 第二届（2026）"
        with translation.override("en"):
            assert cycle.label == "Cycle 2"


@pytest.mark.parametrize(
    ("n", "text"),
    [
        (1, "一"),
        (9, "九"),
        (10, "十"),
        (11, "十一"),
        (20, "二十"),
        (21, "二十一"),
        (99, "九十九"),
        (100, "100"),
    ],
)
def test_chinese_numeral(n, text):
    assert chinese_numeral(n) == text
