"""What protects the public side: the captcha, the per-address rate limit, the portal cache.

- Captcha: an arithmetic question made on the server; the answer travels in a
  token signed with Django's signing module (valid 10 minutes) and is taken
  once (a `core.SubmissionClaim` row per token, so a replayed form fails on
  every process and machine). No image library, no third-party service.
- Rate limit: at most QUERY_LIMIT public submissions (queries and online
  applications for information together) an hour from one address, counted
  in Django's cache.
- Portal cache: rendered public pages are kept in Django's cache under a key
  that carries a generation (a fresh random token per change); publishing, withdrawing or answering
  publicly bumps the generation, so the next request renders afresh (another
  process sees the new generation within a second). With the
  default per-process LocMem cache another process may serve a page up to
  PORTAL_SECONDS old; a shared cache (database, Redis) makes it exact.
"""

import hashlib
import secrets
import time
from functools import wraps

from django.core import signing
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.http import HttpResponse

from fazhi.core.models import SubmissionClaim

CAPTCHA_SALT = "fazhi.disclosure.captcha"
CAPTCHA_SECONDS = 600
QUERY_LIMIT = 5
QUERY_WINDOW = 3600
PORTAL_SECONDS = 60
GENERATION_KEY = "disclosure:portal:generation"
DIGITS = "零一二三四五六七八九十"


def captcha_new() -> tuple[str, str]:
    """(question, token): e.g. ("三加七等于几？", signed)."""
    a, b = secrets.randbelow(9) + 1, secrets.randbelow(9) + 1
    token = signing.dumps({"a": a + b, "n": secrets.token_hex(8)}, salt=CAPTCHA_SALT)
    return f"{DIGITS[a]}加{DIGITS[b]}等于几？（请填阿拉伯数字）", token


def captcha_check(token: str, answer: str) -> str | None:
    """None when right (and the token is now used up), else the reason."""
    try:
        data = signing.loads(token, salt=CAPTCHA_SALT, max_age=CAPTCHA_SECONDS)
    except signing.SignatureExpired:
        return "验证题已过期，请重新作答。"
    except signing.BadSignature:
        return "验证题无效，请重新作答。"
    if (answer or "").strip() != str(data.get("a")):
        return "验证题答案不正确。"
    try:
        with transaction.atomic():
            SubmissionClaim.objects.create(token=f"captcha:{data['n']}"[:64])
    except IntegrityError:
        return "验证题已使用过，请重新作答。"
    return None


def client_address(request) -> str:
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def rate_limited(request) -> bool:
    """Count this address's submission (query or application); True past the hourly limit."""
    key = f"disclosure:queries:{client_address(request)}"
    cache.add(key, 0, QUERY_WINDOW)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, QUERY_WINDOW)
        count = 1
    return count > QUERY_LIMIT


# The generation as this process last read it, re-read at most once a second
# (one cache round trip fewer per page); a change made here is seen at once.
_generation = {"value": "0", "read_at": 0.0}
GENERATION_SECONDS = 1.0


def _current_generation() -> str:
    now = time.monotonic()
    if now - _generation["read_at"] > GENERATION_SECONDS:
        _generation.update(value=cache.get(GENERATION_KEY, "0"), read_at=now)
    return _generation["value"]


def portal_changed() -> None:
    """Published content changed: every cached portal page is stale."""
    value = secrets.token_hex(8)  # never a value seen before, even after a cache flush
    cache.set(GENERATION_KEY, value, None)
    _generation.update(value=value, read_at=time.monotonic())


def portal_cached(view):
    """Keep a GET page of the portal in the cache until the portal changes."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.method != "GET":
            return view(request, *args, **kwargs)
        generation = _current_generation()
        path = hashlib.sha256(request.get_full_path().encode()).hexdigest()
        key = f"disclosure:portal:{generation}:{path}"
        kept = cache.get(key)
        if kept is not None:
            content, content_type = kept
            response = HttpResponse(content, content_type=content_type)
        else:
            response = view(request, *args, **kwargs)
            if response.status_code == 200 and not response.streaming:
                cache.set(key, (response.content, response["Content-Type"]), PORTAL_SECONDS)
        response["Cache-Control"] = f"public, max-age={PORTAL_SECONDS}"
        return response

    return wrapped
