"""Staff pages: the overview, the catalogue, supervisors, posts and queries."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from fazhi.core.keyword import keyword_filter
from fazhi.core.periods import linked_period, year_from
from fazhi.core.permissions import capability_required
from fazhi.core.roles import can
from fazhi.core.scope import get_for_user_or_404
from fazhi.core.web import paginate, run_service
from fazhi.disclosure import selectors, services
from fazhi.disclosure.forms import (
    AnswerForm,
    CategoryForm,
    ModerateForm,
    PostForm,
    ReasonForm,
    SupervisorForm,
)
from fazhi.disclosure.models import (
    Category,
    Post,
    Query,
    QueryStatus,
    Status,
    Supervisor,
)
from fazhi.disclosure.text import render_body
from fazhi.disclosure.views.common import act, crumbs, form_page
from fazhi.regions.selectors import in_linked_region

ACCEPTED = "accepted"

CAP = "disclosure"


@capability_required(CAP)
def index(request):
    return render(
        request,
        "disclosure/index.html",
        {"breadcrumbs": crumbs(), "can_edit": can(request.user, CAP, edit=True)},
    )


def _scope_region(user):
    return getattr(user, "active_region", None) or user.region


@capability_required(CAP)
def overview(request):
    today = timezone.localdate()
    year = year_from(request, default=today.year)
    region = _scope_region(request.user)
    slots = selectors.coverage(region, year, today) if region else []
    shown = [s for s in slots if s.state in ("late", "missing")]
    return render(
        request,
        "disclosure/overview.html",
        {
            "year": year,
            "slots": shown,
            "late": selectors.late_villages(slots),
            "total": len(slots),
            "breadcrumbs": crumbs(("公开情况总览", "")),
        },
    )


@capability_required(CAP)
def catalogue(request):
    year = year_from(request, default=timezone.localdate().year)
    categories = (
        Category.objects.choosable_by(request.user)
        .filter(year=year)
        .select_related("region")
        .prefetch_related("villages")
    )
    return render(
        request,
        "disclosure/catalogue.html",
        {
            "year": year,
            "categories": categories,
            "can_edit": request.user.role == "town_officer",
            "breadcrumbs": crumbs(("公开目录", "")),
        },
    )


@capability_required(CAP, edit=True)
def category_edit(request, pk=None):
    category = get_for_user_or_404(Category, request.user, pk=pk) if pk else None
    form = CategoryForm(request.POST or None, instance=category, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        saved = run_service(
            form,
            services.category_save,
            user=request.user,
            category=category,
            version=data.get("version"),
            **{k: data[k] for k in CategoryForm.Meta.fields},
        )
        if saved:
            messages.success(request, "已保存。")
            return redirect(reverse("disclosure:catalogue") + f"?year={saved.year}")
    back = reverse("disclosure:catalogue")
    return form_page(
        request, form, title="编辑公开事项" if category else "新增公开事项", back=back,
        trail=[("公开目录", back)],
    )  # fmt: skip


@capability_required(CAP)
def supervisors(request):
    form = SupervisorForm(request.POST or None, user=request.user)
    if request.method == "POST":
        if not can(request.user, CAP, edit=True):
            return redirect("disclosure:supervisors")
        if form.is_valid() and run_service(
            form, services.supervisor_assign, user=request.user, **form.cleaned_data
        ):
            messages.success(request, "已登记。")
            return redirect("disclosure:supervisors")
    rows = Supervisor.objects.for_user(request.user).select_related("region", "user")
    return render(
        request,
        "disclosure/supervisors.html",
        {
            "rows": rows,
            "form": form,
            "can_edit": request.user.role == "town_officer",
            "breadcrumbs": crumbs(("村务监督委员会", "")),
        },
    )


@capability_required(CAP)
def posts(request):
    """Posts; a figure's link (`?region=&since=&until=&by=published`) lists the posts
    published in the period, withdrawn ones included (they were published)."""
    records = Post.objects.for_user(request.user).select_related("region", "category")
    records = in_linked_region(records, request.GET)
    period = linked_period(request.GET)
    if period is not None:
        records = records.filter(published_on__range=(period.start, period.end))
    status = request.GET.get("status", "")
    if status in Status.values:
        records = records.filter(status=status)
    if request.GET.get("year", "").strip():
        records = records.filter(year=year_from(request))
    records = keyword_filter(
        records, value=request.GET.get("q"), fields=("title", "body", "region__name")
    )
    return render(
        request,
        "disclosure/posts.html",
        {
            "page": paginate(request, records),
            "statuses": Status.choices,
            "status": status,
            "can_edit": can(request.user, CAP, edit=True),
            "breadcrumbs": crumbs(("公开内容", "")),
        },
    )


@capability_required(CAP, edit=True)
def post_edit(request, pk=None):
    post = get_for_user_or_404(Post, request.user, pk=pk) if pk else None
    initial = {"year": timezone.localdate().year}
    for name in ("category", "period"):
        if request.GET.get(name, "").isdigit():
            initial[name] = int(request.GET[name])
    form = PostForm(
        request.POST or None, request.FILES or None, instance=post, user=request.user,
        initial=initial,
    )  # fmt: skip
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        saved = run_service(
            form,
            services.post_save,
            user=request.user,
            post=post,
            version=data.get("version"),
            uploads=data.get("uploads") or [],
            **{k: data[k] for k in PostForm.Meta.fields},
        )
        if saved:
            messages.success(request, "已保存草稿。")
            return redirect(saved)
    back = post.get_absolute_url() if post else reverse("disclosure:posts")
    return form_page(
        request, form, title="修改公开内容" if post else "起草公开内容", back=back,
        trail=[("公开内容", reverse("disclosure:posts"))],
    )  # fmt: skip


@capability_required(CAP)
def post_detail(request, pk, reason_form=None):
    post = get_for_user_or_404(
        Post.objects.select_related("region", "category"), request.user, pk=pk
    )
    user = request.user
    return render(
        request,
        "disclosure/post_detail.html",
        {
            "post": post,
            "body": render_body(post.body),
            "events": post.history.select_related("history_user").order_by("history_date"),
            "attachments": services.attachments_of(post),
            "can_edit": can(user, CAP, edit=True),
            "can_review": services.is_supervisor(user, post.region)
            and post.created_by_id != user.id,
            "reason_form": reason_form or ReasonForm(),
            "problems": services.personal_data_problems(post)
            if post.status == Status.SUBMITTED
            else [],
            "breadcrumbs": crumbs(("公开内容", reverse("disclosure:posts")), (post.title, "")),
        },
    )


def _post_action(request, pk, service, done, *, with_reason=False):
    post = get_for_user_or_404(Post, request.user, pk=pk)
    kwargs = {"post": post}
    form = None
    if with_reason:
        form = ReasonForm(request.POST)
        kwargs["reason"] = request.POST.get("reason", "")
    return act(request, post, form, service, done, **kwargs)


@require_POST
@capability_required(CAP, edit=True)
def post_submit(request, pk):
    return _post_action(request, pk, services.post_submit, "已提交村务监督委员会审核。")


@require_POST
@capability_required(CAP, edit=True)
def post_approve(request, pk):
    return _post_action(request, pk, services.post_approve, "审核通过，已公开并报乡镇备案。")


@require_POST
@capability_required(CAP, edit=True)
def post_return(request, pk):
    return _post_action(request, pk, services.post_return, "已退回。", with_reason=True)


@require_POST
@capability_required(CAP, edit=True)
def post_withdraw(request, pk):
    return _post_action(request, pk, services.post_withdraw, "已撤回。", with_reason=True)


@require_POST
@capability_required(CAP, edit=True)
def post_push_to_screen(request, pk):
    return _post_action(
        request, pk, services.post_push_to_screen, "已推送，本村LED屏将播放本条标题10日。"
    )


@capability_required(CAP)
def queries(request):
    records = Query.objects.for_user(request.user).select_related("region", "post")
    records = in_linked_region(records, request.GET)
    period = linked_period(request.GET)
    if period is not None:
        records = records.filter(received_at__date__range=(period.start, period.end))
    status = request.GET.get("status", "")
    if status in QueryStatus.values:
        records = records.filter(status=status)
    elif status == ACCEPTED:  # accepted: waiting for the answer or answered
        records = records.filter(status__in=(QueryStatus.OPEN, QueryStatus.ANSWERED))
    records = keyword_filter(
        records, value=request.GET.get("q"), fields=("content", "name", "region__name")
    )
    return render(
        request,
        "disclosure/queries.html",
        {
            "page": paginate(request, records),
            "statuses": [*QueryStatus.choices, (ACCEPTED, "已受理（待答复和已答复）")],
            "status": status,
            "breadcrumbs": crumbs(("群众质询", "")),
        },
    )


@capability_required(CAP)
def query_detail(request, pk):
    query = get_for_user_or_404(Query.objects.select_related("region", "post"), request.user, pk=pk)
    return render(
        request,
        "disclosure/query_detail.html",
        {
            "query": query,
            "moderate_form": ModerateForm(),
            "answer_form": AnswerForm(),
            "can_edit": can(request.user, CAP, edit=True),
            "breadcrumbs": crumbs(("群众质询", reverse("disclosure:queries")), ("质询", "")),
        },
    )


@require_POST
@capability_required(CAP, edit=True)
def query_moderate(request, pk):
    query = get_for_user_or_404(Query, request.user, pk=pk)
    form = ModerateForm(request.POST)
    if not form.is_valid():
        messages.error(request, "请选择审核结果。")
        return redirect(query)
    return act(request, query, None, services.query_moderate, "已审核。", query=query,
               **form.cleaned_data)  # fmt: skip


@require_POST
@capability_required(CAP, edit=True)
def query_escalate(request, pk):
    query = get_for_user_or_404(Query, request.user, pk=pk)
    return act(request, query, None, services.query_escalate, "已转乡镇答复。", query=query)


@require_POST
@capability_required(CAP, edit=True)
def query_answer(request, pk):
    query = get_for_user_or_404(Query, request.user, pk=pk)
    form = AnswerForm(request.POST)
    if not form.is_valid():
        messages.error(request, "答复内容：不能为空。")
        return redirect(query)
    return act(request, query, None, services.query_answer, "已答复。", query=query,
               answer=form.cleaned_data["answer"], public=form.cleaned_data["public"])  # fmt: skip
