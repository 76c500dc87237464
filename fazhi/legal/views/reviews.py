from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from fazhi.attachments.models import Attachment
from fazhi.attachments.views import attachment_response
from fazhi.core.keyword import keyword_filter
from fazhi.core.periods import linked_period
from fazhi.core.permissions import capability_required
from fazhi.core.roles import Role
from fazhi.core.scope import get_for_user_or_404
from fazhi.core.web import form_errors, paginate
from fazhi.legal.forms import OpinionForm, ReviewRequestForm
from fazhi.legal.models import Advisor, Decision, ReviewRequest, SubjectKind
from fazhi.legal.search import REVIEW_FIELDS
from fazhi.legal.services import review_opinion_give, review_request_send
from fazhi.legal.views.common import PAGE_SIZE, excel_response, office_required, today
from fazhi.regions.selectors import in_linked_region

CRUMB = ("法律顾问与重大决策", "/legal/")


def _filtered_reviews(request):
    reviews = ReviewRequest.objects.for_user(request.user).select_related("reviewer", "decision")
    reviews = keyword_filter(reviews, value=request.GET.get("q"), fields=REVIEW_FIELDS)
    reviews = in_linked_region(reviews, request.GET)
    period = linked_period(request.GET)
    if period:
        reviews = reviews.sent_in(period)
    status = request.GET.get("status")
    if status == "pending":
        reviews = reviews.pending()
    elif status == "answered":
        reviews = reviews.answered()
    if request.GET.get("kind"):
        reviews = reviews.filter(subject_kind=request.GET["kind"])
    return reviews


@capability_required("legal")
def review_list(request):
    """Legal advisors land here: the scope rule shows them only the requests sent to them."""
    reviews = _filtered_reviews(request)
    if request.GET.get("export") == "xlsx":
        return excel_response(
            "合法性审查台账",
            ["送审日期", "审查对象", "审查事项", "审查人", "审查期限", "审查意见", "出具日期"],
            (
                (
                    r.sent_on,
                    r.get_subject_kind_display(),
                    r.title,
                    r.reviewer.name,
                    r.due,
                    r.get_opinion_display() or "待出具",
                    r.answered_on,
                )
                for r in reviews
            ),
        )
    context = {
        "page": paginate(request, reviews, per_page=PAGE_SIZE),
        "kinds": SubjectKind.choices,
        "today": today(),
        "is_advisor": request.user.role == Role.LEGAL_ADVISOR,
        "breadcrumbs": [CRUMB, ("合法性审查", None)],
    }
    return render(request, "legal/review_list.html", context)


@office_required(edit=True)
def review_create(request):
    user = request.user
    decision = None
    if request.GET.get("decision", "").isdigit():
        decision = get_for_user_or_404(Decision, user, pk=request.GET["decision"])
    initial = {"sent_on": today()}
    if decision:
        initial.update(subject_kind=SubjectKind.DECISION, decision=decision, title=decision.title)
    form = ReviewRequestForm(
        request.POST or None,
        request.FILES or None,
        initial=initial,
        decisions=Decision.objects.for_user(user),
        advisors=Advisor.objects.for_user(user).filter(user__isnull=False),
    )
    if request.method == "POST" and form.is_valid():
        try:
            review = review_request_send(user=user, region=user.scope_region, **form.cleaned_data)
        except ValidationError as error:
            form_errors(form, error)
        else:
            messages.success(
                request, f"已送 {review.reviewer.name} 审查，期限 {review.due:%Y-%m-%d}。"
            )
            return redirect("legal:review_detail", pk=review.pk)
    return render(
        request,
        "legal/form.html",
        {
            "form": form,
            "title": "送请合法性审查",
            "multipart": True,
            "breadcrumbs": [CRUMB, ("合法性审查", reverse("legal:reviews")), ("送审", None)],
        },
    )


@capability_required("legal")
def review_detail(request, pk: int):
    review = get_for_user_or_404(
        ReviewRequest.objects.select_related("reviewer", "decision"), request.user, pk=pk
    )
    is_reviewer = review.reviewer.user_id == request.user.pk
    form = None
    if not review.is_answered and is_reviewer:
        form = OpinionForm(
            request.POST or None, request.FILES or None, initial={"answered_on": today()}
        )
    context = {
        "review": review,
        "files": Attachment.objects.of(review),
        "form": form,
        "today": today(),
        "breadcrumbs": [CRUMB, ("合法性审查", reverse("legal:reviews")), (review.title, None)],
    }
    return render(request, "legal/review_detail.html", context)


@capability_required("legal", edit=True)
def review_opinion(request, pk: int):
    review = get_for_user_or_404(
        ReviewRequest.objects.select_related("reviewer"), request.user, pk=pk
    )
    if request.method != "POST":
        return redirect("legal:review_detail", pk=pk)
    form = OpinionForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            review_opinion_give(review=review, user=request.user, **form.cleaned_data)
        except ValidationError as error:
            form_errors(form, error)
        else:
            messages.success(request, "审查意见已出具。")
            return redirect("legal:review_detail", pk=pk)
    context = {
        "review": review,
        "files": Attachment.objects.of(review),
        "form": form,
        "today": today(),
        "breadcrumbs": [CRUMB, ("合法性审查", reverse("legal:reviews")), (review.title, None)],
    }
    return render(request, "legal/review_detail.html", context, status=400)


@capability_required("legal")
def review_file(request, pk: int, attachment_pk: int):
    """A review's materials, for whoever the review's scope reaches (the advisor included)."""
    review = get_for_user_or_404(ReviewRequest, request.user, pk=pk)
    attachment = get_object_or_404(Attachment.objects.of(review), pk=attachment_pk)
    if attachment.region_id != review.region_id:
        raise PermissionDenied
    return attachment_response(attachment)
