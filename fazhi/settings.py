"""The one settings module. Production differs from development only by
environment values (see docs/deploy.md for the list)."""

import contextlib
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from fazhi import env

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env.get_str("FAZHI_VAR_DIR", str(BASE_DIR / "var")))

DEBUG = env.get_bool("DEBUG", False)
SECRET_KEY = env.get_secret("SECRET_KEY", VAR_DIR / "secret_key")
# Key for personal data encrypted at rest (ID numbers, phones). Every app
# server of one deployment must share it; losing it loses that data.
FAZHI_ENCRYPTION_KEY = env.get_secret("FAZHI_ENCRYPTION_KEY", VAR_DIR / "encryption_key")
ALLOWED_HOSTS = env.get_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env.get_list("CSRF_TRUSTED_ORIGINS", [])

# Behind HTTPS (production): secure cookies, HSTS and the redirect to https.
HTTPS = env.get_bool("HTTPS", False)
SECURE_SSL_REDIRECT = HTTPS
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = env.get_int("SECURE_HSTS_SECONDS", 31536000 if HTTPS else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
if env.get_bool("BEHIND_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.forms",  # widget templates, so fazhi/templates can override one
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_filters",
    "django_htmx",
    "simple_history",
    "axes",
    "django_tasks",
    "django_tasks_db",
    # Shared pieces
    "fazhi.core",
    "fazhi.regions",
    "fazhi.accounts",
    "fazhi.audit",
    "fazhi.notices",
    "fazhi.attachments",
    "fazhi.metrics",
    "fazhi.deadlines",
    "fazhi.ledgers",
    "fazhi.demo",
    "fazhi.synthetic",
    # Capabilities
    "fazhi.legal",
    "fazhi.villagelaw",
    "fazhi.cases",
    "fazhi.disputes",
    "fazhi.publicity",
    "fazhi.tasks",
    "fazhi.assessment",
    "fazhi.disclosure",
    "fazhi.reports",
    "fazhi.dashboard",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "fazhi.core.middleware.ControlCharactersMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "fazhi.accounts.middleware.ActiveRegionMiddleware",
    "fazhi.accounts.middleware.PasswordChangeRequiredMiddleware",
    "fazhi.accounts.middleware.NoStoreMiddleware",
    "axes.middleware.AxesMiddleware",
    "fazhi.core.locking.SubmitOnceMiddleware",
]

ROOT_URLCONF = "fazhi.urls"
WSGI_APPLICATION = "fazhi.wsgi.application"

# Widgets render through TEMPLATES: fazhi/templates/django/forms/ overrides Django's
# empty choice "---------" with 请选择.
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "fazhi" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "fazhi.accounts.context_processors.shell",
                "fazhi.notices.context_processors.unread",
            ],
        },
    },
]

_default_db = f"sqlite:///{VAR_DIR / 'fazhi.sqlite3'}"
try:
    DATABASES = {
        "default": dj_database_url.parse(
            env.get_str("DATABASE_URL", _default_db), conn_max_age=env.get_int("DB_CONN_MAX_AGE", 0)
        )
    }
except ValueError as error:
    raise ImproperlyConfigured(f"DATABASE_URL is not understood: {error}") from None
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The embedded database under several users at once: WAL lets readers go on
    # while one writes; a write transaction takes the write lock at BEGIN
    # (IMMEDIATE), so two writers queue on the busy timeout instead of one
    # failing halfway with "database is locked".
    DATABASES["default"].setdefault("OPTIONS", {})
    DATABASES["default"]["OPTIONS"].update(
        {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "timeout": env.get_int("SQLITE_BUSY_TIMEOUT_SECONDS", 20, minimum=1),
            "transaction_mode": "IMMEDIATE",
        }
    )
    DATABASES["default"]["TEST"] = {"NAME": None}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "fazhi.accounts.passwords.MinimumLengthValidator"},
    {"NAME": "fazhi.accounts.passwords.CharacterClassValidator"},
    {"NAME": "fazhi.accounts.passwords.CommonPasswordValidator"},
    {"NAME": "fazhi.accounts.passwords.UserAttributeSimilarityValidator"},
]
CSRF_FAILURE_VIEW = "fazhi.errors.csrf_failure"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "accounts:login"

# Sessions end after 30 idle minutes: every request pushes the expiry on.
SESSION_COOKIE_AGE = env.get_int("SESSION_IDLE_SECONDS", 30 * 60, minimum=60)
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

