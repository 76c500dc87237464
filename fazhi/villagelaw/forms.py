from django import forms

from fazhi.core.locking import EditGuardFormMixin
from fazhi.core.scope import ScopedFormMixin
from fazhi.regions.models import Region
from fazhi.villagelaw.models import (
    Assignment,
    Compact,
    CompactStep,
    Consultation,
    Demonstration,
    Referral,
    StepKind,
)

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TEXT = forms.Textarea(attrs={"rows": 4})


def village_choices(user):
    """The villages a person may write into: the scope's villages, an advisor's assigned ones."""
    villages = Region.objects.villages().order_by("code")
    from fazhi.core.roles import Role

    if user.role == Role.LEGAL_ADVISOR:
        assigned = Assignment.objects.for_user(user).values("region")
        return villages.filter(pk__in=assigned)
    return villages & Region.objects.for_user(user)


class VillageFormMixin(ScopedFormMixin, EditGuardFormMixin):
    """Scoped choices; the village offered from the person's villages."""

    personal = ()  # encrypted fields: never put back on the page, blank keeps them

    def __init__(self, *args, user, village=None, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        if "region" in self.fields:
            self.fields["region"].queryset = village_choices(user)
            if village is not None and not self.instance.pk:
                self.fields["region"].initial = village.pk
        for name in self.personal:
            self.fields[name].label = self.instance._meta.get_field(name).verbose_name
            if getattr(self.instance, name):
                self.initial[name] = ""
                masked = getattr(self.instance, f"{name}_masked")
                self.fields[name].help_text = f"现为 {masked}，留空则不修改。"

    def clean(self):
        cleaned = super().clean()
        for name in self.personal:
            if not cleaned.get(name) and getattr(self.instance, name):
                cleaned[name] = getattr(self.instance, name)
        return cleaned


class AssignmentForm(VillageFormMixin, forms.ModelForm):
    class Meta:
        model = Assignment
        fields = [
            "region",
            "advisor",
            "start",
            "end",
            "duty_schedule",
            "hours_target",
            "visits_target",
        ]
        widgets = {"start": DATE, "end": DATE}


class VisitForm(EditGuardFormMixin, forms.Form):
    assignment = forms.ModelChoiceField(label="驻村法律顾问", queryset=Assignment.objects.none())
    date = forms.DateField(label="日期", widget=DATE)
    hours = forms.DecimalField(label="服务时长（小时）", max_digits=4, decimal_places=1)
    work = forms.CharField(label="服务内容", widget=TEXT, max_length=2000)

    def __init__(self, *args, user, instance=None, **kwargs):
        if instance is not None:
            kwargs.setdefault(
                "initial",
                {
                    "assignment": instance.assignment_id,
                    "date": instance.date,
                    "hours": instance.hours,
                    "work": instance.work,
                },
            )
        self.instance = instance
        super().__init__(*args, **kwargs)
        self.fields["assignment"].queryset = Assignment.objects.for_user(user).select_related(
            "region", "advisor"
        )
        if instance is not None:
            self.fields["version"] = forms.IntegerField(
                widget=forms.HiddenInput, required=False, initial=instance.version
            )


class ConsultationForm(VillageFormMixin, forms.ModelForm):
    personal = ("phone",)

    class Meta:
        model = Consultation
        fields = [
            "region",
            "advisor",
            "date",
            "person_name",
            "phone",
            "category",
            "question",
            "answer",
            "referred_to",
        ]
        widgets = {"date": DATE, "question": TEXT, "answer": TEXT}


class ReferralForm(VillageFormMixin, forms.ModelForm):
    personal = ("id_number", "phone")

    class Meta:
        model = Referral
        fields = [
            "region",
            "received_on",
            "applicant",
            "id_number",
            "phone",
            "matter",
            "basis",
            "summary",
            "limitation_ends_on",
            "centre",
            "forwarded_on",
            "decided_on",
            "decision",
            "lawyer_assigned_on",
            "lawyer",
            "outcome",
            "outcome_note",
        ]
        widgets = dict.fromkeys(
            (
                "received_on",
                "limitation_ends_on",
                "forwarded_on",
                "decided_on",
                "lawyer_assigned_on",
            ),
            DATE,
        ) | {"summary": TEXT, "outcome_note": TEXT}


class CompactForm(VillageFormMixin, forms.ModelForm):
    class Meta:
        model = Compact
        fields = ["region", "kind", "title", "text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 12})}


class CompactStepForm(forms.ModelForm):
    kind = forms.ChoiceField(label="环节", choices=StepKind.choices)

    class Meta:
        model = CompactStep
        fields = ["kind", "date", "note", "lawful", "eligible", "attendance", "votes_for", "result"]
        widgets = {"date": DATE, "note": TEXT}


class DemonstrationForm(VillageFormMixin, forms.ModelForm):
    class Meta:
        model = Demonstration
        fields = [
            "region",
            "level",
            "year_named",
            "next_review_year",
            "self_score",
            "self_assessment",
        ]
        widgets = {"self_assessment": TEXT}
