"""A village or organisation picker that stays small at county scale.

A county's list filter would otherwise render every village and organisation
as an `<option>` (over a thousand). `SearchSelect` renders the first
`LIMIT` choices and the chosen one; a search box beside it fetches the
matches from `regions:options` (htmx) as the person types. Without
JavaScript the select still works with the options it has.
"""

from django import forms
from django.db.models import Q
from django.urls import reverse

LIMIT = 30


class SearchSelect(forms.Select):
    template_name = "regions/widgets/search_select.html"

    def __init__(self, *, source: str, kinds=(), attrs=None):
        super().__init__(attrs)
        self.source, self.kinds = source, tuple(kinds)

    def optgroups(self, name, value, attrs=None):
        queryset = getattr(self.choices, "queryset", None)
        if queryset is None:
            return super().optgroups(name, value, attrs)
        chosen = [v for v in value if v]
        shown = list(queryset[:LIMIT])
        shown += [obj for obj in queryset.filter(pk__in=chosen) if obj not in shown]
        options = [("", self.choices.field.empty_label or "全部")]
        options += [(obj.pk, self.choices.field.label_from_instance(obj)) for obj in shown]
        groups = []
        for index, (option_value, label) in enumerate(options):
            selected = str(option_value) in chosen
            option = self.create_option(name, option_value, label, selected, index, attrs=attrs)
            groups.append((None, [option], index))
        return groups

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["options_url"] = reverse("regions:options")
        context["widget"]["source"] = self.source
        context["widget"]["kinds"] = ",".join(self.kinds)
        context["widget"]["selected"] = ",".join(str(v) for v in context["widget"]["value"] if v)
        return context


def options_for(user, *, source: str, kinds: list[str], term: str, selected: list[str]):
    """The choices `user` may pick for `source` whose name contains `term`, capped."""
    from fazhi.regions.models import Organisation, Region

    if source == "villages":
        queryset = Region.objects.for_user(user).villages()
    elif source == "organisations":
        queryset = Organisation.objects.for_user(user)
        if kinds:
            queryset = queryset.filter(kind__in=kinds)
    else:
        return [], []
    chosen = list(queryset.filter(pk__in=[s for s in selected if s.isdigit()]))
    if term:
        queryset = queryset.filter(Q(name__icontains=term) | Q(pk__in=[c.pk for c in chosen]))
    found = list(queryset[:LIMIT])
    return found + [c for c in chosen if c not in found], chosen
