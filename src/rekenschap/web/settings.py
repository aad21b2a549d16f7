"""Django settings for the Rekenschap web application (development/embedded default).

Everything that differs per installation comes from the environment:
``REKENSCHAP_DATA_DIR`` (data folder, default ``./rekenschap-data``), ``REKENSCHAP_DATABASE_URL``
(default: SQLite in the data folder), ``REKENSCHAP_SECRET_KEY`` (default: a key file in the data
folder), ``REKENSCHAP_ALLOWED_HOSTS`` (comma separated).
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from rekenschap.web.dburl import parse_database_url, sqlite_database

WEB_DIR = Path(__file__).resolve().parent
DATA_DIR = Path(os.environ.get("REKENSCHAP_DATA_DIR", "rekenschap-data")).resolve()


def _secret_key() -> str:
    """From the environment, else the data folder's key file (created when the data folder is
    named, as ``rekenschap serve`` does); a bare import (mypy, tools) writes nothing."""
    if key := os.environ.get("REKENSCHAP_SECRET_KEY"):
        return key
    path = DATA_DIR / "secret_key"
    if path.exists():
        return path.read_text(encoding="utf-8").strip()
    if "REKENSCHAP_DATA_DIR" not in os.environ:
        return "ephemeral-" + secrets.token_urlsafe(40)
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(50)
    path.write_text(key, encoding="utf-8")
    path.chmod(0o600)
    return key


SECRET_KEY = _secret_key()
DEBUG = os.environ.get("REKENSCHAP_DEBUG", "") == "1"
ALLOWED_HOSTS = [
    h
    for h in os.environ.get("REKENSCHAP_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver").split(",")
    if h
]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "axes",
    "rekenschap.web.core",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "rekenschap.web.core.middleware.SecurityHeadersMiddleware",
    "rekenschap.web.core.conditional.ApiConditionalGetMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "rekenschap.web.core.middleware.DutchFirstMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
    "rekenschap.web.core.middleware.PasswordChangeRequiredMiddleware",
]

ROOT_URLCONF = "rekenschap.web.urls"
WSGI_APPLICATION = "rekenschap.web.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [WEB_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
            ]
        },
    }
]

_url = os.environ.get("REKENSCHAP_DATABASE_URL", "")
DATABASES = {
    "default": parse_database_url(_url)
    if _url
    else sqlite_database(DATA_DIR / "rekenschap.sqlite3")
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "core.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
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
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# Login throttling (django-axes): 5 failures per username+address lock for 15 minutes.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 0.25
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_ENABLED = os.environ.get("REKENSCHAP_AXES", "1") == "1"

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands"), ("en", "English")]
LOCALE_PATHS = [WEB_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "Europe/Amsterdam"
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
# The app's CSS/JS, and the NL Design System CSS vendored with the site renderer (the published
# site's own copy) as static/vendor/ — served by the app itself (urls: static_files), no CDN.
STATICFILES_DIRS: list[Path | tuple[str, Path]] = [
    WEB_DIR / "static", ("vendor", WEB_DIR.parent / "render" / "static" / "vendor")]

# Upload limits: bigger request bodies are refused before they reach a view.
# The open-data folder (CBS Iv3, gemeenteklassen, crime) for the comparison page; empty: the
# search order of rekenschap.opendata.sources.discover.
REKENSCHAP_OPENDATA = os.environ.get("REKENSCHAP_OPENDATA", "")
UPLOAD_MAX_BYTES = int(os.environ.get("REKENSCHAP_UPLOAD_MAX_BYTES", str(50 * 1024 * 1024)))
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
UPLOAD_EXTENSIONS = {
    ".pdf": "pdf",
    ".txt": "text",
    ".json": "json",
    ".yaml": "yaml",
    ".yml": "yaml",
}

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "loggers": {"axes": {"handlers": ["console"], "level": "WARNING"}},
}
