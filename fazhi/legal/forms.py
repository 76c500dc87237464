from django import forms

from fazhi.attachments.forms import MultipleAttachmentField
from fazhi.core.fields import with_window
from fazhi.core.locking import EditGuardFormMixin
from fazhi.legal.models import (
    Advisor,
    Catalogue,
    Decision,
    DecisionStep,
    Opinion,
    ReviewRequest,
    Service,
    StepKind,
    SubjectKind,
)

DATE = forms.DateInput(attrs={"type": "date"})


class AdvisorForm(EditGuardFormMixin, forms.ModelForm):
    class Meta:
        model = Advisor
        fields = ["kind", "name", "firm", "licence_number", "phone", "speciality", "user"]
        labels = {"phone": "联系电话"}  # EncryptedCharField.formfield drops the verbose name

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = Advisor.linkable_accounts(user)
        if self.instance.phone:  # the full number is not put on the page unasked
            self.initial["phone"] = ""
            self.fields["phone"].help_text = f"现为 {self.instance.masked_phone}，留空则不修改。"

    def clean_phone(self):
        return self.cleaned_data["phone"] or self.instance.phone


class ContractForm(EditGuardFormMixin, forms.Form):
    number = forms.CharField(label="合同编号", max_length=60, required=False)
    start = forms.DateField(label="聘期开始", widget=DATE)
    end = with_window(forms.DateField(label="聘期结束", widget=DATE), years_ahead=6)
    fee = forms.DecimalField(label="顾问费（元）", max_digits=10, decimal_places=2, initial=0)
    scope = forms.CharField(
        label="服务范围", widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    signed_copies = MultipleAttachmentField(label="签订的合同", required=False)


class ServiceForm(EditGuardFormMixin, forms.ModelForm):
    class Meta:
        model = Service
        fields = ["advisor", "date", "kind", "subject", "detail", "hours"]
        widgets = {"date": DATE, "detail": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, advisors, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["advisor"].queryset = advisors


class ReviewRequestForm(EditGuardFormMixin, forms.Form):
    subject_kind = forms.ChoiceField(label="审查对象", choices=SubjectKind.choices)
    title = forms.CharField(label="审查事项", max_length=200)
    decision = forms.ModelChoiceField(
        label="重大行政决策", queryset=Decision.objects.none(), required=False
    )
    reviewer = forms.ModelChoiceField(label="审查人", queryset=Advisor.objects.none())
    questions = forms.CharField(
        label="需审查的问题", widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    sent_on = forms.DateField(label="送审日期", widget=DATE)
    due = with_window(
        forms.DateField(
            label="审查期限",
            widget=DATE,
            required=False,
            help_text="留空则按不少于 7 个工作日自动计算（条例第二十六条）。",
        ),
        years_ahead=2,
    )
    materials = MultipleAttachmentField(label="送审材料", required=False)

    def __init__(self, *args, decisions, advisors, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["decision"].queryset = decisions
        self.fields["reviewer"].queryset = advisors


class OpinionForm(EditGuardFormMixin, forms.Form):
    opinion = forms.ChoiceField(label="审查意见", choices=Opinion.choices, widget=forms.RadioSelect)
    reasons = forms.CharField(label="意见理由", widget=forms.Textarea(attrs={"rows": 5}))
    answered_on = forms.DateField(label="出具日期", widget=DATE)
    signed_copies = MultipleAttachmentField(label="签章的审查意见书", required=False)


class CatalogueForm(EditGuardFormMixin, forms.ModelForm):
    class Meta:
        model = Catalogue
        fields = ["year", "title", "published_on"]
        widgets = {"published_on": DATE}


class DecisionForm(EditGuardFormMixin, forms.Form):
    title = forms.CharField(label="决策事项", max_length=200)
    year = forms.IntegerField(label="年度", min_value=2000, max_value=2100)
    catalogue = forms.ModelChoiceField(
        label="所属事项目录", queryset=Catalogue.objects.none(), required=False
    )
    sponsor = forms.CharField(label="承办单位", max_length=100)
    summary = forms.CharField(
        label="决策内容摘要", widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    launch_date = forms.DateField(label="启动日期", widget=DATE)
    responsible = forms.CharField(label="负责人", max_length=60)
    note = forms.CharField(
        label="启动依据", widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    documents = MultipleAttachmentField(label="启动材料", required=False)

    def __init__(self, *args, catalogues, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["catalogue"].queryset = catalogues


# The fields each step's form shows, beyond date, responsible person, note and documents.
STEP_FORM_FIELDS = {
    StepKind.PARTICIPATION: [
        "comment_start",
        "comment_end",
        "short_period_reason",
        "comments_received",
    ],
    StepKind.EXPERT: ["expert_required", "experts", "no_expert_reason"],
    StepKind.RISK: ["risk_level"],
    StepKind.LEGALITY: ["review_request"],
    StepKind.DISCUSSION: ["meeting_type", "attendance", "chief_decision"],
    StepKind.PUBLICATION: ["channel"],
    StepKind.EVALUATION: [],
}
_NOTE_LABEL = {
    StepKind.DISCUSSION: "会议纪要要点",
    StepKind.EVALUATION: "执行情况和后评估结论",
}


def step_form_class(kind: str):
    """A form for one step kind; requirements are checked by the model (procedure.py)."""
    form_fields = ["date", "responsible", *STEP_FORM_FIELDS.get(kind, []), "note"]

    class StepForm(forms.ModelForm):
        documents = MultipleAttachmentField(
            label="会议纪要等材料" if kind == StepKind.DISCUSSION else "本环节材料", required=False
        )

        class Meta:
            model = DecisionStep
            fields = form_fields
            widgets = {
                "date": DATE,
                "comment_start": DATE,
                "comment_end": DATE,
                "note": forms.Textarea(attrs={"rows": 3}),
                "chief_decision": forms.Textarea(attrs={"rows": 2}),
                "expert_required": forms.Select(
                    choices=[("unknown", "请选择"), ("true", "需要"), ("false", "不需要")]
                ),
            }

        def __init__(self, *args, decision, **kwargs):
            super().__init__(*args, **kwargs)
            if "note" in self.fields and kind in _NOTE_LABEL:
                self.fields["note"].label = _NOTE_LABEL[kind]
            if "review_request" in self.fields:
                self.fields["review_request"].queryset = ReviewRequest.objects.filter(
                    decision=decision
                ).answered()
                self.fields["review_request"].required = False
            self.decision = decision

        def _post_clean(self):
            # The service validates the step in order; the form only parses values.
            pass

    return StepForm
