"""What every staff page of the disclosure app needs."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse

from fazhi.core.web import form_errors


def crumbs(*trail):
    return [("村务公开", reverse("disclosure:index")), *trail]


def form_page(request, form, *, title, back, trail=()):
    return render(
        request,
        "disclosure/form.html",
        {"form": form, "title": title, "back": back, "breadcrumbs": crumbs(*trail, (title, ""))},
    )


def act(request, record, form, service, done: str, **kwargs):
    """POST on one record: run the service; on a rule violation show the message."""
    try:
        service(user=request.user, **kwargs)
    except ValidationError as error:
        if form is not None:
            form_errors(form, error)
        for message in error.messages:
            messages.error(request, message)
        return redirect(record)
    messages.success(request, done)
    return redirect(record)
