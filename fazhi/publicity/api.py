"""/api/v1/publicity/…: every record type, through the scope rule.

A region, village, unit, campaign or person outside the caller's scope is
refused with a 400 naming the field; a record outside it answers 404.
"""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import transaction
from django.urls import reverse
from rest_framework import permissions, serializers, viewsets
from rest_framework.exceptions import ValidationError

from fazhi.core.locking import EditConflict, VersionConflict, VersionedSerializerMixin
from fazhi.core.permissions import HasCapability, ScopedViewSetMixin
from fazhi.core.protected import record_delete
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
from fazhi.publicity.services import activity_save, record_save
from fazhi.regions.models import Organisation, Region

OUT_OF_SCOPE = "不在您的管辖范围内。"


class ScopedRelatedField(serializers.SlugRelatedField):
    """A related record chosen by slug from what the caller's scope reaches."""

    def __init__(self, model, slug_field="id", **kwargs):
        self.model = model
        super().__init__(slug_field=slug_field, **kwargs)

    def get_queryset(self):
        return self.model.objects.for_user(self.context["request"].user)

    def to_internal_value(self, data):
        try:
            return self.get_queryset().get(**{self.slug_field: data})
        except (self.model.DoesNotExist, ValueError, TypeError):
            raise ValidationError(f"{data}{OUT_OF_SCOPE}或不存在。") from None


def region_field(**kwargs):
    return ScopedRelatedField(Region, slug_field="code", **kwargs)


class ModelCleanMixin:
    """Run the model's own clean() so the API and the forms refuse the same things."""

    def validate(self, attrs):
        attrs = super().validate(attrs)
        model = self.Meta.model
        instance = model(**{k: v for k, v in attrs.items() if not _is_many(model, k)})
        if self.instance is not None:
            for field in model._meta.concrete_fields:
                if field.name not in attrs:
                    setattr(instance, field.attname, getattr(self.instance, field.attname))
        try:
            instance.clean()
        except DjangoValidationError as error:
            raise ValidationError(error.message_dict) from None
        return attrs


class RecordSaveMixin:
    """Save through `record_save`, the service the publicity form pages save through."""

    def save(self, **kwargs):
        model = self.Meta.model
        data = {name: value for name, value in self.validated_data.items() if name != "version"}
        related = {name: data.pop(name) for name in list(data) if _is_many(model, name)}
        version = self.read_version() if self.instance is not None else None
        record = self.instance if self.instance is not None else model()
        for name, value in data.items():
            setattr(record, name, value)
        try:
            self.instance = record_save(
                user=self.context["request"].user,
                record=record,
                version=version,
                submitted=self.validated_data,
                related=related,
            )
        except EditConflict as conflict:
            raise VersionConflict(conflict) from None
        except DjangoValidationError as error:
            raise ValidationError(
                getattr(error, "message_dict", {"detail": error.messages})
            ) from None
        return self.instance


def _is_many(model, name):
    return any(f.name == name and f.many_to_many for f in model._meta.get_fields())


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


class PublicityViewSet(ScopedViewSetMixin, viewsets.ModelViewSet):
    capability = "publicity"

    def perform_create(self, serializer):
        with transaction.atomic():
            serializer.save()

    def perform_update(self, serializer):
        with transaction.atomic():
            serializer.save()

    def perform_destroy(self, instance):
        record_delete(instance)  # 409 with a message while other records refer to it


def viewset(model_class, serializer_class, *, related=(), filters=()):
    return type(
        f"{model_class.__name__}ViewSet",
        (PublicityViewSet,),
        {
            "queryset": model_class.objects.select_related(*related),
            "serializer_class": serializer_class,
            "filterset_fields": list(filters),
            "__doc__": f"{model_class._meta.verbose_name}（按管辖范围）。",
        },
    )


class ActivityViewSet(PublicityViewSet):
    """普法活动（按管辖范围）。"""

    queryset = Activity.objects.with_related()
    serializer_class = ActivitySerializer
    filterset_fields = {
        "date": ["gte", "lte"],
        "form": ["exact"],
        "status": ["exact"],
        "concentrated": ["exact"],
        "campaign": ["exact"],
        "villages__code": ["exact"],
        "themes__name": ["exact"],
    }


class ThemeSerializer(serializers.ModelSerializer):
    class Meta:
        model = Theme
        fields = ["id", "name"]


class ThemeViewSet(viewsets.ReadOnlyModelViewSet):
    """普法主题（全系统共用的配置）。"""

    permission_classes = [permissions.IsAuthenticated, HasCapability]
    capability = "publicity"
    queryset = Theme.objects.filter(active=True)
    serializer_class = ThemeSerializer
    pagination_class = None


def register(router):
    router.register("publicity/activities", ActivityViewSet, basename="publicity-activity")
    router.register("publicity/themes", ThemeViewSet, basename="publicity-theme")
    router.register(
        "publicity/understanders",
        viewset(LawUnderstander, LawUnderstanderSerializer, related=["region"], filters=["active"]),
        basename="publicity-understander",
    )
    router.register(
        "publicity/screens",
        viewset(Screen, ScreenSerializer, related=["region"], filters=["status"]),
        basename="publicity-screen",
    )
    router.register(
        "publicity/exam-scores",
        type(
            "ExamScoreViewSet",
            (PublicityViewSet,),
            {
                "queryset": ExamScore.objects.select_related("exam", "cadre"),
                "serializer_class": ExamScoreSerializer,
                "filterset_fields": ["exam"],
                "__doc__": "考试成绩（按管辖范围）。",
            },
        ),
        basename="publicity-exam-score",
    )
    paths = {
        Campaign: "campaigns",
        ResponsibilityList: "responsibility-lists",
        KeyDate: "key-dates",
        Training: "trainings",
        ScreenContent: "screen-contents",
        Cadre: "cadres",
        StudySession: "study-sessions",
        Exam: "exams",
    }
    for model_class, path in paths.items():
        router.register(
            f"publicity/{path}",
            viewset(model_class, SERIALIZERS[model_class], related=["region"]),
            basename=f"publicity-{path[:-1]}",
        )
