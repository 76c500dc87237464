"""No page, download or API operation reaches a record outside the caller's
scope, whatever the role.

Two towns of 石柱县: 黄水镇 holds the demo's records of every kind; 西沱镇 has
its own officer, leader, village cadre, mediator and advisor. Each of them,
the county admin narrowed to 西沱镇, the system administrator and the auditor
try every record URL of every app against 黄水镇's records; 七龙社区's cadre
and mediator try them against the records of 黄水镇's other villages and of
the town itself. The answer must be 404 (outside the scope) or 403 (the role
lacks the capability) — never a page, a file or a redirect after a change —
and the record must be left as it was.

The record URLs are read from every app's urls.py: a new URL that takes an
argument fails `test_every_record_url_is_in_the_matrix` until it is placed
in RECORD_URLS (which record it opens) or NOT_RECORDS (why it opens none).
"""

from dataclasses import dataclass

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from rest_framework.test import APIClient

from fazhi.accounts.models import User
from fazhi.assessment.models import DutyRecord, Indicator, Sheet, System
from fazhi.assessment.models import Entry as AssessmentEntry
from fazhi.attachments.models import Attachment
from fazhi.cases.models import Adjudication, Lawsuit, Reconsideration
from fazhi.disclosure.models import Category, InfoRequest, Post, Query
from fazhi.disputes.models import Dispute, Finding, Handover, ScreeningReport
from fazhi.legal.models import Advisor, Catalogue, Decision, ReviewRequest
from fazhi.notices.models import Notice
from fazhi.publicity.models import (
    Activity,
    Cadre,
    Campaign,
    Exam,
    KeyDate,
    LawUnderstander,
    ResponsibilityList,
    Screen,
    ScreenContent,
    StudySession,
    Training,
)
from fazhi.regions.models import Region
from fazhi.reports.models import Report, ReportFile
from fazhi.tasks.models import Notice as SuperiorNotice
from fazhi.tasks.models import Task
from fazhi.villagelaw.models import (
    Assignment,
    Compact,
    Consultation,
    Demonstration,
    Referral,
    Visit,
)


def _pk(record):
    return {"pk": record.pk}


def _first_attachment_pk(record):
    attachment = Attachment.objects.of(record).first() or Attachment.objects.first()
    return attachment.pk if attachment else 1


