"""Kernel models; importing this module (Django does, while loading apps)
installs the input validators on every field of every fazhi model."""

from fazhi.core import fields

fields.install()
