"""The small toolkit every page uses, so that a fix lands everywhere at once.

- `form_errors`: a service's ValidationError shown on the form, next to the
  field it names (the rest above the form);
- `run_service`: call a service from a view; on a rule violation put its
  messages on the form and return None;
- `paginate`: one page of a list from `?page=`;
- `record_action`: a POST on one record (validate a small form, run the
  service, go back to the record; on an error show the record again).

The period of a page comes from `fazhi.core.periods` (`year_from`,
`period_from`), the record from `fazhi.core.scope.get_for_user_or_404`.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Page, Paginator
from django.shortcuts import redirect

from fazhi.core.scope import get_for_user_or_404

PAGE_SIZE = 50


def form_errors(form, error: ValidationError) -> None:
    """Put a service's ValidationError next to the form field it names."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)  # an EditConflict refreshes the form's version
        return
    for field, found in error.error_dict.items():
        form.add_error(field if field in form.fields else None, found)


def run_service(form, service, **kwargs):
    """Call a service; on a rule violation show its Chinese messages on the form
    and return None."""
    try:
        return service(**kwargs)
    except ValidationError as error:
        form_errors(form, error)
        return None


def paginate(request, queryset, *, per_page: int = PAGE_SIZE) -> Page:
    return Paginator(queryset, per_page).get_page(request.GET.get("page"))


def record_action(request, *, model, pk, form_class, form_name, service, record_arg, detail):
    """A POST on one record: validate the form, run the service and go back to
    the record; on an error show the record again with the form's messages."""
    record = get_for_user_or_404(model, request.user, pk=pk)
    form = form_class(request.POST)
    if form.is_valid() and run_service(form, service, **{record_arg: record}, **form.cleaned_data):
        messages.success(request, "已保存。")
        return redirect(record)
    return detail(request, pk, **{form_name: form})
