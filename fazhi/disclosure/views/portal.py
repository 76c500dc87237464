"""The public portal (/gongkai/): no login, published posts only, personal data masked.

Every page but the query form is kept in the cache (`guard.portal_cached`)
until something is published, withdrawn or answered publicly. Each page runs
a fixed number of queries whatever the number of posts.
"""

from django.core import signing
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.http import require_GET

from fazhi.attachments.views import INLINE_TYPES, attachment_response
from fazhi.core.keyword import keyword_filter
from fazhi.disclosure import services
from fazhi.disclosure.forms import PublicQueryForm, PublicRequestForm
from fazhi.disclosure.guard import (
    PORTAL_SECONDS,
    captcha_check,
    captcha_new,
    portal_cached,
    rate_limited,
)
from fazhi.disclosure.models import Category, InfoRequest, Post, Query, QueryStatus
from fazhi.disclosure.text import mask_personal_data, render_body
from fazhi.personal import mask_phone
from fazhi.regions.models import Region

PER_PAGE = 20


def _region(code: str) -> Region:
    region = Region.objects.filter(code=code, level__in=(4, 5)).select_related("parent").first()
    if region is None:
        raise Http404("没有这个乡镇或村(社区)。")
    return region


def _page(request, queryset):
    return Paginator(queryset, PER_PAGE).get_page(request.GET.get("page"))


@require_GET
@portal_cached
def home(request):
    towns = Region.objects.towns().order_by("code")
    villages = Region.objects.villages().order_by("code")
    by_town = {town: [v for v in villages if v.code.startswith(town.prefix)] for town in towns}
    latest = Post.objects.public()[:10]
    return render(request, "disclosure/public/home.html", {"by_town": by_town, "latest": latest})


@require_GET
@portal_cached
def region_page(request, code):
    region = _region(code)
    posts = Post.objects.public().filter(region=region)
    context = {"region": region, "page": _page(request, posts)}
    if region.level == 4:
        context["villages"] = Region.objects.villages().filter(parent=region).order_by("code")
    else:
        context["categories"] = (
            Category.objects.applying_to(region)
            .filter(year__in=posts.values("year"))
            .order_by("-year", "order", "id")
        )
        context["answers"] = Query.objects.filter(
            region=region, status=QueryStatus.ANSWERED, answer_public=True
        ).order_by("-answered_on")[:10]
    return render(request, "disclosure/public/region.html", context)


@require_GET
@portal_cached
def category_page(request, code, category):
    region = _region(code)
    category = get_object_or_404(Category.objects.applying_to(region), pk=category)
    posts = (
        Post.objects.public()
        .filter(region=region, category=category)
        .order_by("-year", "-period", "-published_on")
    )
    return render(
        request,
        "disclosure/public/category.html",
        {"region": region, "category": category, "page": _page(request, posts)},
    )


@require_GET
@portal_cached
def post_page(request, pk):
    post = get_object_or_404(Post.objects.public(), pk=pk)
    attachments = services.attachments_of(post).only("original_name", "content_type", "description")
    files = [
        {
            "id": a.id,
            "name": mask_personal_data(a.original_name),
            "alt": mask_personal_data(a.description or a.original_name.rsplit(".", 1)[0]),
            "served": services.served_publicly(a),
            "image": a.content_type in INLINE_TYPES,
        }
        for a in attachments
    ]
    return render(
        request,
        "disclosure/public/post.html",
        {
            "post": post,
            "title": mask_personal_data(post.title),
            "body": render_body(post.body),
            "photos": [f for f in files if f["image"]],
            "attachments": [f for f in files if not f["image"]],
        },
    )


@require_GET
def attachment(request, pk, attachment):
    """A file of a published post, to anyone: only what publishing checked or a photo,
    as a download (a photo may show inline), never as a page."""
    post = get_object_or_404(Post.objects.published(), pk=pk)
    found = services.attachments_of(post).filter(pk=attachment).first()
    if found is None or not services.served_publicly(found):
        raise Http404("没有这个附件。")
    response = attachment_response(found)
    response["Cache-Control"] = f"public, max-age={PORTAL_SECONDS}"
    return response


@require_GET
@portal_cached
def search(request):
    q = (request.GET.get("q") or "")[:50]
    posts = Post.objects.public()
    posts = (
        keyword_filter(posts, value=q, fields=("title", "body", "region__name"))
        if q
        else posts.none()
    )
    return render(request, "disclosure/public/search.html", {"q": q, "page": _page(request, posts)})


