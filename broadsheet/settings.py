"""Settings for every environment, driven by environment variables (12-factor).

Two profiles, chosen with ``BROADSHEET_PROFILE``:

* ``embedded`` (default): one box, SQLite in WAL mode, an on-disk shared cache,
  a generated and persisted SECRET_KEY, plain http on localhost, DEBUG off.
* ``production``: TLS assumed (secure cookies, HSTS, SSL redirect);
  ``DATABASE_URL``, ``REDIS_URL`` and ``ALLOWED_HOSTS`` are required.

``DATABASE_URL`` and ``REDIS_URL`` are honoured in either profile.
"""

from __future__ import annotations

import os
import secrets
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from news import embed_providers

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("BROADSHEET_VAR_DIR", BASE_DIR / "var"))
VAR_DIR.mkdir(parents=True, exist_ok=True)

PROFILE = os.environ.get("BROADSHEET_PROFILE", "embedded")
if PROFILE not in {"embedded", "production"}:
    raise ImproperlyConfigured(f"BROADSHEET_PROFILE={PROFILE!r} is unknown: use 'embedded' or 'production'.")
PRODUCTION = PROFILE == "production"


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def require_env(name: str) -> str:
    value = os.environ.get(name, "").strip()
    if not value:
        raise ImproperlyConfigured(f"{name} must be set when BROADSHEET_PROFILE=production.")
    return value


def persisted_secret_key() -> str:
    """Generate the key once and keep it beside the data, so sessions survive restarts."""
    key_file = VAR_DIR / "secret_key"
    if not key_file.exists():
        # `make run` starts two commands at once on a fresh checkout: linking a finished draft
        # into place is atomic, so the first key wins and every process reads that one.
        draft = key_file.with_name(f".secret_key.{os.getpid()}")
        draft.write_text(secrets.token_urlsafe(50))
        draft.chmod(0o600)
        try:
            os.link(draft, key_file)
        except FileExistsError:
            pass
        finally:
            draft.unlink()
    return key_file.read_text().strip()


if PRODUCTION:
    SECRET_KEY = require_env("SECRET_KEY")
    require_env("ALLOWED_HOSTS")
    ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
    DATABASE_URL = require_env("DATABASE_URL")
    REDIS_URL = require_env("REDIS_URL")
else:
    SECRET_KEY = os.environ.get("SECRET_KEY") or persisted_secret_key()
    ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1],testserver")
    DATABASE_URL = os.environ.get("DATABASE_URL", "")
    REDIS_URL = os.environ.get("REDIS_URL", "")


def default_site_url(host: str, port: int | str) -> str:
    """Where ``runsite`` serves (``HOST``, ``PORT``), as a canonical address for links and mail."""
    if host in {"", "0.0.0.0", "::"}:  # noqa: S104  every interface: name the machine itself
        host = "127.0.0.1"
    return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"


DEBUG = env_bool("DEBUG", False)
# Embedded: unless set, the canonical address follows HOST and PORT, so links, feeds,
# sitemaps and mails name the address the site answers on.
SITE_URL = os.environ.get("SITE_URL") or (
    "https://example.com"
    if PRODUCTION
    else default_site_url(os.environ.get("HOST", "127.0.0.1"), os.environ.get("PORT", "8000"))
)
WAGTAILADMIN_BASE_URL = SITE_URL
WAGTAIL_SITE_NAME = os.environ.get("SITE_NAME", "Broadsheet")

INSTALLED_APPS = [
    "core",
    "mail",
    "news",
    "search",
    "comments",
    "newsletter",
    "related",
    "popular",
    "contentapi",
    "accounts",
    "quotes",
    "stories",
    "demo",
    "live",
    "wordpress",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.typed_table_block",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.routable_page",
    "wagtail.embeds",
    "wagtail.sites",
    "accounts.apps.UsersConfig",  # wagtail.users, with user and group admin held to the actor's powers
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_tasks",
    "django_tasks_db",
    "axes",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "core.pagecache.PageCacheMiddleware",
    "core.metrics.ViewLabelMiddleware",
    "wordpress.middleware.LegacyRedirectMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "core.security.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "core.sites.CachedSiteMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # A busy or lost database answers "busy, try again", never a 500 (core.busy, ADR 0015).
    "core.busy.BusyDatabaseMiddleware",
    # Last, so every other middleware has checked the request before the transaction opens.
    "core.busy.AtomicAdminWritesMiddleware",
]

ROOT_URLCONF = "broadsheet.urls"
WSGI_APPLICATION = "broadsheet.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "core.context_processors.site",
            ],
        },
    },
]

