"""WSGI entry point (gunicorn ``rekenschap.web.wsgi:application``): Django behind the fast path
for published site files."""

from __future__ import annotations

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "rekenschap.web.settings")
django_application = get_wsgi_application()

from rekenschap.web.sitefiles import SiteFiles  # noqa: E402  (needs Django set up)

application = SiteFiles(django_application)
