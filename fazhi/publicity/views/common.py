"""What every publicity page needs: the scope region, the period, a form page."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from fazhi.core import periods
from fazhi.core.scope import get_for_user_or_404
from fazhi.core.web import run_service
from fazhi.metrics import Period
from fazhi.publicity.selectors import activity_latest_year
from fazhi.publicity.services import record_save
from fazhi.regions.models import Region


def crumbs(*trail):
    return [("普法宣传", reverse("publicity:index")), *trail]


def scope_region(request) -> Region:
    """The region asked for (?region=code) if the user's scope reaches it, else the user's own."""
    code = request.GET.get("region")
    if code:
        return get_for_user_or_404(Region, request.user, code=code)
    return getattr(request.user, "active_region", None) or request.user.region


def default_year(request) -> int:
    return activity_latest_year(user=request.user) or timezone.localdate().year


def period_from(request) -> Period:
    """The kernel's period from the request; without one, the latest year with activities."""
    return periods.period_from(request, default_year=lambda: default_year(request))


def edit_page(
    request, *, form_class, title, back, instance=None, success_url=None, form_kwargs=None
):
    """Show a record form; on a valid POST save it inside the user's scope and go back."""
    form = form_class(
        request.POST or None,
        request.FILES or None,
        instance=instance,
        user=request.user,
        **(form_kwargs or {}),
    )
    if request.method == "POST" and form.is_valid():
        record = form.save(commit=False)
        related = {
            field.name: form.cleaned_data[field.name]
            for field in record._meta.many_to_many
            if field.name in form.cleaned_data
        }
        saved = run_service(  # an EditConflict or a rule on a field not shown lands on the form
            form,
            record_save,
            user=request.user,
            record=record,
            version=form.read_version,
            submitted=form.submitted_values(),
            related=related,
        )
        if saved is not None:
            messages.success(request, f"已保存：{record}")
            if callable(success_url):
                success_url = success_url(record)
            return redirect(success_url or back)
    return render(
        request,
        "publicity/record_form.html",
        {"form": form, "title": title, "back": back, "breadcrumbs": crumbs((title, None))},
    )
