"""The serializers of every publicity record type."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.urls import reverse
from rest_framework import serializers
from rest_framework.exceptions import ValidationError

from fazhi.core.locking import EditConflict, VersionConflict, VersionedSerializerMixin
from fazhi.publicity.api.fields import (
    OUT_OF_SCOPE,
    ModelCleanMixin,
    RecordSaveMixin,
    ScopedRelatedField,
    region_field,
)
from fazhi.publicity.models import (
    Activity,
    Cadre,
    Campaign,
    CombinedWork,
    Exam,
    ExamScore,
    KeyDate,
    LawUnderstander,
    ResponsibilityList,
    Screen,
    ScreenContent,
    StudySession,
    Theme,
    Training,
)
from fazhi.publicity.services import activity_save
from fazhi.regions.models import Organisation, Region


class ActivitySerializer(VersionedSerializerMixin, serializers.ModelSerializer):
    region = region_field()
    villages = ScopedRelatedField(Region, slug_field="code", many=True)
    themes = serializers.SlugRelatedField(
        slug_field="name", many=True, queryset=Theme.objects.all(), required=False
    )
    combined_with = serializers.MultipleChoiceField(choices=CombinedWork.choices, required=False)
    organiser = ScopedRelatedField(Organisation, required=False, allow_null=True)
    campaign = serializers.PrimaryKeyRelatedField(
        queryset=Campaign.objects.all(), required=False, allow_null=True
    )

    class Meta:
        model = Activity
        fields = [
            "id",
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

    def to_representation(self, instance):
        data = super().to_representation(instance)
        data["combined_with"] = list(instance.combined_with or [])
        return data

    def validate_themes(self, themes):
        own = set(self.instance.themes.all()) if self.instance else set()
        retired = [theme.name for theme in themes if not theme.active and theme not in own]
        if retired:
            raise ValidationError(f"主题“{'、'.join(retired)}”已停用，不能再选用。")
        return themes

    def validate_campaign(self, campaign):
        region = self.context["request"].user.region
        if campaign and not Campaign.objects.visible_from(region).filter(pk=campaign.pk).exists():
            raise ValidationError(f"专项{OUT_OF_SCOPE}")
        return campaign

    def save(self, **kwargs):
        data = dict(self.validated_data)
        version = self.read_version() if self.instance is not None else None
        data.pop("version", None)
        villages = data.pop("villages", None)
        themes = data.pop("themes", None)
        if "combined_with" in data:
            data["combined_with"] = sorted(data["combined_with"])
        if villages is None:
            villages = list(self.instance.villages.all())
        if themes is None:
            themes = list(self.instance.themes.all()) if self.instance else []
        try:
            self.instance = activity_save(
                user=self.context["request"].user,
                activity=self.instance,
                data=data,
                villages=villages,
                themes=themes,
                version=version,
                submitted=self.validated_data,
            )
        except EditConflict as conflict:
            raise VersionConflict(conflict) from None
        except DjangoValidationError as error:
            raise ValidationError(
                getattr(error, "message_dict", {"detail": error.messages})
            ) from None
        return self.instance


def simple_serializer(model_class, field_names, **declared):
    """A scoped serializer for a record type whose only tie to scope is its region."""
    meta = type("Meta", (), {"model": model_class, "fields": ["id", *field_names]})
    attrs = {"Meta": meta, **declared}
    if "region" in field_names and "region" not in declared:
        attrs["region"] = region_field()
    return type(
        f"{model_class.__name__}Serializer",
        (RecordSaveMixin, ModelCleanMixin, VersionedSerializerMixin, serializers.ModelSerializer),
        attrs,
    )


class LawUnderstanderSerializer(
    RecordSaveMixin, ModelCleanMixin, VersionedSerializerMixin, serializers.ModelSerializer
):
    region = region_field()
    phone = serializers.CharField(write_only=True, required=False, allow_blank=True)
    phone_masked = serializers.CharField(source="masked_phone", read_only=True)

    class Meta:
        model = LawUnderstander
        fields = ["id", "region", "name", "phone", "phone_masked", "background", "since", "active"]

    def validate_phone(self, value):
        from fazhi.personal import validate_phone

        if value:
            try:
                validate_phone(value)
            except DjangoValidationError as error:
                raise ValidationError(error.messages) from None
        return value


class ScreenSerializer(
    RecordSaveMixin, ModelCleanMixin, VersionedSerializerMixin, serializers.ModelSerializer
):
    region = region_field()
    dark = serializers.SerializerMethodField()
    display_url = serializers.SerializerMethodField()

    class Meta:
        model = Screen
        fields = [
            "id",
            "region",
            "name",
            "location",
            "status",
            "installed_on",
            "refresh_seconds",
            "last_seen_at",
            "dark",
            "token",
            "display_url",
        ]
        read_only_fields = ["last_seen_at", "token"]

    def get_dark(self, screen) -> bool:
        return screen.is_dark()

    def get_display_url(self, screen) -> str:
        return self.context["request"].build_absolute_uri(
            reverse("publicity:display", args=[screen.token])
        )


class ExamScoreSerializer(
    RecordSaveMixin, ModelCleanMixin, VersionedSerializerMixin, serializers.ModelSerializer
):
    exam = ScopedRelatedField(Exam)
    cadre = ScopedRelatedField(Cadre)

    class Meta:
        model = ExamScore
        fields = ["id", "exam", "cadre", "score"]


def _validate_offered_theme(serializer, theme):
    """A retired theme stays on the record that has it but is not chosen anew."""
    own = getattr(serializer.instance, "theme_id", None)
    if theme and not theme.active and theme.pk != own:
        raise ValidationError(f"主题“{theme.name}”已停用，不能再选用。")
    return theme


SERIALIZERS = {
    Campaign: simple_serializer(
        Campaign, ["region", "name", "start_date", "end_date", "description"]
    ),
    ResponsibilityList: simple_serializer(
        ResponsibilityList,
        ["region", "organisation", "year", "laws", "audience", "methods", "frequency"],
        organisation=ScopedRelatedField(Organisation),
    ),
    KeyDate: simple_serializer(
        KeyDate,
        ["region", "name", "month", "day", "days", "theme"],
        theme=serializers.SlugRelatedField(
            slug_field="name", queryset=Theme.objects.all(), required=False, allow_null=True
        ),
        validate_theme=_validate_offered_theme,
    ),
    Training: simple_serializer(
        Training,
        ["region", "date", "title", "hours", "attendees"],
        attendees=ScopedRelatedField(LawUnderstander, many=True, required=False),
    ),
    ScreenContent: simple_serializer(
        ScreenContent,
        ["region", "text", "theme", "start_date", "end_date", "priority"],
        theme=serializers.SlugRelatedField(
            slug_field="name", queryset=Theme.objects.all(), required=False, allow_null=True
        ),
        validate_theme=_validate_offered_theme,
    ),
    Cadre: simple_serializer(Cadre, ["region", "name", "position", "active"]),
    StudySession: simple_serializer(
        StudySession,
        ["region", "date", "kind", "title", "hours", "attendees"],
        attendees=ScopedRelatedField(Cadre, many=True, required=False),
    ),
    Exam: simple_serializer(Exam, ["region", "date", "title", "pass_mark"]),
}


class ThemeSerializer(serializers.ModelSerializer):
    class Meta:
        model = Theme
        fields = ["id", "name"]
