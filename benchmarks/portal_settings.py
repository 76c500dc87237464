"""Settings for benchmarks/portal.py only: the product's settings plus one
trivial view to compare against (never in the product's URLs)."""

from fazhi.settings import *  # noqa: F403

ROOT_URLCONF = "benchmarks.portal_urls"