# Databases ------------------------------------------------------------------
if DATABASE_URL:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60, conn_health_checks=True)}
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": os.environ.get("SQLITE_PATH", str(VAR_DIR / "db.sqlite3")),
            "OPTIONS": {
                # WAL lets readers and the worker proceed while one process writes.
                "init_command": (
                    "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;"
                ),
                "transaction_mode": "IMMEDIATE",
            },
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache shared by every process (web workers, task worker, scheduler) ---------
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "core.cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "broadsheet",
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 1.0},
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "diskcache.DjangoCache",
            "LOCATION": os.environ.get("CACHE_DIR", str(VAR_DIR / "cache")),
            "TIMEOUT": 3600,
            "SHARDS": 4,
            "DATABASE_TIMEOUT": 0.25,
            "OPTIONS": {"size_limit": 2**30},
        }
    }
CACHES["renditions"] = CACHES["default"] | {"KEY_PREFIX": "renditions"}

# Page cache for anonymous readers (see core.pagecache).
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "300"))
# How often a reader's page of a running live article asks for new updates.
LIVE_POLL_SECONDS = int(os.environ.get("LIVE_POLL_SECONDS", "30"))
# Pages each process also keeps in memory (validated against the shared cache on every hit).
PAGE_CACHE_RECENT_PAGES = int(os.environ.get("PAGE_CACHE_RECENT_PAGES", "256"))
# Browsers revalidate every time (a cheap 304 from the page cache), so a reader sees their
# approved comment or a correction at once; shared caches (Varnish, a CDN) keep pages as long
# as the app does, since they are purged on publish too, and may serve them briefly stale
# while refetching (RFC 9213 targeted CDN-Cache-Control, and Varnish's grace).
PAGE_CACHE_CONTROL = os.environ.get("PAGE_CACHE_CONTROL", f"public, max-age=0, s-maxage={PAGE_CACHE_SECONDS}")
PAGE_CDN_CACHE_CONTROL = f"max-age={PAGE_CACHE_SECONDS}, stale-while-revalidate=60"
# Rendered article content, lists and routes kept between renders (core.fragments); 0 turns
# them off. No longer than pages: a generation bump lost in a cache outage then costs no more.
# A speaker's page is indexed by search engines once quoted in this many articles (ADR 0023).
QUOTES_INDEX_AFTER_ARTICLES = int(os.environ.get("QUOTES_INDEX_AFTER_ARTICLES", "3"))
FRAGMENT_CACHE_SECONDS = int(os.environ.get("FRAGMENT_CACHE_SECONDS", str(PAGE_CACHE_SECONDS)))
# Addresses per sitemap file behind the index /sitemap.xml (sitemaps.org allows 50 000 at most,
# which is also the cap); smaller files are cheaper to render on a cache miss.
SITEMAP_URLS_PER_FILE = int(os.environ.get("SITEMAP_URLS_PER_FILE", "5000"))
PAGE_CACHE_EXCLUDED_PREFIXES = ("/admin/", "/search/", "/static/", "/media/", "/documents/")

# The HTTP caches in front (Varnish instances, a CDN speaking HTTP PURGE), comma-separated: each
# is purged exactly like the page cache (core.frontend_cache).
FRONTEND_CACHE_URLS = env_list("FRONTEND_CACHE_URL")
WAGTAILFRONTENDCACHE = {
    f"front{number}": {"BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend", "LOCATION": url}
    for number, url in enumerate(FRONTEND_CACHE_URLS, start=1)
}

# Threads per web worker. Each may hold a database connection: workers times threads per app
# process must stay well under PostgreSQL's max_connections (100 by default).
WEB_THREADS = int(os.environ.get("WEB_THREADS", "8"))

