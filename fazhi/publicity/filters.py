import django_filters
from django import forms
from django.db.models import Q

from fazhi.accounts.filters import ScopedFilterSet
from fazhi.core.keyword import keyword_filter
from fazhi.core.periods import parse_year
from fazhi.publicity.models import Activity, Campaign, Form, Status, Theme
from fazhi.publicity.search import ACTIVITY_FIELDS, CAMPAIGN_FIELDS
from fazhi.regions.models import Region
from fazhi.regions.widgets import SearchSelect


def _villages(request):
    return Region.objects.for_user(request.user).villages() if request else Region.objects.none()


def _campaigns(request):
    return Campaign.objects.for_user(request.user) if request else Campaign.objects.none()


class DateInput(forms.DateInput):
    input_type = "date"


def _search_box(placeholder: str):
    return forms.TextInput(attrs={"type": "search", "placeholder": placeholder})


class ActivityFilter(ScopedFilterSet):
    q = django_filters.CharFilter(
        label="关键词", method="search", widget=_search_box("活动名称、地点、备注")
    )
    since = django_filters.DateFilter(
        label="起始日期", field_name="date", lookup_expr="gte", widget=DateInput
    )
    until = django_filters.DateFilter(
        label="截止日期", field_name="date", lookup_expr="lte", widget=DateInput
    )
    village = django_filters.ModelChoiceFilter(
        label="覆盖村（社区）",
        field_name="villages",
        queryset=_villages,
        widget=SearchSelect(source="villages"),
    )
    form = django_filters.ChoiceFilter(label="形式", choices=Form.choices)
    theme = django_filters.ModelChoiceFilter(
        label="主题", field_name="themes", queryset=Theme.objects.all()
    )
    campaign = django_filters.ModelChoiceFilter(label="专项", queryset=_campaigns)
    concentrated = django_filters.BooleanFilter(
        label="集中开展",
        widget=forms.Select(choices=[("", "全部"), ("1", "是"), ("0", "否")]),
    )
    status = django_filters.ChoiceFilter(label="状态", choices=Status.choices)
    region = django_filters.CharFilter(
        label="区划代码", method="filter_region", widget=forms.HiddenInput
    )

    class Meta:
        model = Activity
        fields = [
            "q",
            "since",
            "until",
            "village",
            "form",
            "theme",
            "campaign",
            "concentrated",
            "status",
        ]

    def search(self, queryset, name, value):
        return keyword_filter(queryset, value=value, fields=ACTIVITY_FIELDS)

    def filter_region(self, queryset, name, value):
        region = Region.objects.filter(code=value).first()
        return queryset.in_region(region) if region else queryset.none()


class CampaignFilter(ScopedFilterSet):
    q = django_filters.CharFilter(label="关键词", method="search", widget=_search_box("名称、说明"))
    name = django_filters.CharFilter(label="专项名称", lookup_expr="icontains")
    year = django_filters.CharFilter(label="年度", method="filter_year", widget=forms.NumberInput)

    class Meta:
        model = Campaign
        fields = ["q", "name", "year"]

    def search(self, queryset, name, value):
        return keyword_filter(queryset, value=value, fields=CAMPAIGN_FIELDS)

    def filter_year(self, queryset, name, value):
        """Campaigns running at some time in the year (an open end runs on)."""
        year = parse_year(value)  # 400 for a year no campaign can have (0, 99999)
        return queryset.filter(start_date__year__lte=year).filter(
            Q(end_date__isnull=True) | Q(end_date__year__gte=year)
        )
