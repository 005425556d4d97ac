"""Pontio's one settings file: every setting is an environment variable with a default that
makes a fresh clone run (SQLite in ./pontio-data, mail written to disk, no secrets in code)."""

import os
import secrets
from pathlib import Path

import dj_database_url
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent


def envbool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def envint(name: str, default: int) -> int:
    value = os.environ.get(name)
    return int(value) if value else default


def envstr(name: str, default: str) -> str:
    return os.environ.get(name) or default


def envlist(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    return [v.strip() for v in value.split(",") if v.strip()] if value else default


DATA_DIR = Path(envstr("PONTIO_DATA_DIR", str(Path.cwd() / "pontio-data"))).resolve()
DATA_DIR.mkdir(parents=True, exist_ok=True)


def _secret_key() -> str:
    """The key from the environment, or one generated on first run and kept in the data dir."""
    if key := os.environ.get("PONTIO_SECRET_KEY"):
        return key
    path = DATA_DIR / "secret-key"
    if not path.exists():
        # O_EXCL: two processes starting at once must not write two different keys.
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            pass
        else:
            with os.fdopen(fd, "w") as f:
                f.write(secrets.token_urlsafe(64))
    return path.read_text().strip()


SECRET_KEY = _secret_key()
DEBUG = envbool("PONTIO_DEBUG", False)
HTTPS = envbool("PONTIO_HTTPS", False)
ALLOWED_HOSTS = envlist("PONTIO_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
SITE_URL = envstr("PONTIO_SITE_URL", "http://127.0.0.1:" + envstr("PORT", "8000"))
CSRF_TRUSTED_ORIGINS = envlist("PONTIO_CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "pontio.accounts",
    "pontio.organisations",
    "pontio.taxonomy",
    "pontio.library",
    "pontio.agenda",
    "pontio.briefs",
    "pontio.people",
    "pontio.projects",
    "pontio.events",
    "pontio.search",
    "pontio.jobs",
    "pontio.audit",
    "pontio.core",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.forms",
    "django_htmx",
    "django_tasks_db",
    "simple_history",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.usersessions",
    "allauth.socialaccount",
    "allauth.socialaccount.providers.openid_connect",
    "allauth.socialaccount.providers.orcid",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "pontio.accounts.middleware.PersonLanguageMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "allauth.usersessions.middleware.UserSessionsMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
]

ROOT_URLCONF = "pontio.urls"
WSGI_APPLICATION = "pontio.wsgi.application"
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "core:home"

FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "pontio.core.context_processors.navigation",
            ],
        },
    }
]

# Database: SQLite in WAL mode by default, PostgreSQL by one variable.
DATABASE_URL = envstr("PONTIO_DATABASE_URL", "sqlite:///" + str(DATA_DIR / "pontio.sqlite3"))
DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=600)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"
        ),
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.Person"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Sign-in (django-allauth): email and password, no open sign-up (people are invited), MFA.
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "none"
ACCOUNT_ADAPTER = "pontio.accounts.adapters.AccountAdapter"
SOCIALACCOUNT_ADAPTER = "pontio.accounts.adapters.SocialAccountAdapter"
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_PASSWORD_RESET_BY_CODE_ENABLED = False
ACCOUNT_LOGIN_ON_PASSWORD_RESET = False
# Sessions last PONTIO_SESSION_HOURS; no "remember me" box.
ACCOUNT_SESSION_REMEMBER = True
ACCOUNT_RATE_LIMITS = {
    # Failed sign-ins are slowed per address and per account (allauth counts them in the cache).
    "login_failed": envstr("PONTIO_LOGIN_FAILED_LIMIT", "10/m/ip,5/5m/key"),
    "reset_password": "20/m/ip,5/m/key",
}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
# Addresses are entered by administrators and proven by the invitation link, not verified by a
# separate email round trip, so MFA must not wait for one.
MFA_ALLOW_UNVERIFIED_EMAIL = True
MFA_TOTP_ISSUER = "Pontio"
USERSESSIONS_TRACK_ACTIVITY = True
PASSWORD_RESET_TIMEOUT = envint("PONTIO_PASSWORD_RESET_TIMEOUT", 60 * 60 * 3)

