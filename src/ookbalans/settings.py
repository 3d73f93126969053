"""Django settings, read from the environment; defaults give a working laptop setup on SQLite."""

import json
import os
import secrets
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

PACKAGE_DIR = Path(__file__).resolve().parent
BASE_DIR = PACKAGE_DIR.parent.parent
VAR_DIR = Path(os.environ.get("OOKBALANS_VAR_DIR", BASE_DIR / "var"))
VAR_DIR.mkdir(parents=True, exist_ok=True)


def env_flag(name: str, default: bool = False) -> bool:
    return os.environ.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def secret_key() -> str:
    """OOKBALANS_SECRET_KEY, or a random key kept in var/ so sessions survive a restart."""
    if key := os.environ.get("OOKBALANS_SECRET_KEY"):
        return key
    path = VAR_DIR / "secret_key"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


DEBUG = env_flag("OOKBALANS_DEBUG")
SECRET_KEY = secret_key()
ALLOWED_HOSTS = env_list("OOKBALANS_ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("OOKBALANS_CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    # modeltranslation must come before the admin to patch its forms.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "drf_spectacular",
    "corsheaders",
    "csp",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_tasks",
    "django_tasks_db",
    "ookbalans.framework",
    "ookbalans.catalogue",
    "ookbalans.audit",
    "ookbalans.search",
    "ookbalans.reminders",
    "ookbalans.analysis",
    "ookbalans.vision",
    "ookbalans.finder",
    "ookbalans.reports",
    "ookbalans.interchange",
    "ookbalans.feeds",
    "ookbalans.api",
    "ookbalans.home",
    "ookbalans.accounts",
    "ookbalans.operations",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Anonymous GETs of public pages from the cache, under the coalition's catalogue version: a kept page
    # is answered whole, with the headers the middleware below gave it, without running them again
    # (operations/pagecache.py). OOKBALANS_PAGE_CACHE_SECONDS=0 turns it off.
    "ookbalans.operations.pagecache.PublicPageCacheMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    # Dutch, except on views marked @multilingual (the public pages), where ?lang= in the URL decides;
    # never a cookie or the browser's Accept-Language. Active for one request only.
    "ookbalans.middleware.InterfaceLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Every change in a request is written to the audit trail with the user (or API token) who made it.
    "ookbalans.audit.middleware.AuditMiddleware",
    "django_otp.middleware.OTPMiddleware",
    # A signed-in coordinator who has not yet given the second factor reaches only its pages.
    "ookbalans.accounts.middleware.SecondFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes asks: it turns a refused login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "ookbalans.urls"
WSGI_APPLICATION = "ookbalans.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "ookbalans.home.context_processors.demo_notice",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'ookbalans.sqlite3'}",
        conn_max_age=int(os.environ.get("OOKBALANS_CONN_MAX_AGE", "0")),
        # A persistent connection is tested before a request reuses it, so a restarted database is no error.
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Production (docs/operations.md): one Redis shared by every worker and app server, so a page one worker
# made is answered by all and rate limits agree (OOKBALANS_REDIS_URL, e.g. redis://127.0.0.1:6379/0).
# Without it (the demo, the tests) each process keeps its own cache in local memory.
if redis_url := os.environ.get("OOKBALANS_REDIS_URL"):
    CACHES = {
        "default": {
            # Django's, with one Redis client per connection pool (operations/cache.py).
            "BACKEND": "ookbalans.operations.cache.RedisCache",
            "LOCATION": redis_url,
            "KEY_PREFIX": "ookbalans",
            # A Redis that does not answer costs a request at most a second, then the request fails
            # (500) until Redis is back: run it under systemd with Restart=always (docs/operations.md).
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
    # The finder's result cards (finder/cards.py) in the same Redis.
    CACHES["finder"] = {**CACHES["default"], "KEY_PREFIX": "ookbalans-finder"}
else:
    # Room for the public page cache's pages (about 10-25 kB each, so at most about 40 MB per process);
    # past it the oldest third is dropped (Django's default of 300 entries held too few pages).
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "OPTIONS": {"MAX_ENTRIES": 2000},
        },
        # The finder's result cards (finder/cards.py), about 1.5 kB each, at most about 15 MB per process,
        # apart from the pages (whose room they would take, 20 to a page).
        "finder": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "finder",
            "OPTIONS": {"MAX_ENTRIES": 10_000},
        },
    }

# The public page cache (operations/pagecache.py): anonymous visitors' finder pages and HSDS API answers
# are kept this many seconds in the cache above, under their coalition's catalogue version, so that any
# change of the catalogue shows at once. 0 turns it off.
OOKBALANS_PAGE_CACHE_SECONDS = int(os.environ.get("OOKBALANS_PAGE_CACHE_SECONDS", "300"))

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# The product speaks Dutch; the interface is translated into the languages parents use.
LANGUAGE_CODE = "nl"
LANGUAGES = [
    ("nl", _("Dutch")),
    ("en", _("English")),
    ("ar", _("Arabic")),
    ("tr", _("Turkish")),
    ("pl", _("Polish")),
    ("uk", _("Ukrainian")),
]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

