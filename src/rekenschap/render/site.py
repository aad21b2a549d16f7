"""The static website (statische website): ``build_site`` writes every page of every report.

The site works from ``file://`` and from any static host: links are relative, assets are
copied next to the pages, search is a script with an embedded index. Charts are rendered once
per distinct spec (see :class:`~rekenschap.render.charts.ChartRenderer`).
"""

from __future__ import annotations

import json
import shutil
import time
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from rekenschap.model import Problem, Report
from rekenschap.render.builder import build_document
from rekenschap.render.charts import ChartRenderer
from rekenschap.render.comparison import ComparisonPage
from rekenschap.render.html import environment
from rekenschap.render.messages import Lang, check_lang, message
from rekenschap.render.pagedata import DocumentData, Link

STATIC = Path(__file__).parent / "static"


@dataclass(frozen=True)
class SiteResult:
    """What ``build_site`` wrote, and how long it took (charts separately)."""

    out_dir: Path
    pages: tuple[Path, ...]
    documents: tuple[DocumentData, ...]
    seconds: float
    chart_seconds: float
    charts_rendered: int


def build_site(reports: Sequence[Report], out_dir: str | Path, *, lang: str = "nl",
               public: bool = False, problems: Sequence[Sequence[Problem]] | None = None,
               chart_cache: Path | None = None,
               comparisons: Sequence[ComparisonPage] = ()) -> SiteResult:
    """Write the website for ``reports`` to ``out_dir``.

    ``problems`` holds one list per report (same order); the problems page is written unless
    ``public`` is true. Without ``problems`` an internal build shows an empty problems page.
    ``comparisons`` (see :mod:`rekenschap.render.comparison`) become pages of their own, linked
    from the site index and from the overview of every document of that municipality (or of
    every document without a CBS code).
    """
    start = time.perf_counter()
    language = check_lang(lang)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    if problems is not None and len(problems) != len(reports):
        raise ValueError(f"problems has {len(problems)} lists for {len(reports)} reports")
    docs = _linked(_documents(reports, language, public, problems), reports, comparisons,
                   language)
    renderer = ChartRenderer(lang=language, cache_dir=chart_cache)
    svgs = renderer.render_all([*(c for d in docs for c in d.charts()),
                                *(s.chart for p in comparisons for s in p.measures if s.chart)])
    pages = _write_pages(docs, out, language, svgs, comparisons)
    _copy_static(out)
    _write_search_index(docs, out)
    return SiteResult(out_dir=out, pages=tuple(pages), documents=tuple(docs),
                      seconds=time.perf_counter() - start,
                      chart_seconds=renderer.seconds, charts_rendered=renderer.rendered)


def _documents(reports: Sequence[Report], lang: Lang, public: bool,
               problems: Sequence[Sequence[Problem]] | None) -> list[DocumentData]:
    docs: list[DocumentData] = []
    used: set[str] = set()
    for i, report in enumerate(reports):
        found = None if public else list(problems[i]) if problems is not None else []
        doc = build_document(report, lang=lang, problems=found)
        slug, n = doc.slug, 2
        while slug in used:
            slug, n = f"{doc.slug}-{n}", n + 1
        used.add(slug)
        if slug != doc.slug:
            doc = DocumentData(**{**doc.__dict__, "slug": slug, "search": tuple(
                type(e)(e.href.replace(doc.slug + "/", slug + "/", 1), e.title, e.text)
                for e in doc.search)})
        docs.append(doc)
    return docs


def _linked(docs: list[DocumentData], reports: Sequence[Report],
            comparisons: Sequence[ComparisonPage], lang: Lang) -> list[DocumentData]:
    """Documents whose municipality has a comparison page link to it from their overview."""
    out = []
    for doc, report in zip(docs, reports, strict=True):
        code = report.organisation.cbs_code
        page = next((c for c in comparisons if code is None or c.cbs_code == code), None)
        if page is not None:
            overview = replace(doc.overview, comparison=Link(f"../{page.href}", page.title))
            doc = replace(doc, overview=overview)
        out.append(doc)
    return out


def _write_pages(docs: list[DocumentData], out: Path, lang: Lang,
                 svgs: dict[str, str], comparisons: Sequence[ComparisonPage] = ()) -> list[Path]:
    env = environment(lang)
    site_title = message("site.title", lang)
    written: list[Path] = []

    def write(path: Path, template: str, **context: Any) -> None:
        html = env.get_template(template).render(site_title=site_title, svgs=svgs, **context)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(html, encoding="utf-8")
        written.append(path)

    write(out / "index.html", "index.html.j2", root="", current="home", breadcrumbs=[],
          page_title=message("site.home", lang), documents=docs, comparisons=comparisons)
    for cmp in comparisons:
        crumbs = [Link("index.html", message("site.home", lang)), Link(cmp.href, cmp.title)]
        write(out / cmp.href, "comparison.html.j2", root="", current="comparison",
              breadcrumbs=crumbs, page_title=cmp.title, cmp=cmp)
    write(out / "zoeken.html", "search.html.j2", root="", current="search", breadcrumbs=[],
          page_title=message("site.search", lang))
    for doc in docs:
        home = Link("../index.html", message("site.home", lang))
        doc_link = Link("index.html", doc.title)
        base = {"root": "../", "current": "doc", "doc": doc}
        write(out / doc.slug / "index.html", "document.html.j2", **base,
              breadcrumbs=[home, doc_link], page_title=f"{doc.title} {doc.organisation}")
        for page in doc.programmes:
            crumbs = [home, doc_link]
            if page.parent is not None:
                crumbs.append(page.parent)
            crumbs.append(Link(page.href, f"{page.code + ' ' if page.code else ''}{page.title}"))
            write(out / doc.slug / page.href, "programme.html.j2", **base, page=page,
                  breadcrumbs=crumbs, page_title=f"{crumbs[-1].text} | {doc.title}")
        if doc.problems is not None:
            title = message("prob.title", lang)
            write(out / doc.slug / "problemen.html", "problems.html.j2", **base,
                  breadcrumbs=[home, doc_link, Link("problemen.html", title)],
                  page_title=f"{title} | {doc.title}")
    return written


def _copy_static(out: Path) -> None:
    target = out / "static"
    shutil.copytree(STATIC, target, dirs_exist_ok=True,
                    ignore=shutil.ignore_patterns("VENDOR.json", "__pycache__"))


def _write_search_index(docs: list[DocumentData], out: Path) -> None:
    entries = [{"href": e.href, "title": e.title, "text": e.text}
               for d in docs for e in d.search]
    # A script, not JSON: fetch() of file:// URLs is blocked, a <script src> is not.
    payload = json.dumps(entries, ensure_ascii=False).replace("</", "<\\/")
    (out / "static" / "search-index.js").write_text(
        f"window.REKENSCHAP_SEARCH = {payload};\n", encoding="utf-8")
