import django_filters
from django import forms

from fazhi.publicity.models import Activity, Campaign, Form, Status, Theme
from fazhi.regions.models import Region


def _villages(request):
    return Region.objects.for_user(request.user).villages() if request else Region.objects.none()


def _campaigns(request):
    return Campaign.objects.for_user(request.user) if request else Campaign.objects.none()


class DateInput(forms.DateInput):
    input_type = "date"


class ActivityFilter(django_filters.FilterSet):
    since = django_filters.DateFilter(
        label="起始日期", field_name="date", lookup_expr="gte", widget=DateInput
    )
    until = django_filters.DateFilter(
        label="截止日期", field_name="date", lookup_expr="lte", widget=DateInput
    )
    village = django_filters.ModelChoiceFilter(
        label="覆盖村（社区）", field_name="villages", queryset=_villages
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
            "since",
            "until",
            "village",
            "form",
            "theme",
            "campaign",
            "concentrated",
            "status",
        ]

    def filter_region(self, queryset, name, value):
        region = Region.objects.filter(code=value).first()
        return queryset.in_region(region) if region else queryset.none()