# URL name → (model of the record it opens, its URL arguments from the record).
RECORD_URLS = {
    "notices:open": (Notice, _pk),
    "notices:read": (Notice, _pk),
    "accounts:user_edit": (User, _pk),
    "accounts:user_unlock": (User, _pk),
    "attachments:download": (Attachment, _pk),
    **{
        f"assessment:{name}": (System, _pk)
        for name in [
            "system",
            "system_edit",
            "system_publish",
            "system_new_version",
            "system_export",
            "sheets_create",
            "ranking",
            "indicator_create",
        ]
    },
    **{
        f"assessment:{name}": (Indicator, _pk)
        for name in ["indicator_add_child", "indicator_edit", "indicator_delete"]
    },
    **{
        f"assessment:{name}": (Sheet, _pk)
        for name in ["sheet", "sheet_submit", "sheet_finalise", "sheet_checkpoint", "sheet_pack"]
    },
    **{
        f"assessment:{name}": (AssessmentEntry, _pk)
        for name in ["entry", "entry_self", "entry_review", "entry_return"]
    },
    **{
        f"assessment:{name}": (DutyRecord, _pk)
        for name in ["duty", "duty_edit", "duty_panel", "duty_docx"]
    },
    **{
        f"cases:{name}": (Lawsuit, _pk)
        for name in [
            "lawsuit",
            "lawsuit_edit",
            "lawsuit_answer",
            "lawsuit_hearing",
            "lawsuit_decide",
            "lawsuit_appeal",
            "lawsuit_second_instance",
        ]
    },
    **{
        f"cases:{name}": (Reconsideration, _pk)
        for name in [
            "reconsideration",
            "reconsideration_edit",
            "reconsideration_answer",
            "reconsideration_extend",
            "reconsideration_decide",
        ]
    },
    **{
        f"cases:{name}": (Adjudication, _pk)
        for name in ["adjudication", "adjudication_progress", "adjudication_issue"]
    },
    **{
        f"disputes:{name}": (Dispute, _pk)
        for name in [
            "detail",
            "edit",
            "party_add",
            "assign",
            "session_add",
            "agreement_add",
            "performance",
            "agreement_docx",
            "conclude",
            "handover_add",
            "follow_up_add",
        ]
    },
    "disputes:handover_result": (
        Handover,
        lambda handover: {"pk": handover.dispute_id, "handover_pk": handover.pk},
    ),
    "disclosure:category_edit": (Category, _pk),
    **{
        f"disclosure:{name}": (Post, _pk)
        for name in [
            "post",
            "post_edit",
            "post_submit",
            "post_approve",
            "post_return",
            "post_withdraw",
            "post_screen",
        ]
    },
    **{
        f"disclosure:{name}": (Query, _pk)
        for name in ["query", "query_moderate", "query_escalate", "query_answer"]
    },
    "disclosure:request": (InfoRequest, _pk),
    "disclosure:request_letter": (InfoRequest, _pk),
    "disclosure:request_action": (
        InfoRequest,
        lambda request: {"pk": request.pk, "action": "correction"},
    ),
    "disputes:screening_detail": (ScreeningReport, _pk),
    "disputes:finding_register": (Finding, _pk),
    **{
        f"legal:{name}": (Advisor, _pk)
        for name in ["advisor_detail", "advisor_edit", "advisor_phone", "contract_add"]
    },
    "legal:review_detail": (ReviewRequest, _pk),
    "legal:review_opinion": (ReviewRequest, _pk),
    "legal:review_file": (
        ReviewRequest,
        lambda review: {"pk": review.pk, "attachment_pk": _first_attachment_pk(review)},
    ),
    **{
        f"legal:{name}": (Decision, _pk)
        for name in ["decision_detail", "decision_step", "decision_archive"]
    },
    "legal:catalogue_publish": (Catalogue, _pk),
    "villagelaw:village": (Region, lambda region: {"region_id": region.pk}),
    "villagelaw:assignment_edit": (Assignment, _pk),
    "villagelaw:visit_edit": (Visit, _pk),
    "villagelaw:consultation_detail": (Consultation, _pk),
    "villagelaw:consultation_edit": (Consultation, _pk),
    "villagelaw:referral_detail": (Referral, _pk),
    "villagelaw:referral_edit": (Referral, _pk),
    "villagelaw:compact_detail": (Compact, _pk),
    "villagelaw:compact_step": (Compact, _pk),
    "villagelaw:compact_text": (Compact, _pk),
    "villagelaw:demonstration_edit": (Demonstration, _pk),
    "publicity:activity_detail": (Activity, _pk),
    "publicity:activity_edit": (Activity, _pk),
    "publicity:activity_confirm": (Activity, _pk),
    "publicity:campaign_detail": (Campaign, _pk),
    "publicity:campaign_edit": (Campaign, _pk),
    "publicity:responsibility_edit": (ResponsibilityList, _pk),
    "publicity:key_date_edit": (KeyDate, _pk),
    "publicity:understander_edit": (LawUnderstander, _pk),
    "publicity:training_edit": (Training, _pk),
    "publicity:study_edit": (StudySession, _pk),
    "publicity:cadre_edit": (Cadre, _pk),
    "publicity:exam_detail": (Exam, _pk),
    "publicity:exam_score_add": (Exam, _pk),
    "publicity:screen_edit": (Screen, _pk),
    "publicity:screen_new_address": (Screen, _pk),
    "publicity:content_edit": (ScreenContent, _pk),
    **{
        f"tasks:{name}": (SuperiorNotice, _pk)
        for name in ["notice_detail", "notice_edit", "task_create"]
    },
    **{
        f"tasks:{name}": (Task, _pk)
        for name in ["task_detail", "task_edit", "progress_add", "task_confirm", "task_send_back"]
    },
    "regions:detail": (Region, lambda region: {"code": region.code}),
    **{
        f"reports:{name}": (Report, _pk)
        for name in ["detail", "edit", "finalise", "publish", "new_draft", "generate"]
    },
    "reports:file_status": (ReportFile, _pk),
    "reports:file_download": (ReportFile, _pk),
}

