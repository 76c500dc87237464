from datetime import date

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect

from fazhi.accounts.scope import get_for_user_or_404
from fazhi.core.keyword import keyword_filter
from fazhi.regions.selectors import in_linked_region

PAGE_SIZE = 25


def run_service(form, service, **kwargs):
    """Call a service; on a rule violation put its Chinese messages on the form
    (next to the field when the form has it) and return None."""
    try:
        return service(**kwargs)
    except ValidationError as error:
        if hasattr(error, "error_dict"):
            for field, messages in error.message_dict.items():
                form.add_error(field if field in form.fields else None, messages)
        else:
            form.add_error(None, error)  # an EditConflict refreshes the form's version
        return None


def _date(value: str) -> date | None:
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError):
        return None


def filter_cases(queryset, params, *, dates: dict[str, tuple[str, str]], search: list[str]):
    """The list filters: a search word, and a year or a date range on one of
    the case's dates (`dates`: key → (field, label); the first is the default,
    `?by=key` picks another, as the metrics' list links do)."""
    by = params.get("by") if params.get("by") in dates else next(iter(dates))
    date_field = dates[by][0]
    filters = {
        "q": params.get("q", "").strip(),
        "year": params.get("year", ""),
        "by": by,
        "by_choices": [(key, label) for key, (_, label) in dates.items()],
    }
    queryset = keyword_filter(queryset, value=filters["q"], fields=search)
    queryset = in_linked_region(queryset, params)
    if filters["year"].isdigit():
        queryset = queryset.filter(**{f"{date_field}__year": int(filters["year"])})
    since, until = _date(params.get("since")), _date(params.get("until"))
    if since:
        queryset = queryset.filter(**{f"{date_field}__gte": since})
        filters["since"] = since
    if until:
        queryset = queryset.filter(**{f"{date_field}__lte": until})
        filters["until"] = until
    if "__" in date_field:  # a date on related rows (hearings): one row per case
        queryset = queryset.distinct()
    return queryset, filters


def paginate(request, queryset):
    return Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))


def case_action(request, *, model, pk, form_class, form_name, service, case_arg, detail):
    """A POST on one case: validate the form, run the service and go back to
    the case; on an error show the case again with the form's messages."""
    case = get_for_user_or_404(model, request.user, pk=pk)
    form = form_class(request.POST)
    if form.is_valid() and run_service(form, service, **{case_arg: case}, **form.cleaned_data):
        messages.success(request, "已保存。")
        return redirect(case)
    return detail(request, pk, **{form_name: form})
