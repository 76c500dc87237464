"""A text field stored encrypted (Fernet: AES-128-CBC with HMAC-SHA256).

The key comes from settings.FAZHI_ENCRYPTION_KEY. Ciphertexts differ for the
same value, so an encrypted field cannot be searched; a model that needs to
find a person by ID number keeps a keyed digest beside it (`digest()`).
"""

import base64
import hashlib
import hmac
from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken
from django.conf import settings
from django.db import models

_PREFIX = "enc1:"


@lru_cache(maxsize=4)
def _fernet(key: str) -> Fernet:
    return Fernet(base64.urlsafe_b64encode(hashlib.sha256(key.encode()).digest()))


def encrypt(value: str) -> str:
    return _PREFIX + _fernet(settings.FAZHI_ENCRYPTION_KEY).encrypt(value.encode()).decode()


def decrypt(stored: str) -> str:
    if not stored.startswith(_PREFIX):
        return stored
    try:
        return (
            _fernet(settings.FAZHI_ENCRYPTION_KEY).decrypt(stored[len(_PREFIX) :].encode()).decode()
        )
    except InvalidToken:
        raise ValueError("加密数据无法解密：FAZHI_ENCRYPTION_KEY 与加密时不一致。") from None


def digest(value: str) -> str:
    """A keyed, deterministic digest of a normalised value, for exact-match lookups."""
    key = hashlib.sha256(("digest:" + settings.FAZHI_ENCRYPTION_KEY).encode()).digest()
    return hmac.new(key, value.strip().upper().encode(), hashlib.sha256).hexdigest()


class Sealed(str):
    """A value `encrypt` already made: stored as it is, not encrypted again."""


class EncryptedCharField(models.TextField):
    """Holds a short secret (ID number, phone); `max_length` limits the plain text."""

    def __init__(self, *args, plain_max_length: int = 32, **kwargs):
        self.plain_max_length = plain_max_length
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["plain_max_length"] = self.plain_max_length
        return name, path, args, kwargs

    def from_db_value(self, value, expression, connection):
        if value is None or value == "":
            return value
        return decrypt(value)

    def seal(self, value):
        """`value` encrypted once, for a bulk insert that writes the record and
        its history row with the same ciphertext (see fazhi/audit/bulk.py)."""
        return Sealed(encrypt(value)) if value else value

    def get_prep_value(self, value):
        if isinstance(value, Sealed):
            return str(value)
        value = super().get_prep_value(value)
        if value is None or value == "":
            return value
        return encrypt(value)

    def formfield(self, **kwargs):
        from django import forms

        defaults = {"form_class": forms.CharField, "widget": forms.TextInput}
        return super().formfield(**{**defaults, **kwargs, "max_length": self.plain_max_length})
