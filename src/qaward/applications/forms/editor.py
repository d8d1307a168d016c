"""Small forms of the application editor: starting a draft, internal publicity, submission."""

from __future__ import annotations

from django import forms

from qaward.applications.enums import PublicityOutcome


class _Date(forms.DateInput):
    input_type = "date"


class StartForm(forms.Form):
    cycle = forms.TypedChoiceField(label="评选届次", coerce=int)
    applicant = forms.TypedChoiceField(label="申报主体", coerce=int)
    tier = forms.ChoiceField(label="申报奖项")
    track = forms.ChoiceField(label="申报类别", required=False)

    def __init__(self, *args, cycles, applicants, tiers, tracks, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cycle"].choices = [(c.pk, f"{c.program.name} {c.label}（{c.year}）") for c in cycles]
        self.fields["applicant"].choices = [(a.pk, f"{a.name}（{a.get_kind_display()}）") for a in applicants]
        self.fields["tier"].choices = tiers
        self.fields["track"].choices = [("", "（只有一类时不必选择）"), *tracks]


class PublicityForm(forms.Form):
    starts_on = forms.DateField(label="公示开始日期", widget=_Date, required=False)
    ends_on = forms.DateField(label="公示结束日期", widget=_Date, required=False)
    place = forms.CharField(
        label="公示地点或方式", max_length=200, required=False, help_text="如：公司公告栏、内部网站。"
    )
    outcome = forms.ChoiceField(
        label="公示结果", choices=[("", "请选择"), *PublicityOutcome.choices], required=False
    )
    outcome_note = forms.CharField(
        label="异议及处理情况", widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    proof = forms.FileField(label="公示证明（照片或截图，PDF/JPG/PNG）", required=False)
    opinion_unit = forms.CharField(label="出具推荐意见的单位", max_length=200, required=False)
    opinion_recommends = forms.TypedChoiceField(
        label="推荐意见",
        choices=[("", "请选择"), ("yes", "同意推荐"), ("no", "不同意推荐")],
        coerce=lambda v: v == "yes",
        empty_value=None,
        required=False,
    )
    opinion_text = forms.CharField(
        label="推荐意见内容", widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    opinion_date = forms.DateField(label="意见日期", widget=_Date, required=False)
    opinion_letter = forms.FileField(label="签字盖章的推荐意见（PDF/JPG/PNG）", required=False)

    def clean(self):
        data = super().clean()
        if data.get("starts_on") and data.get("ends_on") and data["ends_on"] < data["starts_on"]:
            self.add_error("ends_on", "结束日期不能早于开始日期。")
        return data


class MaterialUploadForm(forms.Form):
    item = forms.CharField(widget=forms.HiddenInput)
    file = forms.FileField(label="选择文件")
    trade_secret = forms.BooleanField(label="涉及商业秘密", required=False)


class SubmitForm(forms.Form):
    route = forms.ChoiceField(label="申报途径", widget=forms.RadioSelect)
    unit = forms.TypedChoiceField(label="推荐单位", coerce=int, required=False, empty_value=None)

    def __init__(self, *args, routes, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["route"].choices = routes
        self.fields["unit"].choices = [("", "请选择（直接向评委办申报时不选）"), *units]


class WithdrawForm(forms.Form):
    reason = forms.CharField(label="撤回理由", widget=forms.Textarea(attrs={"rows": 2}), max_length=1000)