# GET /healthz/ready answers to "Authorization: Bearer <token>"; unset: to this machine only.
READINESS_TOKEN = os.environ.get("READINESS_TOKEN", "")
READINESS_QUEUE_AGE_SECONDS = int(os.environ.get("READINESS_QUEUE_AGE_SECONDS", "300"))
# runsite restarts a stopped worker or scheduler at most this many times per window (ADR 0015).
RUNSITE_RESTART_LIMIT = int(os.environ.get("RUNSITE_RESTART_LIMIT", "5"))
RUNSITE_RESTART_WINDOW_SECONDS = float(os.environ.get("RUNSITE_RESTART_WINDOW_SECONDS", "300"))
# GET /metrics answers to "Authorization: Bearer <token>" and to direct peers in these networks
# (comma-separated addresses or CIDR); with neither set, to this machine only (core.metrics).
METRICS_TOKEN = os.environ.get("METRICS_TOKEN", "")
METRICS_NETWORKS = env_list("METRICS_NETWORKS")
# One log line per request or task slower than this (milliseconds).
SLOW_REQUEST_MS = float(os.environ.get("SLOW_REQUEST_MS", "1000"))
SLOW_TASK_MS = float(
    os.environ.get("SLOW_TASK_MS")
    or 1000 * float(os.environ.get("WORKER_SLOW_TASK_SECONDS", "10"))  # its name before SLOW_TASK_MS
)
# Granian's access log (one line per request, on standard output); off unless asked for.
WEB_ACCESS_LOG = env_bool("WEB_ACCESS_LOG", False)
# The worker logs failures, slow tasks (SLOW_TASK_MS), and a summary line this often.
WORKER_SUMMARY_SECONDS = float(os.environ.get("WORKER_SUMMARY_SECONDS", "900"))

# Background work --------------------------------------------------------------
TASKS = {
    "default": {
        "BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
    }
}
SCHEDULER_TICK_SECONDS = float(os.environ.get("SCHEDULER_TICK_SECONDS", "5"))
# A worker silent this long is presumed dead and its running task is queued again.
TASK_WORKER_PRESUMED_DEAD_SECONDS = int(os.environ.get("TASK_WORKER_PRESUMED_DEAD_SECONDS", "30"))

# Comments: optional Akismet-compatible spam check, used only when a key is set.
COMMENTS_AKISMET_KEY = os.environ.get("AKISMET_API_KEY", "")
COMMENTS_AKISMET_URL = os.environ.get("AKISMET_URL", "https://rest.akismet.com")
# Moderators get at most one notice of held comments per this many seconds, listing them all.
COMMENTS_NOTICE_SECONDS = int(os.environ.get("COMMENTS_NOTICE_SECONDS", "300"))

# Client IP: proxy headers are believed only from these addresses / networks.
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES")

# Auth and admin login rate limiting ----------------------------------------------
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# A short, growing delay per address and user name instead of locking the account (ADR 0018).
ADMIN_LOGIN_FAILURE_LIMIT = int(os.environ.get("ADMIN_LOGIN_FAILURE_LIMIT", "5"))  # free failures
AXES_FAILURE_LIMIT = "accounts.signin.failure_limit"
AXES_LOCKOUT_PARAMETERS = [["ip_address", "username"]]
AXES_COOLOFF_TIME = timedelta(hours=24)  # how long axes keeps its counters; the delay is shorter
AXES_ENABLE_ACCESS_FAILURE_LOG = True
# The delay is computed from these rows: a flood on one name must not trim away a guesser's history.
AXES_ACCESS_FAILURE_LOG_PER_USER_LIMIT = 100_000
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_CLIENT_IP_CALLABLE = "core.clientip.client_ip"
AXES_CLIENT_STR_CALLABLE = "accounts.signin.client_str"
AXES_LOCKOUT_TEMPLATE = "accounts/signin_wait.html"
AXES_VERBOSE = False
LOGIN_URL = "wagtailadmin_login"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalisation ------------------------------------------------------------
LANGUAGE_CODE = "en-gb"
TIME_ZONE = os.environ.get("TIME_ZONE", "Europe/London")
USE_I18N = True
USE_TZ = True

# Static and media ------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = os.environ.get("STATIC_ROOT", str(BASE_DIR / "static_collected"))
MEDIA_URL = "/media/"
MEDIA_ROOT = os.environ.get("MEDIA_ROOT", str(VAR_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Uploaded media in an S3-compatible bucket, which every app machine and worker reaches (core.media).
MEDIA_BUCKET = os.environ.get("MEDIA_BUCKET", "")
if MEDIA_BUCKET:
    STORAGES["default"] = {
        "BACKEND": "core.media.ObjectStorage",
        "OPTIONS": {
            "bucket_name": MEDIA_BUCKET,
            # Unset: AWS itself, and boto3's own search for credentials (e.g. an instance role).
            "endpoint_url": os.environ.get("MEDIA_ENDPOINT_URL") or None,
            "region_name": os.environ.get("MEDIA_REGION") or None,
            "access_key": os.environ.get("MEDIA_ACCESS_KEY_ID") or None,
            "secret_key": os.environ.get("MEDIA_SECRET_ACCESS_KEY") or None,
            "location": os.environ.get("MEDIA_PREFIX", ""),
            "file_overwrite": False,  # two uploads named photo.jpg are two files, as on disk
            "default_acl": None,  # the bucket stays private: the site serves its media
        },
    }
WHITENOISE_MAX_AGE = 31536000
# The app serves /media/ from local files in embedded mode, and always from a bucket (through
# Varnish or a CDN); at scale with local files, the web server in front serves MEDIA_ROOT.
SERVE_MEDIA = env_bool("SERVE_MEDIA", not PRODUCTION or bool(MEDIA_BUCKET))

# Wagtail -------------------------------------------------------------------------------
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"avif": "avif", "webp": "webp"}
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILADMIN_COMMENTS_ENABLED = True
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAILREDIRECTS_AUTO_CREATE = True
WAGTAILEMBEDS_FINDERS: list[dict] = []  # embeds are click-to-load; nothing is fetched server-side
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Email (see mail/README.md) -----------------------------------------------------------
# Every send_mail is queued in the outbox; the relay hands it to MAIL_DELIVERY_BACKEND.
EMAIL_BACKEND = "mail.backends.OutboxBackend"
MAIL_DELIVERY_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "newsroom@localhost")
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "30"))


