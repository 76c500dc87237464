from collections.abc import Sequence

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from fazhi.attachments.validation import validate_upload
from fazhi.ledgers.limits import check_xlsx
from fazhi.regions.models import Level, Region
from fazhi.reports.models import Format, Report
from fazhi.reports.structure import SECTIONS
from fazhi.reports.types import Candidate

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def report_regions(user):
    return Region.objects.for_user(user).filter(level__in=[Level.COUNTY, Level.TOWN])


def region_field(form: forms.BaseForm) -> forms.ModelChoiceField:
    """The form's `region` field, whose choices are the user's regions."""
    field = form.fields["region"]
    assert isinstance(field, forms.ModelChoiceField)
    return field


class RegionYearForm(forms.Form):
    region = forms.ModelChoiceField(
        label="区划", queryset=Region.objects.none(), to_field_name="code"
    )
    year = forms.IntegerField(label="年度", min_value=2000, max_value=2100)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        region_field(self).queryset = report_regions(user)
        region_field(self).error_messages["invalid_choice"] = "所选区划不存在或不在您的管辖范围内。"
        self.fields["year"].initial = timezone.localdate().year - 1
        if user.region and user.region.level in (Level.COUNTY, Level.TOWN):
            self.fields["region"].initial = user.region.code


DECISIONS = [("", "待定"), ("accepted", "采纳"), ("dropped", "不采纳")]


class ReportTextForm(forms.Form):
    """The officer's text: title, signature, narrative per section, candidate choices."""

    title = forms.CharField(label="标题", max_length=120, required=False)
    issuer = forms.CharField(label="落款（发文机关）", max_length=60, required=False)
    issued_on = forms.DateField(
        label="成文日期",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    intro = forms.CharField(
        label="开头段落", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, report: Report, candidates: Sequence[Candidate], **kwargs):
        initial = {
            "title": report.title or report.default_title(),
            "issuer": report.issuer or report.default_issuer(),
            "issued_on": report.issued_on,
            "intro": report.narratives.get("intro", ""),
        }
        for key in SECTIONS:
            initial[f"n_{key}"] = report.narratives.get(key, "")
        for index, item in enumerate(candidates):
            decision = report.decisions.get(item.key, {})
            initial[f"c{index}_status"] = decision.get("status", "")
            initial[f"c{index}_text"] = decision.get("text") or item.text
        kwargs["initial"] = initial
        super().__init__(*args, **kwargs)
        self.candidates = candidates
        for key, section in SECTIONS.items():
            self.fields[f"n_{key}"] = forms.CharField(
                label=section.heading, required=False, widget=forms.Textarea(attrs={"rows": 3})
            )
        for index, _item in enumerate(candidates):
            self.fields[f"c{index}_status"] = forms.ChoiceField(
                label="取舍", choices=DECISIONS, required=False
            )
            self.fields[f"c{index}_text"] = forms.CharField(
                label="文字", required=False, widget=forms.Textarea(attrs={"rows": 2})
            )

    def narratives(self) -> dict[str, str]:
        texts = {key: self.cleaned_data[f"n_{key}"] for key in SECTIONS}
        texts["intro"] = self.cleaned_data["intro"]
        return texts

    def decisions(self) -> dict[str, dict]:
        chosen = {}
        for index, item in enumerate(self.candidates):
            status = self.cleaned_data[f"c{index}_status"]
            if status:
                text = self.cleaned_data[f"c{index}_text"].strip()
                chosen[item.key] = {
                    "status": status,
                    "text": "" if text == item.text else text,
                }
        return chosen


class GenerateForm(forms.Form):
    format = forms.ChoiceField(label="格式", choices=Format.choices, initial=Format.DOCX)
    appendix = forms.BooleanField(label="附数据来源", required=False)


class TemplateUploadForm(forms.Form):
    region = forms.ModelChoiceField(
        label="区划", queryset=Region.objects.none(), to_field_name="code"
    )
    name = forms.CharField(label="模板名称", max_length=100, required=False)
    file = forms.FileField(label="模板文件（.docx）")

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        region_field(self).queryset = report_regions(user)


class LedgerImportForm(forms.Form):
    region = forms.ModelChoiceField(
        label="导入到", queryset=Region.objects.none(), to_field_name="code"
    )
    file = forms.FileField(label="台账文件（.xlsx）")

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        region_field(self).queryset = report_regions(user)

    def clean_file(self):
        upload = self.cleaned_data["file"]
        try:
            validate_upload(upload, field_label="台账文件", allowed={XLSX})
            check_xlsx(upload)
        except ValidationError as error:
            if error.error_list[0].code == "type":  # not the attachments' list of types
                raise forms.ValidationError(
                    "文件内容不是 Excel 工作簿，请上传 .xlsx 格式的台账"
                    "（.xls 请先在 Excel 或 WPS 中另存为 .xlsx）。",
                    code="type",
                ) from None
            raise forms.ValidationError(error.messages[0].removeprefix("台账文件：")) from None
        return upload


class PublishForm(forms.Form):
    published_on = forms.DateField(label="公开日期")
