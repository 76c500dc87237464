from django import forms

from fazhi.accounts.models import User
from fazhi.core.locking import EditGuardFormMixin
from fazhi.core.roles import Role
from fazhi.disputes.models import (
    MEDIATION_KINDS,
    Agreement,
    Deliberation,
    Dispute,
    DisputeType,
    FollowUp,
    Handover,
    Outcome,
    Party,
    Risk,
    Session,
)
from fazhi.regions.codes import town_prefix
from fazhi.regions.models import Organisation, Region

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def villages_for(user):
    return Region.objects.for_user(user).villages()


def offer_villages(form: forms.Form, user) -> None:
    """The villages in scope; a village cadre's only village comes pre-selected."""
    field = form.fields["region"]
    field.queryset = villages_for(user)
    instance = getattr(form, "instance", None)
    if form.is_bound or getattr(instance, "pk", None) or form.initial.get("region"):
        return
    only = list(field.queryset[:2])
    if len(only) == 1:
        field.initial = only[0].pk


class DisputeForm(EditGuardFormMixin, forms.ModelForm):
    class Meta:
        model = Dispute
        fields = [
            "registered_on",
            "region",
            "source",
            "dispute_type",
            "place",
            "summary",
            "amount",
            "people_involved",
            "risk",
            "may_escalate",
        ]
        widgets = {"registered_on": DATE, "summary": forms.Textarea(attrs={"rows": 4})}
        help_texts = {
            "may_escalate": "勾选后或涉及5人以上、重大风险的纠纷，登记后立即提醒镇领导。",
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        offer_villages(self, user)
        self.fields["dispute_type"].queryset = DisputeType.objects.filter(active=True)
        if self.instance.pk:
            self.fields["registered_on"].disabled = True


class PartyForm(EditGuardFormMixin, forms.ModelForm):
    class Meta:
        model = Party
        fields = ["name", "role", "id_number", "phone", "address"]
        # EncryptedCharField.formfield() drops the model's verbose_name: name them here.
        labels = {"id_number": "身份证号码", "phone": "联系电话"}


class AssignForm(EditGuardFormMixin, forms.Form):
    organisation = forms.ModelChoiceField(label="调解组织", queryset=Organisation.objects.none())
    mediators = forms.ModelMultipleChoiceField(
        label="调解员", queryset=User.objects.none(), required=False
    )
    accepted_on = forms.DateField(label="受理日期", widget=DATE)

    def __init__(self, *args, dispute, user, **kwargs):
        super().__init__(*args, **kwargs)
        town = town_prefix(dispute.region.code)
        self.fields["organisation"].queryset = Organisation.objects.filter(
            region__code__startswith=town, kind__in=MEDIATION_KINDS
        ).filter(region__in=[dispute.region_id, dispute.region.parent_id])
        self.fields["mediators"].queryset = User.objects.filter(
            is_active=True,
            role__in=[Role.MEDIATOR, Role.VILLAGE_CADRE, Role.TOWN_OFFICER],
            region__code__startswith=town,
        )
        if user.role == Role.MEDIATOR:
            self.fields["organisation"].initial = user.organisation_id
            self.fields["mediators"].initial = [user.pk]


class SessionForm(EditGuardFormMixin, forms.ModelForm):
    class Meta:
        model = Session
        fields = ["held_on", "attendees", "notes"]
        widgets = {"held_on": DATE, "notes": forms.Textarea(attrs={"rows": 4})}


class AgreementForm(EditGuardFormMixin, forms.ModelForm):
    class Meta:
        model = Agreement
        fields = [
            "facts",
            "terms",
            "performance_method",
            "signed_on",
            "effective_on",
            "copies",
        ]
        widgets = {
            "signed_on": DATE,
            "effective_on": DATE,
            "facts": forms.Textarea(attrs={"rows": 4}),
            "terms": forms.Textarea(attrs={"rows": 5}),
        }


class PerformanceForm(EditGuardFormMixin, forms.ModelForm):
    class Meta:
        model = Agreement
        fields = ["performance", "performance_note", "confirmation_applied_on"]
        widgets = {"confirmation_applied_on": DATE}


class ConcludeForm(EditGuardFormMixin, forms.Form):
    outcome = forms.ChoiceField(
        label="调解结果",
        choices=[
            (Outcome.FAILED, Outcome.FAILED.label),
            (Outcome.TERMINATED, Outcome.TERMINATED.label),
        ],
    )
    concluded_on = forms.DateField(label="办结日期", widget=DATE)
    note = forms.CharField(label="说明", widget=forms.Textarea(attrs={"rows": 3}))


class HandoverForm(EditGuardFormMixin, forms.ModelForm):
    class Meta:
        model = Handover
        fields = ["kind", "receiver", "reason", "handed_on"]
        widgets = {"handed_on": DATE, "reason": forms.Textarea(attrs={"rows": 3})}


class HandoverResultForm(EditGuardFormMixin, forms.ModelForm):
    class Meta:
        model = Handover
        fields = ["result", "result_on"]
        widgets = {"result_on": DATE, "result": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["result"].required = True
        self.fields["result_on"].required = True


class FollowUpForm(EditGuardFormMixin, forms.ModelForm):
    class Meta:
        model = FollowUp
        fields = ["visited_on", "notes"]
        widgets = {"visited_on": DATE, "notes": forms.Textarea(attrs={"rows": 3})}


class DeliberationForm(EditGuardFormMixin, forms.ModelForm):
    class Meta:
        model = Deliberation
        fields = ["region", "held_on", "topic", "participants", "resolution", "dispute"]
        widgets = {
            "held_on": DATE,
            "participants": forms.Textarea(attrs={"rows": 2}),
            "resolution": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        offer_villages(self, user)
        self.fields["dispute"].queryset = Dispute.objects.for_user(user).select_related("region")


class ScreeningForm(EditGuardFormMixin, forms.Form):
    region = forms.ModelChoiceField(label="村(社区)", queryset=Region.objects.none())
    month = forms.DateField(
        label="排查月份",
        widget=forms.DateInput(attrs={"type": "month"}),
        input_formats=["%Y-%m", "%Y-%m-%d"],
    )
    screened_on = forms.DateField(label="排查日期", widget=DATE)
    notes = forms.CharField(
        label="排查情况", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    findings = forms.CharField(
        label="发现的矛盾纠纷",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="每行一条；未发现矛盾纠纷请留空，即为零报告。",
    )
    high_risk = forms.BooleanField(label="其中有重大风险隐患", required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        offer_villages(self, user)

    def finding_items(self) -> list[dict]:
        risk = Risk.HIGH if self.cleaned_data.get("high_risk") else Risk.LOW
        lines = self.cleaned_data.get("findings", "").splitlines()
        return [{"summary": line.strip(), "risk": risk} for line in lines if line.strip()]


class FindingToDisputeForm(EditGuardFormMixin, forms.Form):
    dispute_type = forms.ModelChoiceField(
        label="纠纷类型", queryset=DisputeType.objects.filter(active=True)
    )
    registered_on = forms.DateField(label="登记日期", widget=DATE)