# Single sign-on with Microsoft Entra ID or any OpenID Connect provider: off unless configured.
OIDC_SERVER_URL = envstr("PONTIO_OIDC_SERVER_URL", "")
SOCIALACCOUNT_PROVIDERS: dict[str, dict[str, object]] = {}
if OIDC_SERVER_URL:
    SOCIALACCOUNT_PROVIDERS["openid_connect"] = {
        "APPS": [
            {
                "provider_id": envstr("PONTIO_OIDC_PROVIDER_ID", "oidc"),
                "name": envstr("PONTIO_OIDC_NAME", "Microsoft Entra ID"),
                "client_id": envstr("PONTIO_OIDC_CLIENT_ID", ""),
                "secret": envstr("PONTIO_OIDC_CLIENT_SECRET", ""),
                "settings": {"server_url": OIDC_SERVER_URL},
            }
        ],
        "OAUTH_PKCE_ENABLED": True,
    }
# ORCID proves that a researcher is who an imported draft profile describes (ADR 0019). It only
# connects to someone already signed in, and then may sign them in: it never makes an account
# nor finds one by email (see accounts/adapters.py). Off unless configured.
ORCID_CLIENT_ID = envstr("PONTIO_ORCID_CLIENT_ID", "")
ORCID_CLIENT_SECRET = envstr("PONTIO_ORCID_CLIENT_SECRET", "")
if ORCID_CLIENT_ID and ORCID_CLIENT_SECRET:
    SOCIALACCOUNT_PROVIDERS["orcid"] = {
        "APPS": [
            {
                "name": "ORCID",
                "client_id": ORCID_CLIENT_ID,
                "secret": ORCID_CLIENT_SECRET,
                "settings": {"email_authentication": False, "verified_email": False},
            }
        ],
        "BASE_DOMAIN": (
            "sandbox.orcid.org" if envbool("PONTIO_ORCID_SANDBOX", False) else "orcid.org"
        ),
        "MEMBER_API": False,
    }
SOCIALACCOUNT_ONLY = False
SOCIALACCOUNT_AUTO_SIGNUP = True
SOCIALACCOUNT_EMAIL_AUTHENTICATION = True
SOCIALACCOUNT_EMAIL_AUTHENTICATION_AUTO_CONNECT = True

# Languages: English and Welsh. Pontio's own catalogue overrides Django's and allauth's.
LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("cy", _("Welsh"))]
# Pontio's own strings; then its Welsh for the strings of Django and django-allauth that Pontio
# shows (allauth has no Welsh, Django's is incomplete). Earlier paths win.
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale_thirdparty"]
USE_I18N = True
TIME_ZONE = "Europe/London"
USE_TZ = True
LANGUAGE_COOKIE_NAME = "pontio_language"
LANGUAGE_COOKIE_SECURE = HTTPS
LANGUAGE_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_AGE = 60 * 60 * 24 * 365

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)
STATICFILES_DIRS = [BASE_DIR / "static"]
WHITENOISE_USE_FINDERS = True
MEDIA_ROOT = DATA_DIR / "media"
# Embeddings for search by meaning, memory-mapped by every process (see docs/decisions/0013).
# Several web hosts share it as they share MEDIA_ROOT.
VECTORS_DIR = Path(envstr("PONTIO_VECTORS_DIR", str(DATA_DIR / "vectors")))
# "auto": in PostgreSQL when it has the pgvector extension, else the numpy files; "numpy": always
# the files. Changing where vectors live needs `pontio embed --all` once.
VECTOR_INDEX = envstr("PONTIO_VECTOR_INDEX", "auto")
MEDIA_URL = "/media/"
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = envint("PONTIO_MAX_UPLOAD_MB", 50) * 1024 * 1024