# URL names that take an argument but open no scoped record, and why.
NOT_RECORDS = {
    "accounts:grant_approve": "a role grant, decided by its own rule (county admin or auditor, never "
    "one's own): accounts/tests/test_role_grants.py",
    "accounts:grant_reject": "a role grant, as above",
    "accounts:token_revoke": "an API token, revoked only by its owner or the system administrator: "
    "accounts/tests/test_api_tokens.py",
    "reports:ledger_import_job": "an import job, found only within the caller's scope: "
    "ledgers/tests/test_big_imports.py::test_another_towns_officer_cannot_see_an_import",
    "deadlines:year": "the shared holiday calendar of a year, the same for everybody",
    "deadlines:day_delete": "a day of the shared holiday calendar",
    "publicity:theme_edit": "publicity themes are one shared list",
    "publicity:theme_retire": "publicity themes are one shared list",
    "publicity:display": "the LED screen's own page, opened by its secret token",
    "publicity:display_items": "the LED screen's own page, opened by its secret token",
    "publicity:display_heartbeat": "the LED screen's own page, opened by its secret token",
    "legal:public_catalogue": "the published catalogue is public by law",
    "disclosure_public:post": "村务公开: a published post, public by law (unpublished ones 404)",
    "disclosure_public:region": "村务公开: a town's or village's public page",
    "disclosure_public:category": "村务公开: a category's public page",
    "disclosure_public:query": "村务公开: the public's query form",
    "disclosure_public:attachment": "村务公开: a published post's checked file or photo, public "
    "by law (others 404): disclosure/tests/test_portal_attachments.py",
    "dashboard:town": "a town's cockpit, opened by the town's region id; another town answers 404: "
    "dashboard/tests/test_cockpit.py::test_a_town_leader_sees_only_their_town",
    "dashboard:screen": "the 大屏 page, opened by its signed token (a forged one 404s): "
    "dashboard/tests/test_cockpit.py",
    "reports:ledger_export": "a ledger kind, exported within the caller's scope",
    "reports:ledger_import": "a ledger kind, imported within the caller's scope",
}

# What may answer a request for a record outside the scope: not there, not
# allowed, or a method the URL does not take (decided before any lookup).
REFUSED = {403, 404, 405}


def _url_names(resolver=None, namespace=""):
    """Every named URL pattern with arguments, as "namespace:name"."""
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            inner = pattern.namespace or ""
            yield from _url_names(pattern, f"{namespace}{inner}:" if inner else namespace)
        elif isinstance(pattern, URLPattern) and pattern.name and pattern.pattern.converters:
            yield f"{namespace}{pattern.name}"


def test_every_record_url_is_in_the_matrix():
    app_urls = {name for name in _url_names() if ":" in name and not name.startswith("admin:")}
    unplaced = app_urls - set(RECORD_URLS) - set(NOT_RECORDS)
    assert not unplaced, f"place these URLs in RECORD_URLS or NOT_RECORDS: {sorted(unplaced)}"
    assert not set(RECORD_URLS) - app_urls, "RECORD_URLS names a URL that no longer exists"


@dataclass
class Attacker:
    name: str
    user: User
    region: Region | None = None  # a county user's narrowed view