# django-axes: five failed logins lock the account for 30 minutes.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=env.get_int("LOCKOUT_MINUTES", 30, minimum=1))
AXES_LOCKOUT_PARAMETERS = ["username"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked.html"
AXES_VERBOSE = False
# Lockout is per account, as the rules ask: a village office behind one NAT
# address must not lock out every colleague when one person mistypes.
SILENCED_SYSTEM_CHECKS = ["axes.W006"]
if env.get_bool("BEHIND_PROXY", False):
    AXES_IPWARE_META_PRECEDENCE_ORDER = ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"]

LANGUAGE_CODE = "zh-hans"
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env.get_str("STATIC_ROOT", str(VAR_DIR / "static")))
STATICFILES_DIRS = [
    BASE_DIR / "fazhi" / "static",
    ("vendor/echarts", BASE_DIR / "node_modules" / "echarts" / "dist"),
]
with contextlib.suppress(OSError):  # WhiteNoise expects it; collectstatic fills it
    STATIC_ROOT.mkdir(parents=True, exist_ok=True)
MEDIA_ROOT = Path(env.get_str("MEDIA_ROOT", str(VAR_DIR / "media")))
MEDIA_URL = "/media/"  # never served directly: attachments go through a scoped view
_static_manifest = env.get_bool("STATIC_MANIFEST", False)
STORAGES = {
    "default": {
        "BACKEND": env.get_str("FILE_STORAGE", "django.core.files.storage.FileSystemStorage")
    },
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if _static_manifest
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = not _static_manifest

ATTACHMENT_MAX_BYTES = env.get_int("ATTACHMENT_MAX_MB", 20, minimum=1) * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

# API tokens (fazhi.accounts.tokens) last this many hours from creation and
# are not renewed on use; see docs/deploy.md "API 令牌".
FAZHI_TOKEN_LIFETIME_HOURS = env.get_int("FAZHI_TOKEN_LIFETIME_HOURS", 168, minimum=1)

# A filter left empty means "all": say so instead of django-filter's "---------".
FILTERS_EMPTY_CHOICE_LABEL = "全部"

REST_FRAMEWORK = {
    # The token class comes first: its WWW-Authenticate header makes an
    # unauthenticated request answer 401, not 403.
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "fazhi.accounts.tokens.ApiTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_FILTER_BACKENDS": ["fazhi.accounts.filters.ScopedFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "fazhi.core.api_errors.exception_handler",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Fazhi 法治政府建设平台 API",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "fazhi.schema.add_error_responses",
    ],
}

TASKS = {
    "default": {
        "BACKEND": env.get_str("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
        "QUEUES": ["default"],
    }
}

# E-mail: by default nothing leaves the machine. Each message is a file under
# var/mail (the console when DEBUG); set EMAIL_BACKEND (and EMAIL_HOST…) to send.
EMAIL_BACKEND = env.get_str(
    "EMAIL_BACKEND",
    "django.core.mail.backends." + ("console.EmailBackend" if DEBUG else "filebased.EmailBackend"),
)
EMAIL_FILE_PATH = Path(env.get_str("EMAIL_FILE_PATH", str(VAR_DIR / "mail")))
EMAIL_HOST = env.get_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env.get_int("EMAIL_PORT", 25, minimum=1)
EMAIL_HOST_USER = env.get_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env.get_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env.get_bool("EMAIL_USE_TLS", False)
# The address of the site, for links in e-mails ("https://fazhi.example.org").
FAZHI_SITE_URL = env.get_str("SITE_URL", "")
DEFAULT_FROM_EMAIL = env.get_str("DEFAULT_FROM_EMAIL", "fazhi@localhost")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.get_str("LOG_LEVEL", "WARNING")},
}

# `fazhi loaddemo` also builds five more towns of 石柱县 to compare 黄水镇 with
# (docs/demo.md). The test suite turns it off (conftest.py); tests that need the
# county ask for it.
DEMO_COUNTY = env.get_bool("DEMO_COUNTY", True)
# The cockpit and the roll-up keep their figures this many seconds (0: always live);
# the pages say when they were read (「数据截至 …」).
DASHBOARD_CACHE_SECONDS = env.get_int("DASHBOARD_CACHE_SECONDS", 300, minimum=0)