def _mail_env(name: str, default: str) -> str:
    """MAIL_<name>, or NEWSLETTER_<name> as it was called when only the newsletter had an outbox."""
    return os.environ.get(f"MAIL_{name}", os.environ.get(f"NEWSLETTER_{name}", default))


MAIL_SEND_RATE = float(_mail_env("SEND_RATE", "10"))  # messages/second; 0 = no limit
MAIL_MAX_ATTEMPTS = int(_mail_env("MAX_ATTEMPTS", "8"))
MAIL_RETRY_SECONDS = int(_mail_env("RETRY_SECONDS", "60"))  # doubles per attempt
MAIL_RELAY_EVERY_SECONDS = int(_mail_env("RELAY_EVERY_SECONDS", "60"))
MAIL_KEEP_DAYS = int(os.environ.get("MAIL_KEEP_DAYS", "3"))  # sent mail (with its links) is then deleted

# Newsletter (see newsletter/README.md) ---------------------------------------------------
NEWSLETTER_CONFIRM_DAYS = int(os.environ.get("NEWSLETTER_CONFIRM_DAYS", "3"))  # link lifetime and purge age
NEWSLETTER_SUBSCRIBE_LIMIT = int(os.environ.get("NEWSLETTER_SUBSCRIBE_LIMIT", "10"))  # per client IP per hour
NEWSLETTER_WEBHOOK_SECRET = os.environ.get("NEWSLETTER_WEBHOOK_SECRET", "")

# Security ----------------------------------------------------------------------------
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Embeds (ADR 0026): the providers whose click-to-load players articles may embed.
try:
    EMBED_PROVIDERS = embed_providers.allowed(
        env_list("EMBED_PROVIDERS", ",".join(embed_providers.DEFAULT_ALLOWED))
    )
except ValueError as error:
    raise ImproperlyConfigured(f"EMBED_PROVIDERS: {error}") from None
# Content-Security-Policy (core.security, ADR 0012). Public pages: every script, style, font and
# image from this site; only the click-to-load players of the allowed embed providers may be framed.
EMBED_FRAME_SOURCES = embed_providers.frame_sources(EMBED_PROVIDERS)
CONTENT_SECURITY_POLICY: dict[str, list[str]] = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "media-src": ["'self'"],
    # An empty allowlist frames nothing at all ('none'), not "anything" (a bare directive).
    "frame-src": EMBED_FRAME_SOURCES or ["'none'"],
    "frame-ancestors": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "object-src": ["'none'"],
}
# The admin's own templates carry inline scripts and styles, and its page preview frames the
# site itself; it is reached only by signed-in staff and is never cached.
CONTENT_SECURITY_POLICY_ADMIN: dict[str, list[str]] = CONTENT_SECURITY_POLICY | {
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'", "data:"],
    "frame-src": ["'self'", *EMBED_FRAME_SOURCES],
    "frame-ancestors": ["'self'"],
}
ADMIN_PATH_PREFIXES = ("/admin/", "/django-admin/")
# Features the site never uses are switched off for it and anything it frames.
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), "
    "payment=(), usb=(), browsing-topics=()"
)
WAGTAIL_GRAVATAR_PROVIDER_URL = None  # the admin would otherwise load avatars from gravatar.com
if PRODUCTION:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = 31536000
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    CSRF_TRUSTED_ORIGINS = [SITE_URL]
    for policy in (CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY_ADMIN):
        policy["upgrade-insecure-requests"] = []

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
TAGGIT_STRIP_UNICODE_WHEN_SLUGIFYING = True  # tag URLs stay ASCII (café → cafe)
