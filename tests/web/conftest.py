"""Django for the web tests: settings, a test database (SQLite, or PostgreSQL when
``REKENSCHAP_TEST_DATABASE_URL`` is set), a rolled-back transaction per test, and a small world
of users in every role with a document imported from the seed example."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from collections.abc import Iterator

import pytest

TEST_DB_URL = os.environ.get("REKENSCHAP_TEST_DATABASE_URL", "")
os.environ["DJANGO_SETTINGS_MODULE"] = "rekenschap.web.settings"
os.environ["REKENSCHAP_DATA_DIR"] = tempfile.mkdtemp(prefix="rekenschap-webtest-")
# One data folder per test process, removed when the process ends (it holds unpacked sites).
atexit.register(shutil.rmtree, os.environ["REKENSCHAP_DATA_DIR"], ignore_errors=True)
if TEST_DB_URL:
    os.environ["REKENSCHAP_DATABASE_URL"] = TEST_DB_URL
else:
    os.environ.pop("REKENSCHAP_DATABASE_URL", None)

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402

# pytest-xdist: each worker process gets its own test database.
_WORKER = os.environ.get("PYTEST_XDIST_WORKER", "main")
if TEST_DB_URL:
    from django.db import connections

    connections["default"].settings_dict["TEST"]["NAME"] = f"test_rekenschap_{_WORKER}"
# Argon2 is the production hasher (tested in test_security); tests use a fast one.
settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

from django.db import transaction  # noqa: E402
from django.test.utils import (  # noqa: E402
    setup_databases,
    setup_test_environment,
    teardown_databases,
    teardown_test_environment,
)
from web_world import World, make_world  # noqa: E402

BACKEND = "postgresql" if TEST_DB_URL else "sqlite"


@pytest.fixture(scope="session", autouse=True)
def _django_test_db() -> Iterator[None]:
    setup_test_environment()
    old = setup_databases(verbosity=0, interactive=False)
    yield
    teardown_databases(old, verbosity=0)
    teardown_test_environment()


@pytest.fixture
def db() -> Iterator[None]:
    """Everything the test writes is rolled back at its end."""
    with transaction.atomic():
        yield
        transaction.set_rollback(True)


@pytest.fixture
def world(db: None) -> World:
    return make_world()