# Translated content (service names and short descriptions): Dutch is required, the rest optional.
MODELTRANSLATION_DEFAULT_LANGUAGE = "nl"
MODELTRANSLATION_LANGUAGES = ("nl", "en", "ar", "tr", "pl", "uk")
MODELTRANSLATION_FALLBACK_LANGUAGES = ("nl",)
MODELTRANSLATION_AUTO_POPULATE = False

STATIC_URL = "/static/"
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
STATIC_ROOT = VAR_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedStaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = True

LOGIN_URL = "admin:login"

# Login: 5 failed passwords lock the user name and, separately, the address for 15 minutes
# (django-axes; superusers unlock in the admin under "Axes"). Records of failed logins are kept only
# for that period: `ookbalans forget_login_attempts` deletes older ones; successful logins are not logged.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_ENABLED = env_flag("OOKBALANS_LOGIN_LOCKOUT", True)
AXES_FAILURE_LIMIT = int(os.environ.get("OOKBALANS_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("OOKBALANS_LOGIN_LOCKOUT_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_LOCKOUT_CALLABLE = "ookbalans.accounts.views.locked_out"
AXES_CLIENT_IP_CALLABLE = "ookbalans.accounts.policy.client_ip"
AXES_DISABLE_ACCESS_LOG = True
AXES_ENABLE_ACCESS_FAILURE_LOG = False
AXES_VERBOSE = False
# The public's reports on services ("Klopt er iets niet?"): per client per hour, counted in the cache
# under a salted hash of the address (reports/limits.py), so lockouts and reports share the proxy count.
OOKBALANS_REPORTS_PER_HOUR = int(os.environ.get("OOKBALANS_REPORTS_PER_HOUR", "5"))
# How many proxies in front of the app append to X-Forwarded-For (0: use the socket's address).
OOKBALANS_PROXY_COUNT = int(os.environ.get("OOKBALANS_PROXY_COUNT", "0"))

# Two-step verification (TOTP app plus recovery codes) for coordinators and superusers: on by default
# in production, off when DEBUG is on (the demo) unless the operator sets OOKBALANS_REQUIRE_2FA=1.
OOKBALANS_REQUIRE_2FA = env_flag("OOKBALANS_REQUIRE_2FA", not DEBUG)
OTP_TOTP_ISSUER = os.environ.get("OOKBALANS_2FA_ISSUER", "OOK in Balans")

# Uploads and imports (docs/operations.md): a request body larger than the upload limit is refused before
# its file is read; an upload above 2.5 MB goes to a temporary file, not memory; a body that is not a
# file upload (a form, the management API's JSON) may hold at most 10 MB.
MB = 1024 * 1024
OOKBALANS_UPLOAD_MAX_BYTES = int(os.environ.get("OOKBALANS_UPLOAD_MAX_MB", "200")) * MB
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * MB
FILE_UPLOAD_MAX_MEMORY_SIZE = int(2.5 * MB)
FILE_UPLOAD_HANDLERS = [
    "ookbalans.interchange.uploads.LimitedUploadHandler",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]
# What one import file may hold: unpacked bytes of a zip or JSON file, services, rows per sheet or table.
OOKBALANS_IMPORT_MAX_UNPACKED_BYTES = int(os.environ.get("OOKBALANS_IMPORT_MAX_UNPACKED_MB", "200")) * MB
OOKBALANS_IMPORT_MAX_SERVICES = int(os.environ.get("OOKBALANS_IMPORT_MAX_SERVICES", "50000"))
OOKBALANS_IMPORT_MAX_ROWS = int(os.environ.get("OOKBALANS_IMPORT_MAX_ROWS", "200000"))
OOKBALANS_IMPORT_MAX_JSON_BYTES = int(os.environ.get("OOKBALANS_IMPORT_MAX_JSON_MB", "50")) * MB
# Feeds (docs/operations.md): seconds a feed's server may take per request; plain http to 127.0.0.1
# (and the demo's own feed at /demo-feed/) for the demo and the tests only, never in production.
OOKBALANS_FEEDS_TIMEOUT = float(os.environ.get("OOKBALANS_FEEDS_TIMEOUT", "30"))
OOKBALANS_FEEDS_LOCAL_HTTP = env_flag("OOKBALANS_FEEDS_LOCAL_HTTP")
# A web import of this many services or more runs in the background worker (`ookbalans db_worker`), with
# its progress on a page; finished jobs and their uploaded files are deleted after so many days.
OOKBALANS_IMPORT_BACKGROUND_FROM = int(os.environ.get("OOKBALANS_IMPORT_BACKGROUND_FROM", "2000"))
OOKBALANS_IMPORT_JOBS_KEEP_DAYS = int(os.environ.get("OOKBALANS_IMPORT_JOBS_KEEP_DAYS", "30"))
# A checked file is kept this many hours, so that "import now" needs no second upload; then it is deleted.
OOKBALANS_IMPORT_CHECKED_KEEP_HOURS = int(os.environ.get("OOKBALANS_IMPORT_CHECKED_KEEP_HOURS", "24"))
# Background tasks (django-tasks) are rows in the database; `ookbalans db_worker` runs them.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}

# The HSDS API is open data: any website may read it; nothing else is shared across origins.
CORS_ALLOW_ALL_ORIGINS = True
CORS_URLS_REGEX = r"^/api/hsds/.*$"
CORS_ALLOW_METHODS = ("GET", "HEAD", "OPTIONS")
CORS_ALLOW_CREDENTIALS = False

REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "UNAUTHENTICATED_USER": None,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
}

# The management API's schema at /api/beheer/openapi.json; the read API's views opt out (schema = None)
# because it serves the official HSDS OpenAPI document at /api/hsds/openapi.json.
SPECTACULAR_SETTINGS = {
    "TITLE": "ookbalans management API",
    "DESCRIPTION": "Add, replace, read and deactivate one coalition's services as HSDS 3.0 JSON, "
    "with the coalition's token: Authorization: Bearer <token>.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/beheer",
}

# Security headers; `ookbalans check --deploy` reports what a deployment still has to set.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = env_flag("OOKBALANS_SECURE_COOKIES")
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_SSL_REDIRECT = env_flag("OOKBALANS_SSL_REDIRECT")
SECURE_HSTS_SECONDS = int(os.environ.get("OOKBALANS_HSTS_SECONDS", "0"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_flag("OOKBALANS_HSTS_INCLUDE_SUBDOMAINS")
SECURE_HSTS_PRELOAD = env_flag("OOKBALANS_HSTS_PRELOAD")
# Behind a TLS proxy the request reaches Django as plain HTTP; the proxy's header says it was HTTPS, so
# HSTS goes out and the SSL redirect does not loop. Only set it when the proxy overwrites the header.
if proxy_header := os.environ.get("OOKBALANS_PROXY_SSL_HEADER"):
    SECURE_PROXY_SSL_HEADER = (proxy_header, "https")
USE_X_FORWARDED_HOST = env_flag("OOKBALANS_USE_X_FORWARDED_HOST")
# A coordinator's session ends after a working day, and when the browser closes.
SESSION_COOKIE_AGE = int(os.environ.get("OOKBALANS_SESSION_SECONDS", str(8 * 60 * 60)))
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

# Content-Security-Policy: everything from this site only, no inline scripts or styles, no framing.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # The development server (the demo) logs every request line: without its query string, which
    # holds a parent's search words. `ookbalans serve` logs no query strings either (operations/server.py).
    "filters": {"without_query_strings": {"()": "ookbalans.operations.logs.WithoutQueryStrings"}},
    "formatters": {
        "django.server": {
            "()": "django.utils.log.ServerFormatter",
            "format": "[{server_time}] {message}",
            "style": "{",
        }
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler"},
        "django.server": {"class": "logging.StreamHandler", "formatter": "django.server"},
    },
    "loggers": {
        "django.server": {
            "handlers": ["django.server"],
            "level": "INFO",
            "propagate": False,
            "filters": ["without_query_strings"],
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("OOKBALANS_LOG_LEVEL", "WARNING")},
}

# Mail (invitations of organisation editors): in the demo (DEBUG) the file backend writes each mail
# under var/mail/ to be read there; elsewhere SMTP with the OOKBALANS_EMAIL_* variables (docs/operations.md).
EMAIL_BACKEND = os.environ.get(
    "OOKBALANS_EMAIL_BACKEND",
    "django.core.mail.backends.filebased.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_FILE_PATH = VAR_DIR / "mail"
EMAIL_HOST = os.environ.get("OOKBALANS_EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("OOKBALANS_EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("OOKBALANS_EMAIL_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("OOKBALANS_EMAIL_PASSWORD", "")
EMAIL_USE_TLS = env_flag("OOKBALANS_EMAIL_TLS", True)
DEFAULT_FROM_EMAIL = os.environ.get("OOKBALANS_EMAIL_FROM", "ookbalans <noreply@localhost>")
# A mail provider's API instead of SMTP, through django-anymail: OOKBALANS_EMAIL_BACKEND names the
# provider's backend (e.g. anymail.backends.mailgun.EmailBackend) and OOKBALANS_ANYMAIL its settings
# as a JSON object (e.g. {"MAILGUN_API_KEY": "...", "MAILGUN_SENDER_DOMAIN": "mail.example.nl"}).
if anymail_settings := os.environ.get("OOKBALANS_ANYMAIL"):
    try:
        ANYMAIL = json.loads(anymail_settings)
    except ValueError as error:
        raise ImproperlyConfigured(f"OOKBALANS_ANYMAIL is not valid JSON: {error}") from None
    if not isinstance(ANYMAIL, dict):
        raise ImproperlyConfigured('OOKBALANS_ANYMAIL must be a JSON object, like {"MAILGUN_API_KEY": "..."}')

# Reminders to check services (`ookbalans remind`, docs/operations.md): the address the mails' links start
# with, and how many days a "still correct" link works.
OOKBALANS_SITE_URL = os.environ.get("OOKBALANS_SITE_URL", "http://127.0.0.1:8000")
OOKBALANS_REMINDER_LINK_DAYS = int(os.environ.get("OOKBALANS_REMINDER_LINK_DAYS", "42"))