def _guard_passed(request, form) -> bool:
    """The captcha and the per-address limit every public form passes (errors on `form`)."""
    data = form.cleaned_data
    problem = captcha_check(data["captcha_token"], data["captcha"])
    if problem:
        form.add_error("captcha", problem)
        return False
    if rate_limited(request):
        form.add_error(None, "同一网络地址一小时内提交过多，请稍后再试，或到现场当面提出。")
        return False
    return True


def _add_service_errors(form, error: ValidationError) -> None:
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, found in error.error_dict.items():
        form.add_error(field if field in form.fields else None, found)


def _with_new_captcha(form) -> str:
    """A fresh question for the form shown again (a used token never works twice)."""
    question, token = captcha_new()
    if form.is_bound:
        data = form.data.copy()
        data["captcha_token"], data["captcha"] = token, ""
        form.data = data
    else:
        form.initial["captcha_token"] = token
    return question


@csrf_protect
def query_form(request, code):
    region = _region(code)
    if region.level != 5:
        raise Http404("质询请向村(社区)提出。")
    form = PublicQueryForm(request.POST or None, initial={"post": request.GET.get("post")})
    if request.method == "POST" and form.is_valid() and _guard_passed(request, form):
        data = form.cleaned_data
        post = Post.objects.public().filter(pk=data["post"], region=region).first()
        try:
            services.query_submit(
                region=region, name=data["name"], phone=data["phone"],
                content=data["content"], post=post,
            )  # fmt: skip
        except ValidationError as error:
            _add_service_errors(form, error)
        else:
            return redirect(reverse("disclosure_public:query", args=[region.code]) + "?sent=1")
    question = _with_new_captcha(form)
    return render(
        request,
        "disclosure/public/query_form.html",
        {"region": region, "form": form, "question": question, "sent": "sent" in request.GET},
    )


RECEIPT_SALT = "fazhi.disclosure.request-receipt"
RECEIPT_SECONDS = 7 * 24 * 3600


@csrf_protect
def request_form(request, code):
    """The public's online application for government information, to a township."""
    region = _region(code)
    if region.level != 4:
        raise Http404("政府信息公开申请请向乡镇人民政府提出。")
    form = PublicRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid() and _guard_passed(request, form):
        data = {k: v for k, v in form.cleaned_data.items() if not k.startswith("captcha")}
        try:
            applied = services.request_apply_online(region=region, **data)
        except ValidationError as error:
            _add_service_errors(form, error)
        else:
            receipt = signing.dumps(applied.pk, salt=RECEIPT_SALT)
            return redirect("disclosure_public:request_receipt", code=region.code, receipt=receipt)
    question = _with_new_captcha(form)
    return render(
        request,
        "disclosure/public/request_form.html",
        {"region": region, "form": form, "question": question},
    )


def request_receipt(request, code, receipt):
    """The acknowledgement: only whoever holds the signed link sees it."""
    try:
        pk = signing.loads(receipt, salt=RECEIPT_SALT, max_age=RECEIPT_SECONDS)
    except signing.BadSignature:
        raise Http404("回执链接无效或已过期。") from None
    applied = get_object_or_404(InfoRequest, pk=pk, region__code=code)
    response = render(
        request,
        "disclosure/public/request_receipt.html",
        {"region": applied.region, "applied": applied, "phone": mask_phone(applied.contact)},
    )
    response["Cache-Control"] = "private, no-store"
    return response


def post_json(post) -> dict:
    return {
        "id": post.id,
        "region": post.region.name,
        "region_code": post.region.code,
        "category": post.category.name,
        "period": post.period_label,
        "title": mask_personal_data(post.title),
        "text": mask_personal_data(post.body),
        "published_on": post.published_on.isoformat(),
        "url": reverse("disclosure_public:post", args=[post.id]),
    }


@require_GET
@portal_cached
def posts_json(request):
    """Read-only JSON of published posts (masked): ?region=<code> narrows it;
    the village's LED screen page may read it (`?region=…&limit=5`)."""
    posts = Post.objects.public()
    code = request.GET.get("region", "")
    if code:
        region = _region(code)
        posts = posts.filter(region__in=Region.objects.under(region.prefix))
    limit = request.GET.get("limit", "")
    page = _page(request, posts)
    rows = [post_json(p) for p in page.object_list]
    if limit.isdigit():
        rows = rows[: int(limit)]
    return JsonResponse(
        {"count": page.paginator.count, "page": page.number, "results": rows},
        json_dumps_params={"ensure_ascii": False},
    )