def _attackers(cast, towns):
    return [
        Attacker("西沱镇 officer", towns.officer),
        Attacker("西沱镇 leader", towns.leader),
        Attacker("西沱社区 cadre", towns.cadre),
        Attacker("西沱社区 mediator", towns.mediator),
        Attacker("西沱镇 advisor", towns.advisor),
        Attacker("county admin narrowed to 西沱镇", cast.county_admin, towns.town),
        Attacker("system administrator", cast.sysadmin),
        Attacker("auditor", cast.auditor),
        Attacker("七龙社区 cadre", cast.cadre),
        Attacker("七龙社区 mediator", cast.mediator),
    ]


ATTACKERS = [
    "西沱镇 officer",
    "西沱镇 leader",
    "西沱社区 cadre",
    "西沱社区 mediator",
    "西沱镇 advisor",
    "county admin narrowed to 西沱镇",
    "system administrator",
    "auditor",
    "七龙社区 cadre",
    "七龙社区 mediator",
]


def _target(model, cast):
    """A 黄水镇 record of `model` that 七龙社区's cadre and mediator cannot see."""
    if model is User:
        return cast.other_cadre  # accounts are the system administrator's alone
    if model is Region:
        return cast.huangshui  # a village of 黄水镇 other than 七龙社区
    queryset = model.objects.for_user(cast.officer)
    for villager in (cast.cadre, cast.mediator):
        queryset = queryset.exclude(pk__in=model.objects.for_user(villager).values("pk"))
    return queryset.order_by("pk").first()


def _visible(model, record, attacker, *, rule="for_user"):
    """Whether the scope rule itself lets `attacker` see (or pick) `record`."""
    attacker.user.active_region = attacker.region  # as the region switcher sets it
    try:
        return getattr(model.objects, rule)(attacker.user).filter(pk=record.pk).exists()
    finally:
        del attacker.user.active_region


def _state(model, record):
    return model.objects.filter(pk=record.pk).values().first()


def _login(client, attacker):
    client.force_login(attacker.user)
    if attacker.region is not None:
        response = client.post("/accounts/switch-region/", {"region": attacker.region.code})
        assert response.status_code in (200, 302)


@pytest.mark.parametrize("attacker_name", ATTACKERS)
def test_no_record_page_or_download_answers_outside_the_scope(
    two_towns, cast, client, attacker_name
):
    attacker = next(a for a in _attackers(cast, two_towns) if a.name == attacker_name)
    _login(client, attacker)
    escapes, tried = [], 0
    for name, (model, arguments) in RECORD_URLS.items():
        record = _target(model, cast)
        assert record is not None, f"the demo has no out-of-village {model.__name__}"
        if _visible(model, record, attacker):
            continue  # within this role's own scope (the sysadmin and the accounts)
        url = reverse(name, kwargs=arguments(record))
        before = _state(model, record)
        for method in ("get", "post"):
            response = getattr(client, method)(url)
            tried += 1
            if response.status_code not in REFUSED:
                escapes.append(f"{method.upper()} {url} ({name}) → {response.status_code}")
        if _state(model, record) != before:
            escapes.append(f"{url} ({name}) changed the record")
    assert tried > 0
    assert not escapes, f"{attacker_name} reached:\n" + "\n".join(escapes)


def _api_viewsets():
    from fazhi.urls import router

    return [(prefix, viewset, basename) for prefix, viewset, basename in router.registry]


def _api_client(attacker):
    api = APIClient()
    api.force_login(attacker.user)
    if attacker.region is not None:
        api.post("/accounts/switch-region/", {"region": attacker.region.code})
    return api


def _lookup(viewset, record):
    field = viewset.lookup_field
    return {viewset.lookup_url_kwarg or field: getattr(record, field)}


def _listed(api, prefix, viewset, record):
    response = api.get(f"/api/v1/{prefix}/", {"page_size": 1000})
    if response.status_code != 200:
        return False
    body = response.json()
    rows = body["results"] if isinstance(body, dict) else body
    field = "code" if viewset.lookup_field == "code" else "id"
    return any(row.get(field) == getattr(record, viewset.lookup_field) for row in rows)


