import json

from django import forms

from fazhi.assessment.models import Indicator, Level, System
from fazhi.attachments.forms import MultipleAttachmentField
from fazhi.core.periods import FIRST_YEAR, last_year


class SystemForm(forms.ModelForm):
    class Meta:
        model = System
        fields = ["name", "year", "level", "bonus_cap", "penalty_cap"]

    def clean_year(self):
        year = self.cleaned_data["year"]
        if not FIRST_YEAR <= year <= last_year():
            raise forms.ValidationError(f"年度须在 {FIRST_YEAR} 至 {last_year()} 之间。")
        return year


class ImportForm(forms.Form):
    name = forms.CharField(label="名称", max_length=200)
    year = forms.IntegerField(label="年度", min_value=FIRST_YEAR, max_value=2100)
    level = forms.ChoiceField(label="考核对象", choices=Level.choices)
    file = forms.FileField(label="Excel 文件（.xlsx）")


class ParamsField(forms.CharField):
    def prepare_value(self, value):
        if isinstance(value, dict):
            return json.dumps(value, ensure_ascii=False) if value else ""
        return value

    def clean(self, value):
        text = super().clean(value).strip()
        if not text:
            return {}
        try:
            parsed = json.loads(text)
        except ValueError:
            raise forms.ValidationError('须是 JSON 键值对象，如 {"threshold": 90}。') from None
        if not isinstance(parsed, dict):
            raise forms.ValidationError('须是 JSON 键值对象，如 {"threshold": 90}。')
        return parsed


class IndicatorForm(forms.ModelForm):
    params = ParamsField(
        label="计分参数",
        required=False,
        max_length=2000,
        help_text='阈值 {"threshold": 90}；比例 {"full_at": 100}；分档 {"bands": [[95, 10], [85, 8]]}；'
        '加减分 {"per": 0.5}；否决 {"above": 0}',
    )

    class Meta:
        model = Indicator
        fields = [
            "name",
            "points",
            "criteria",
            "evidence_required",
            "method",
            "metric",
            "params",
            "min_score",
        ]
        widgets = {
            "criteria": forms.Textarea(attrs={"rows": 3}),
            "evidence_required": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["metric"].help_text = "自动计分时填写，见“数据指标代码”列表"


class SelfAssessForm(forms.Form):
    score = forms.DecimalField(
        label="自评得分", required=False, min_value=0, max_digits=7, decimal_places=2
    )
    note = forms.CharField(
        label="自评说明", required=False, max_length=5000, widget=forms.Textarea(attrs={"rows": 4})
    )
    links = forms.CharField(
        label="关联记录",
        required=False,
        max_length=6000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="每行一条本平台页面地址，可在前面写名称并用空格隔开，如：宪法日活动 /publicity/activities/12/",
    )
    files = MultipleAttachmentField(label="佐证材料", required=False)
    triggered = forms.BooleanField(label="触发该否决项", required=False)

    def clean_links(self):
        links = []
        for line in self.cleaned_data["links"].splitlines():
            line = line.strip()
            if not line:
                continue
            label, _, url = line.rpartition(" ")
            links.append({"label": label.strip(), "url": url})
        return links


class ReviewForm(forms.Form):
    score = forms.DecimalField(
        label="审核得分",
        required=False,
        min_value=0,
        max_digits=7,
        decimal_places=2,
        help_text="留空则认可自动得分或自评得分",
    )
    reason = forms.CharField(
        label="审核意见（调整得分时必填）",
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    triggered = forms.BooleanField(label="认定触发该否决项", required=False)


class ReturnForm(forms.Form):
    note = forms.CharField(
        label="需要补充的内容", max_length=5000, widget=forms.Textarea(attrs={"rows": 2})
    )
    due = forms.DateField(label="补充期限", widget=forms.DateInput(attrs={"type": "date"}))


class CheckpointForm(forms.Form):
    label = forms.CharField(label="快照名称", max_length=100, initial="中期评估")


class DutyForm(forms.Form):
    year = forms.IntegerField(label="年度", min_value=FIRST_YEAR, max_value=2100)
    role = forms.ChoiceField(label="职务", choices=[("secretary", "党委书记"), ("head", "镇长")])
    person = forms.CharField(label="姓名", max_length=50)
    duties = forms.CharField(
        label="履职情况",
        required=False,
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="每行一项，如：主持党委会专题研究法治建设3次",
    )
    statement = forms.CharField(
        label="述法报告正文",
        required=False,
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text="留空则按履职情况和平台数据起草",
    )


class PanelForm(forms.Form):
    scores = forms.CharField(
        label="评议得分",
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="每行一名评议人：姓名 得分（0–100），如：张评议 92",
    )

    def clean_scores(self):
        rows = []
        for line in self.cleaned_data["scores"].splitlines():
            if line.strip():
                member, _, score = line.strip().rpartition(" ")
                rows.append((member, score))
        return rows
