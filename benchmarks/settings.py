"""The product's settings plus a trivial page, for benchmark runs only.

`/bench/trivial/` answers a few bytes through the whole middleware stack and
no database query: the floor every page is compared with in the same run.
"""

from fazhi.settings import *  # noqa: F403

ROOT_URLCONF = "benchmarks.urls"
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "testserver"]
