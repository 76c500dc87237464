"""Forms: they collect and check the shape of input; services apply the rules."""

from django import forms

from fazhi.accounts.models import User
from fazhi.cases.models import (
    MAX_EXTENSION_DAYS,
    Adjudication,
    AppealChoice,
    DecisionKind,
    Hearing,
    Lawsuit,
    Outcome,
    Reconsideration,
    ReconsiderationOutcome,
)
from fazhi.core.locking import EditGuardFormMixin
from fazhi.core.roles import Role
from fazhi.core.scope import ScopedFormMixin

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class ScopedCaseForm(ScopedFormMixin, EditGuardFormMixin, forms.ModelForm):
    """Region choices limited to the user's scope; handler and leader to the
    officers and leaders of the town the user is looking at."""

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        people = User.objects.colleagues_of(user, roles=[Role.TOWN_OFFICER, Role.TOWN_LEADER])
        self.fields["handler"].queryset = people
        self.fields["handler"].initial = user.pk
        self.fields["leader"].queryset = people.filter(role=Role.TOWN_LEADER)
        for name, field in self.fields.items():
            if isinstance(field, forms.DateField):
                self.fields[name].widget = DATE


class LawsuitForm(ScopedCaseForm):
    class Meta:
        model = Lawsuit
        fields = [
            "region",
            "case_number",
            "court",
            "plaintiffs",
            "cause",
            "contested_act",
            "complaint_received_on",
            "handler",
            "leader",
            "note",
        ]
        widgets = {"contested_act": forms.Textarea(attrs={"rows": 3})}


class AnswerForm(EditGuardFormMixin, forms.Form):
    submitted_on = forms.DateField(label="提交日期", widget=DATE)


class HearingForm(EditGuardFormMixin, forms.ModelForm):
    class Meta:
        model = Hearing
        fields = ["date", "court", "appearance", "head_name", "substitute", "absence_reason"]
        widgets = {"date": DATE}


class DecisionForm(EditGuardFormMixin, forms.Form):
    decision_kind = forms.ChoiceField(label="裁判类型", choices=DecisionKind.choices)
    decision_date = forms.DateField(label="裁判日期", widget=DATE)
    served_on = forms.DateField(label="裁判文书送达日期", widget=DATE)
    outcome = forms.ChoiceField(label="裁判结果", choices=Outcome.choices)


class AppealForm(EditGuardFormMixin, forms.Form):
    appeal = forms.ChoiceField(label="是否上诉", choices=AppealChoice.choices[1:])


class SecondInstanceForm(EditGuardFormMixin, forms.Form):
    case_number = forms.CharField(label="二审案号", max_length=80)
    court = forms.CharField(label="二审法院", max_length=80)
    received_on = forms.DateField(label="收到上诉状副本或上诉受理通知日期", widget=DATE)


class ReconsiderationForm(ScopedCaseForm):
    class Meta:
        model = Reconsideration
        fields = [
            "region",
            "case_number",
            "applicant",
            "organ",
            "contested_act",
            "accepted_on",
            "received_on",
            "handler",
            "leader",
            "note",
        ]
        widgets = {"contested_act": forms.Textarea(attrs={"rows": 3})}


class ExtensionForm(EditGuardFormMixin, forms.Form):
    days = forms.IntegerField(label="延长天数", min_value=1, help_text="最多三十日。")
    reason = forms.CharField(label="延长理由", max_length=200)
    extended_on = forms.DateField(label="批准延长日期", widget=DATE)

    def clean_days(self):
        days = self.cleaned_data["days"]
        if days > MAX_EXTENSION_DAYS:
            raise forms.ValidationError("延长期限最多不得超过三十日（行政复议法第六十二条）。")
        return days


class ReconsiderationDecisionForm(EditGuardFormMixin, forms.Form):
    decision_date = forms.DateField(label="复议决定日期", widget=DATE)
    outcome = forms.ChoiceField(label="复议结果", choices=ReconsiderationOutcome.choices)


class AdjudicationForm(ScopedCaseForm):
    class Meta:
        model = Adjudication
        fields = [
            "region",
            "case_number",
            "type",
            "parties",
            "claim",
            "applied_on",
            "accepted_on",
            "hearing_on",
            "handler",
            "leader",
            "note",
        ]
        widgets = {"claim": forms.Textarea(attrs={"rows": 3})}


class AdjudicationProgressForm(EditGuardFormMixin, forms.ModelForm):
    class Meta:
        model = Adjudication
        fields = ["accepted_on", "hearing_on"]
        widgets = {"accepted_on": DATE, "hearing_on": DATE}


class AdjudicationIssueForm(EditGuardFormMixin, forms.Form):
    decided_on = forms.DateField(label="裁决日期", widget=DATE)
    decision = forms.CharField(label="裁决内容", widget=forms.Textarea(attrs={"rows": 4}))
    remedy_notice = forms.CharField(
        label="救济途径告知",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="如：不服本裁决的，可以自收到之日起六十日内申请行政复议，或者六个月内提起行政诉讼。",
    )
