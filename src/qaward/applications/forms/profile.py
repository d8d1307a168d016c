"""Applicant profile forms: organisation (or branch), individual, team and team member."""

from __future__ import annotations

import datetime as dt
import re

from django import forms

from qaward.applications.enums import OrganizationSize, OrganizationType, SafetyLevel
from qaward.applications.models.applicant import validate_industry_code
from qaward.privacy.forms import ResidentIDField, USCCField
from qaward.programs.validators import validate_gb2260_code

TAGS = [
    ("四新", "“四新”（新技术、新产业、新业态、新模式）领域"),
    ("专精特新", "省级及以上“专精特新”中小企业"),
]
_CERT_SPLIT = re.compile(r"\s*[；;|]\s*")


def _blank(choices) -> list:
    return [("", "请选择"), *choices]


class _Dates(forms.DateInput):
    input_type = "date"


def parse_certificates(text: str) -> list[dict]:
    """One certificate per line: 名称；证书编号；首次取得日期；有效期至 (the last may be empty)."""
    found = []
    for number, line in enumerate((text or "").splitlines(), start=1):
        if not line.strip():
            continue
        parts = _CERT_SPLIT.split(line.strip()) + ["", "", ""]
        name, code, issued, expires = parts[:4]
        for label, value in (("首次取得日期", issued), ("有效期至", expires)):
            if value:
                try:
                    dt.date.fromisoformat(value)
                except ValueError:
                    raise forms.ValidationError(
                        f"第{number}行的{label}“{value}”不是有效日期，请写成 2021-03-01 的形式。"
                    ) from None
        if not issued:
            raise forms.ValidationError(f"第{number}行缺少首次取得日期。")
        found.append({"name": name, "number": code, "issued": issued, "expires": expires})
    return found


def format_certificates(certificates: list) -> str:
    return "\n".join(
        "；".join([c.get("name", ""), c.get("number", ""), c.get("issued", ""), c.get("expires", "")])
        for c in certificates or []
    )


class OrganizationForm(forms.Form):
    name = forms.CharField(label="单位名称", max_length=200)
    uscc = USCCField(label="统一社会信用代码")
    region_code = forms.CharField(
        label="注册地行政区划代码",
        max_length=6,
        validators=[validate_gb2260_code],
        help_text="6位代码，如 220104（长春市朝阳区）。",
    )
    org_type = forms.ChoiceField(label="单位性质", choices=_blank(OrganizationType.choices))
    legal_person = forms.BooleanField(label="具有独立法人资格", required=False)
    founded = forms.DateField(label="成立日期", widget=_Dates)
    industry_code = forms.CharField(
        label="所属行业（GB/T 4754 代码）",
        max_length=5,
        validators=[validate_industry_code],
        help_text="如 C3670（汽车零部件及配件制造）。",
    )
    size = forms.ChoiceField(label="企业规模", choices=_blank(OrganizationSize.choices), required=False)
    tags = forms.MultipleChoiceField(
        label="认定情况", choices=TAGS, required=False, widget=forms.CheckboxSelectMultiple
    )
    certificates = forms.CharField(
        label="管理体系认证证书",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="每行一张：名称；证书编号；首次取得日期；有效期至。例如：ISO 9001；00121Q30512R3M；2012-05-10；2027-05-09",
    )
    safety_level = forms.ChoiceField(
        label="安全生产标准化等级", choices=_blank(SafetyLevel.choices), required=False
    )
    parent_uscc = USCCField(
        label="上级单位统一社会信用代码",
        required=False,
        help_text="分支、内设或派出机构填写其上级法人组织；独立法人不填。",
    )
    parent_name = forms.CharField(label="上级单位名称", max_length=200, required=False)

    def clean_certificates(self):
        return parse_certificates(self.cleaned_data.get("certificates", ""))


class IndividualForm(forms.Form):
    name = forms.CharField(label="姓名", max_length=100)
    id_number = ResidentIDField(
        label="公民身份号码", required=False, help_text="加密保存，页面只显示脱敏号码；不修改请留空。"
    )
    phone = forms.CharField(
        label="手机号码", max_length=20, required=False, help_text="加密保存；不修改请留空。"
    )
    employer_name = forms.CharField(label="工作单位", max_length=200)
    region_code = forms.CharField(label="工作地行政区划代码", max_length=6, validators=[validate_gb2260_code])
    years_in_quality_work = forms.IntegerField(label="从事质量工作年数", min_value=0, max_value=80)
    years_in_region = forms.IntegerField(label="在本地区从事质量工作年数", min_value=0, max_value=80)


class TeamForm(forms.Form):
    name = forms.CharField(label="团队名称", max_length=200, help_text="如：××公司焊接质量攻关小组。")
    region_code = forms.CharField(label="所在地行政区划代码", max_length=6, validators=[validate_gb2260_code])


class MemberForm(forms.Form):
    member_name = forms.CharField(label="姓名", max_length=100)
    id_number = ResidentIDField(label="公民身份号码")
    role_in_team = forms.CharField(label="团队中的分工", max_length=100, required=False)
    employer_name = forms.CharField(label="工作单位", max_length=200)
    years_in_quality_work = forms.IntegerField(label="从事质量工作年数", min_value=0, max_value=80)
    years_in_region = forms.IntegerField(label="在本地区从事质量工作年数", min_value=0, max_value=80)
    works_in_jurisdiction = forms.BooleanField(label="在本地区从事质量工作", required=False)