# Mail: written to the data directory (readable by administrators) unless SMTP is configured.
EMAIL_URL = envstr("PONTIO_EMAIL_URL", "")
MAIL_DIR = DATA_DIR / "mail"
if EMAIL_URL.startswith(("smtp://", "smtps://", "submission://")):
    from urllib.parse import unquote, urlparse

    _mail = urlparse(EMAIL_URL)
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": _mail.hostname or "localhost",
                "port": _mail.port or (465 if _mail.scheme == "smtps" else 587),
                "username": unquote(_mail.username or ""),
                "password": unquote(_mail.password or ""),
                "use_ssl": _mail.scheme == "smtps",
                "use_tls": _mail.scheme == "submission",
                "timeout": 20,
            },
        }
    }
else:
    MAILERS = {"default": {"BACKEND": "pontio.core.mail.DataDirEmailBackend"}}
DEFAULT_FROM_EMAIL = envstr("PONTIO_FROM_EMAIL", "Pontio <pontio@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Jobs: Django's Tasks API with a database queue. Tests run them inline.
TASKS = {
    "default": {
        "BACKEND": envstr("PONTIO_TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
        "QUEUES": ["default"],
    }
}
JOB_MAX_ATTEMPTS = envint("PONTIO_JOB_MAX_ATTEMPTS", 3)
JOB_STALE_AFTER_SECONDS = envint("PONTIO_JOB_STALE_AFTER_SECONDS", 120)
# Periodic jobs: name -> (task path, period in seconds). Each runs once per period, whatever
# the number of workers.
SCHEDULE: dict[str, tuple[str, int]] = {
    "clear-expired-sessions": ("pontio.jobs.tasks.clear_expired_sessions", 24 * 60 * 60),
    "prune-finished-jobs": ("pontio.jobs.tasks.prune_finished_jobs", 24 * 60 * 60),
    "tell-collection-followers": (
        "pontio.library.tasks.tell_collection_followers",
        24 * 60 * 60,
    ),
}
JOB_RETENTION_DAYS = envint("PONTIO_JOB_RETENTION_DAYS", 30)

CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "pontio_cache",
    }
}

# Which plain-language findings stop a brief being published (pontio.briefs.checks.Kind);
# unset, the checks' own default applies.
if os.environ.get("PONTIO_BRIEF_PUBLISH_BLOCKERS"):
    BRIEF_PUBLISH_BLOCKERS = tuple(envlist("PONTIO_BRIEF_PUBLISH_BLOCKERS", []))

# Security: deny by default (LoginRequiredMiddleware), CSP, HTTPS settings when served over TLS.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "object-src": [CSP.NONE],
}
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = envint("PONTIO_SESSION_HOURS", 12) * 60 * 60
SECURE_SSL_REDIRECT = HTTPS and envbool("PONTIO_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365 if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if envbool("PONTIO_BEHIND_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
CSRF_FAILURE_VIEW = "pontio.core.views.csrf_failure"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": envstr("PONTIO_LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "WARNING"}},
}

# Pontio's own settings.
ORGANISATION_NAME = envstr("PONTIO_ORGANISATION_NAME", "Pontio")
INVITATION_DAYS = envint("PONTIO_INVITATION_DAYS", 14)
PAGE_SIZE = 25
LIBRARY_MAX_IMPORT_MB = envint("PONTIO_LIBRARY_MAX_IMPORT_MB", 50)
LIBRARY_MAX_FILE_MB = envint("PONTIO_LIBRARY_MAX_FILE_MB", 25)
# Outbound calls to OpenAlex, Crossref, Unpaywall ...: a polite contact address, and a key.
CONTACT_EMAIL = envstr("PONTIO_CONTACT_EMAIL", "pontio@example.org")
OPENALEX_API_KEY = envstr("PONTIO_OPENALEX_API_KEY", "")
