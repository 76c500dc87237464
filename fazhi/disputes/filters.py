import django_filters
from django import forms

from fazhi.accounts.filters import ScopedFilterSet
from fazhi.core.keyword import keyword_filter
from fazhi.core.periods import parse_year
from fazhi.disputes.models import (
    MEDIATION_KINDS,
    Dispute,
    DisputeType,
    Outcome,
    Risk,
    Source,
    Status,
)
from fazhi.disputes.search import DISPUTE_FIELDS
from fazhi.regions.models import Organisation, Region
from fazhi.regions.widgets import SearchSelect

# Yes/no filters: empty means every record ("全部"), not Django's "未知".
YES_NO_ALL = [("", "全部"), ("true", "是"), ("false", "否")]


def _villages(request):
    if request is None:
        return Region.objects.none()
    return Region.objects.for_user(request.user).villages()


def _organisations(request):
    if request is None:
        return Organisation.objects.none()
    return Organisation.objects.for_user(request.user).filter(kind__in=MEDIATION_KINDS)


class DisputeFilter(ScopedFilterSet):
    """The list's, the ledger's and the API's filters: one definition."""

    q = django_filters.CharFilter(
        label="关键词",
        method="search",
        widget=forms.TextInput(
            attrs={"type": "search", "placeholder": "编号、简要情况、当事人姓名"}
        ),
    )
    region = django_filters.ModelChoiceFilter(
        label="村(社区)", queryset=_villages, widget=SearchSelect(source="villages")
    )
    dispute_type = django_filters.ModelChoiceFilter(
        label="类型", queryset=DisputeType.objects.all()
    )
    source = django_filters.ChoiceFilter(label="来源", choices=Source.choices)
    status = django_filters.ChoiceFilter(label="状态", choices=Status.choices)
    outcome = django_filters.ChoiceFilter(label="结果", choices=Outcome.choices)
    risk = django_filters.ChoiceFilter(label="风险", choices=Risk.choices)
    year = django_filters.CharFilter(label="年度", method="in_year", widget=forms.NumberInput)
    organisation = django_filters.ModelChoiceFilter(
        label="调解组织",
        queryset=_organisations,
        widget=SearchSelect(source="organisations", kinds=MEDIATION_KINDS),
    )
    overdue = django_filters.BooleanFilter(
        label="超过调解期限", method="only_overdue", widget=forms.Select(choices=YES_NO_ALL)
    )
    follow_up_due = django_filters.BooleanFilter(
        label="待回访", method="only_follow_up_due", widget=forms.Select(choices=YES_NO_ALL)
    )

    class Meta:
        model = Dispute
        fields = []

    def search(self, queryset, name, value):
        return keyword_filter(queryset, value=value, fields=DISPUTE_FIELDS)

    def in_year(self, queryset, name, value):
        year = parse_year(value)  # 400 for a year no record can have (0, 99999)
        return queryset.filter(registered_on__year=year) if year else queryset

    def only_overdue(self, queryset, name, value):
        return queryset.overdue() if value else queryset

    def only_follow_up_due(self, queryset, name, value):
        return queryset.follow_up_due() if value else queryset
