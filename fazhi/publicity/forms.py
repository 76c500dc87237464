"""Forms: choices are limited to what the user's scope reaches."""

from django import forms

from fazhi.attachments.forms import MultipleAttachmentField, MultipleFileInput
from fazhi.core.locking import EditGuardFormMixin
from fazhi.core.scope import ScopedFormMixin
from fazhi.publicity.models import (
    RESPONSIBLE_KINDS,
    Activity,
    Cadre,
    Campaign,
    CombinedWork,
    Exam,
    ExamScore,
    KeyDate,
    LawUnderstander,
    MarketDayRule,
    ResponsibilityList,
    Screen,
    ScreenContent,
    StudySession,
    Targets,
    Theme,
    Training,
)
from fazhi.regions.models import Level, Organisation, Region


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class ScopedForm(ScopedFormMixin, EditGuardFormMixin, forms.ModelForm):
    """A model form whose region (and related records) come from the user's scope."""

    villages_only = False
    towns_only = False

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        if "region" in self.fields:
            regions = self.fields["region"].queryset
            if self.villages_only:
                regions = regions.villages()
            if self.towns_only:
                regions = regions.towns()
            self.fields["region"].queryset = regions
            if (
                self.fields["region"].initial
                and not regions.filter(pk=self.fields["region"].initial).exists()
            ):
                self.fields["region"].initial = None
        if "theme" in self.fields:  # a retired theme stays on the record that has it
            own = [self.instance.theme] if getattr(self.instance, "theme_id", None) else []
            self.fields["theme"].queryset = Theme.objects.offered(keeping=own)
        for name, field in self.fields.items():
            if isinstance(field.widget, forms.DateInput):
                field.widget = DateInput()
            if isinstance(field, forms.ModelMultipleChoiceField) and name != "villages":
                field.widget = forms.CheckboxSelectMultiple(choices=field.choices)


class ActivityForm(ScopedForm):
    combined_with = forms.MultipleChoiceField(
        label="结合开展的工作",
        choices=CombinedWork.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    photos = MultipleAttachmentField(
        label="活动照片",
        required=False,
        widget=MultipleFileInput(attrs={"accept": "image/*"}),  # a phone offers its camera
    )
    sign_in_sheets = MultipleAttachmentField(label="签到表", required=False)

    class Meta:
        model = Activity
        fields = [
            "region",
            "title",
            "date",
            "place",
            "villages",
            "form",
            "concentrated",
            "themes",
            "combined_with",
            "organiser",
            "person_times",
            "materials",
            "campaign",
            "status",
            "notes",
        ]
        widgets = {
            "villages": forms.CheckboxSelectMultiple,
            "notes": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        self.fields["villages"].queryset = Region.objects.for_user(user).villages()
        own = list(self.instance.themes.all()) if self.instance.pk else []
        self.fields["themes"].queryset = Theme.objects.offered(keeping=own)
        self.fields["organiser"].queryset = Organisation.objects.for_user(user)
        region = user.active_region if getattr(user, "active_region", None) else user.region
        self.fields["campaign"].queryset = (
            Campaign.objects.visible_from(region) if region else Campaign.objects.none()
        )
        if not self.instance.pk and self.fields["villages"].queryset.count() == 1:
            self.fields["villages"].initial = list(self.fields["villages"].queryset)


class ActivityConfirmForm(EditGuardFormMixin, forms.Form):
    person_times = forms.IntegerField(label="受教人次", min_value=0)
    materials = forms.IntegerField(label="发放资料（份）", min_value=0)


class CampaignForm(ScopedForm):
    """A campaign belongs to a town (the usual case) or to one village."""

    class Meta:
        model = Campaign
        fields = ["region", "name", "start_date", "end_date", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        self.fields["region"].queryset = self.fields["region"].queryset.filter(
            level__in=[Level.TOWN, Level.VILLAGE]
        )


class ThemeForm(EditGuardFormMixin, forms.ModelForm):
    class Meta:
        model = Theme
        fields = ["name", "order"]
        help_texts = {"order": "数字小的排在前面。"}


class ResponsibilityListForm(ScopedForm):
    class Meta:
        model = ResponsibilityList
        fields = ["organisation", "year", "laws", "audience", "methods", "frequency"]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.for_user(user).filter(
            kind__in=RESPONSIBLE_KINDS
        )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("organisation"):
            self.instance.region = cleaned["organisation"].region
        return cleaned


class KeyDateForm(ScopedForm):
    towns_only = True

    class Meta:
        model = KeyDate
        fields = ["region", "name", "month", "day", "days", "theme"]


class MarketDayRuleForm(ScopedForm):
    towns_only = True

    class Meta:
        model = MarketDayRule
        fields = ["region", "last_digits"]


class TargetsForm(ScopedForm):
    towns_only = True

    class Meta:
        model = Targets
        fields = ["region", "underserved_below", "law_understanders_per_village"]


class LawUnderstanderForm(ScopedForm):
    villages_only = True

    class Meta:
        model = LawUnderstander
        fields = ["region", "name", "phone", "background", "since", "active"]


class TrainingForm(ScopedForm):
    class Meta:
        model = Training
        fields = ["region", "date", "title", "hours", "attendees"]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        self.fields["attendees"].queryset = LawUnderstander.objects.for_user(user).active()


class ScreenForm(ScopedForm):
    villages_only = True

    class Meta:
        model = Screen
        fields = ["region", "name", "location", "status", "installed_on", "refresh_seconds"]


class ScreenContentForm(ScopedForm):
    class Meta:
        model = ScreenContent
        fields = ["region", "text", "theme", "start_date", "end_date", "priority"]


class CadreForm(ScopedForm):
    class Meta:
        model = Cadre
        fields = ["region", "name", "position", "active"]


class StudySessionForm(ScopedForm):
    class Meta:
        model = StudySession
        fields = ["region", "date", "kind", "title", "hours", "attendees"]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        self.fields["attendees"].queryset = Cadre.objects.for_user(user).filter(active=True)


class ExamForm(ScopedForm):
    class Meta:
        model = Exam
        fields = ["region", "date", "title", "pass_mark"]


class ExamScoreForm(ScopedForm):
    class Meta:
        model = ExamScore
        fields = ["cadre", "score"]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        self.fields["cadre"].queryset = Cadre.objects.for_user(user)

    def clean_cadre(self):
        cadre = self.cleaned_data["cadre"]
        others = ExamScore.objects.filter(exam=self.instance.exam, cadre=cadre)
        if others.exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(f"{cadre}的成绩已登记。")
        return cadre
