"""The app publishes the site in Dutch at the root and in English under ``en/``, with a language
switch on every page; served by the app (fast path and Django) and in the zip."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import pytest
from django.test import Client
from site_client import body, get, on_test_connection
from web_world import World

from rekenschap.web.core import publishing


class _Links(HTMLParser):
    """The ``<html lang>``, the language-switch links (``<a hreflang>``) and every local
    ``href``/``src`` of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.lang = ""
        self.switch: dict[str, str] = {}
        self.local: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {k: v or "" for k, v in attrs}
        if tag == "html":
            self.lang = found.get("lang", "")
        if tag == "a" and "hreflang" in found:
            self.switch[found["hreflang"]] = found.get("href", "")
        for name in ("href", "src"):
            ref = found.get(name, "")
            if ref and not urlsplit(ref).scheme and not ref.startswith(("#", "//", "mailto:")):
                self.local.add(ref.split("#")[0])


def _parse(page: bytes) -> _Links:
    links = _Links()
    links.feed(page.decode("utf-8"))
    return links


@pytest.fixture
def wsgi(world: World) -> Iterator[World]:
    with on_test_connection():
        yield world


def _names(document: int) -> list[str]:
    publication = publishing.latest(document)
    assert publication is not None
    return zipfile.ZipFile(io.BytesIO(bytes(publication.archive))).namelist()


def test_the_zip_holds_dutch_at_the_root_and_english_under_en(world: World) -> None:
    archive = Client().get(f"/site/{world.document.pk}.zip")
    names = zipfile.ZipFile(io.BytesIO(archive.content)).namelist()
    dutch = {n for n in names if n.endswith(".html") and not n.startswith("en/")}
    english = {n.removeprefix("en/") for n in names if n.startswith("en/") and n.endswith(".html")}
    assert "index.html" in dutch and dutch == english  # every page in both, same file names
    assert "static/search-index-en.js" in names


def test_every_page_switches_to_the_same_page_in_the_other_language(wsgi: World) -> None:
    doc = wsgi.document.pk
    pages = [n for n in _names(doc) if n.endswith(".html") and not n.startswith("en/")]
    assert len(pages) >= 3
    for page in pages:
        for here, lang, other in ((page, "nl", "en"), (f"en/{page}", "en", "nl")):
            url = f"/site/{doc}/{here}"
            status, _headers, content = get(url)
            assert status == "200 OK", url
            links = _parse(content)
            assert links.lang == lang, url
            target = urljoin(url, links.switch[other])
            status, _headers, switched = get(target)
            assert status == "200 OK", target
            assert _parse(switched).lang == other
            # the switch leads to the same page, and back again
            assert target == f"/site/{doc}/{page if other == 'nl' else 'en/' + page}"
            assert urljoin(target, _parse(switched).switch[lang]) == url


def test_the_english_pages_links_and_assets_are_all_served(wsgi: World) -> None:
    doc = wsgi.document.pk
    english = [n for n in _names(doc) if n.startswith("en/") and n.endswith(".html")]
    seen: set[str] = set()
    for page in english:
        url = f"/site/{doc}/{page}"
        _status, _headers, content = get(url)
        for ref in _parse(content).local:
            target = urljoin(url, ref)
            if target in seen:
                continue
            seen.add(target)
            status, _headers, _content = get(target)
            assert status == "200 OK", f"{url} links {ref} -> {target}: {status}"
    assert any(re.search(r"/static/.+\.css$", t) for t in seen)
    assert any(t.startswith(f"/site/{doc}/en/") for t in seen)


def test_english_pages_through_django_and_their_validators(wsgi: World) -> None:
    doc = wsgi.document.pk
    page = next(n for n in _names(doc) if n.startswith("en/") and n.count("/") == 2)
    response = Client().get(f"/site/{doc}/{page}")  # the view behind the fast path
    assert response.status_code == 200 and b'<html lang="en"' in body(response)
    status, headers, content = get(f"/site/{doc}/{page}")
    assert status == "200 OK" and b'<html lang="en"' in content
    _status, dutch, _content = get(f"/site/{doc}/{page.removeprefix('en/')}")
    assert dutch["ETag"] != headers["ETag"]
    status, _headers, content = get(f"/site/{doc}/{page}", if_none_match=headers["ETag"])
    assert status == "304 Not Modified" and content == b""
