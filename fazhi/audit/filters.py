import django_filters

from fazhi.audit.models import Action, AuditEntry


class AuditFilter(django_filters.FilterSet):
    username = django_filters.CharFilter(label="账号", lookup_expr="icontains")
    action = django_filters.ChoiceFilter(label="操作", choices=Action.choices)
    object_type = django_filters.CharFilter(label="对象类型", lookup_expr="icontains")
    ip_address = django_filters.CharFilter(label="来源地址")
    since = django_filters.DateFilter(label="起始日期", field_name="at", lookup_expr="date__gte")
    until = django_filters.DateFilter(label="截止日期", field_name="at", lookup_expr="date__lte")

    class Meta:
        model = AuditEntry
        fields = ["username", "action", "object_type", "ip_address", "since", "until"]
