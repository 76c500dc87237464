"""API authentication by named, expiring tokens (`Authorization: Token <key>`).

DRF's authtoken keeps one clear-text key per user for ever. Here a user may
hold several named tokens; only a SHA-256 of each key is stored; a token
lasts `FAZHI_TOKEN_LIFETIME_HOURS` from its creation and is not renewed on
use (a stolen key stops working on a known date); it is revoked on logout
through the API, on a password change or reset, and when the account is
deactivated (`fazhi.accounts.services`).
"""

from datetime import timedelta

from django.utils import timezone
from rest_framework import authentication, exceptions

from fazhi.accounts.models import ApiToken


class ApiTokenAuthentication(authentication.TokenAuthentication):
    keyword = "Token"

    def authenticate_credentials(self, key):
        from fazhi.accounts.services import token_hash

        token = (
            ApiToken.objects.select_related("user", "user__region", "user__organisation")
            .filter(key_hash=token_hash(key))
            .first()
        )
        if token is None or not token.is_live:
            raise exceptions.AuthenticationFailed("令牌无效、已过期或已吊销，请重新获取。")
        if not token.user.is_active:
            raise exceptions.AuthenticationFailed("账号已停用。")
        now = timezone.now()
        if token.last_used_at is None or now - token.last_used_at > timedelta(minutes=1):
            ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        return token.user, token

    def authenticate_header(self, request):
        return f'{self.keyword} realm="api"'