@pytest.mark.parametrize("attacker_name", ATTACKERS)
def test_no_api_operation_reaches_a_record_outside_the_scope(two_towns, cast, attacker_name):
    attacker = next(a for a in _attackers(cast, two_towns) if a.name == attacker_name)
    api = _api_client(attacker)
    escapes, tried = [], 0
    for prefix, viewset, basename in _api_viewsets():
        model = viewset.queryset.model
        if not hasattr(model.objects, "for_user"):
            continue  # shared configuration (themes), the same for everybody
        record = _target(model, cast)
        assert record is not None, f"the demo has no out-of-village {model.__name__}"
        if _visible(model, record, attacker):
            continue
        before = _state(model, record)
        if _listed(api, prefix, viewset, record):
            escapes.append(f"GET /api/v1/{prefix}/ lists {model.__name__} {record.pk}")
        url = reverse(f"{basename}-detail", kwargs=_lookup(viewset, record))
        calls = [("get", url), ("put", url), ("patch", url), ("delete", url)]
        for action in viewset.get_extra_actions():
            if action.detail:
                action_url = reverse(
                    f"{basename}-{action.url_name}", kwargs=_lookup(viewset, record)
                )
                calls += [(method, action_url) for method in action.mapping]
        for method, target_url in calls:
            response = getattr(api, method)(target_url, {}, format="json")
            tried += 1
            if response.status_code not in REFUSED:
                escapes.append(f"{method.upper()} {target_url} → {response.status_code}")
        if _state(model, record) != before:
            escapes.append(f"{model.__name__} {record.pk} was changed through the API")
    assert tried > 0
    assert not escapes, f"{attacker_name} reached:\n" + "\n".join(escapes)


def _record_filters():
    """(prefix, filter name, related model) for every API filter naming a record."""
    from django_filters import ModelChoiceFilter, ModelMultipleChoiceFilter
    from django_filters.rest_framework import DjangoFilterBackend

    found = []
    for prefix, viewset, _ in _api_viewsets():
        filterset_class = DjangoFilterBackend().get_filterset_class(
            viewset(), viewset.queryset.model.objects.all()
        )
        if filterset_class is None:
            continue
        for name, filter_ in filterset_class.base_filters.items():
            if isinstance(filter_, ModelChoiceFilter | ModelMultipleChoiceFilter):
                model = viewset.queryset.model._meta.get_field(filter_.field_name).related_model
                if hasattr(model.objects, "for_user"):
                    found.append((prefix, name, model))
    return found


@pytest.mark.parametrize("attacker_name", ["西沱镇 officer", "七龙社区 cadre"])
def test_a_filter_by_an_out_of_scope_record_answers_as_for_a_missing_one(
    two_towns, cast, attacker_name
):
    attacker = next(a for a in _attackers(cast, two_towns) if a.name == attacker_name)
    api = _api_client(attacker)
    filters = _record_filters()
    assert filters, "no API filter names a record: the probe would prove nothing"
    revealing = []
    for prefix, name, model in filters:
        record = _target(model, cast)
        if record is None or _visible(model, record, attacker, rule="choosable_by"):
            continue  # e.g. the town's campaign, which a village joins
        elsewhere = api.get(f"/api/v1/{prefix}/", {name: record.pk})
        missing = api.get(f"/api/v1/{prefix}/", {name: 2_000_000_000})
        if elsewhere.status_code != missing.status_code or (
            elsewhere.json() != missing.json() if elsewhere.status_code != 403 else False
        ):
            revealing.append(
                f"/api/v1/{prefix}/?{name}=: {elsewhere.status_code} {elsewhere.content[:80]!r}"
                f" vs {missing.status_code} {missing.content[:80]!r}"
            )
    assert not revealing, "\n".join(revealing)
