"""The static website (statische website): ``build_site`` writes every page of every report.

The site works from ``file://`` and from any static host: links are relative, assets are
copied next to the pages, search is a script with an embedded index. Charts are rendered once
per distinct spec (see :class:`~rekenschap.render.charts.ChartRenderer`).
"""

from __future__ import annotations

import json
import shutil
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from rekenschap.model import Problem, Report
from rekenschap.render.builder import build_document
from rekenschap.render.charts import ChartRenderer
from rekenschap.render.comparison import ComparisonPage
from rekenschap.render.html import environment
from rekenschap.render.messages import LANGUAGE_NAMES, Lang, check_lang, message
from rekenschap.render.pagedata import Alternate, DocumentData, Link

STATIC = Path(__file__).parent / "static"


@dataclass(frozen=True)
class SiteResult:
    """What ``build_site`` wrote, and how long it took (charts separately)."""

    out_dir: Path
    pages: tuple[Path, ...]
    documents: tuple[DocumentData, ...]
    """The documents of the first (root) language."""
    seconds: float
    chart_seconds: float
    charts_rendered: int
    languages: tuple[Lang, ...] = ("nl",)
    """The languages built: the first at the root, every other in a subfolder named after it."""
    charts_shared: int = 0
    """Charts drawn the same in every language, rendered once for the first language."""
    timings: dict[str, float] = field(default_factory=dict)
    """Seconds per phase: pagedata, charts, pages (templates and writes), search, static."""


Comparisons = Sequence[ComparisonPage] | Mapping[str, Sequence[ComparisonPage]]
"""Comparison pages: one list for a one-language build, or one list per language."""


@dataclass(frozen=True)
class _Tree:
    """One language's pages: ``prefix`` is "" for the root language, "en/" for the others."""

    lang: Lang
    prefix: str
    docs: list[DocumentData]
    comparisons: Sequence[ComparisonPage]


def build_site(reports: Sequence[Report], out_dir: str | Path, *, lang: str = "nl",
               languages: Sequence[str] | None = None,
               public: bool = False, problems: Sequence[Sequence[Problem]] | None = None,
               chart_cache: Path | None = None,
               comparisons: Comparisons = ()) -> SiteResult:
    """Write the website for ``reports`` to ``out_dir``.

    ``languages`` (default: just ``lang``) builds one tree per language: the first at the root
    of ``out_dir``, every other under ``<lang>/`` (``en/``) with the same file names, and every
    page links to the same page in the other languages (a language switch, ``hreflang``).
    ``problems`` holds one list per report (same order); the problems page is written unless
    ``public`` is true. Without ``problems`` an internal build shows an empty problems page.
    ``comparisons`` (see :mod:`rekenschap.render.comparison`) become pages of their own, linked
    from the site index and from the overview of every document of that municipality (or of
    every document without a CBS code); give one list per language for a multi-language build.
    """
    start = time.perf_counter()
    langs = tuple(dict.fromkeys(check_lang(code) for code in (languages or (lang,))))
    if not langs:
        raise ValueError("languages is empty")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    if problems is not None and len(problems) != len(reports):
        raise ValueError(f"problems has {len(problems)} lists for {len(reports)} reports")
    timings: dict[str, float] = {}
    clock = time.perf_counter()

    def lap(phase: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        timings[phase] = timings.get(phase, 0.0) + now - clock
        clock = now

    trees = []
    for i, language in enumerate(langs):
        pages_cmp = _comparisons_for(comparisons, language, langs)
        docs = _linked(_documents(reports, language, public, problems), reports, pages_cmp,
                       language)
        trees.append(_Tree(language, "" if i == 0 else f"{language}/", docs, pages_cmp))
    lap("pagedata")
    svgs: dict[str, str] = {}
    renderers: list[ChartRenderer] = []
    for tree in trees:
        renderer = ChartRenderer(lang=tree.lang, cache_dir=chart_cache)
        charts = [*(c for d in tree.docs for c in d.charts()),
                  *(s.chart for p in tree.comparisons for s in p.measures if s.chart)]
        if renderers:
            renderer.share(charts, renderers[0])
        svgs.update(renderer.render_all(charts))
        renderers.append(renderer)
    lap("charts")
    plans = {tree.lang: _plan(tree) for tree in trees}
    pages: list[Path] = []
    for tree in trees:
        pages.extend(_write_pages(tree, plans, trees, out, svgs))
        lap("pages")
        _write_search_index(tree, out)
        lap("search")
    _copy_static(out)
    lap("static")
    return SiteResult(out_dir=out, pages=tuple(pages), documents=tuple(trees[0].docs),
                      seconds=time.perf_counter() - start,
                      chart_seconds=sum(r.seconds for r in renderers),
                      charts_rendered=sum(r.rendered for r in renderers),
                      languages=langs, charts_shared=sum(r.shared for r in renderers),
                      timings=timings)


def _comparisons_for(comparisons: Comparisons, lang: Lang,
                     langs: tuple[Lang, ...]) -> Sequence[ComparisonPage]:
    if isinstance(comparisons, Mapping):
        return tuple(comparisons.get(lang, ()))
    if comparisons and len(langs) > 1:
        raise ValueError("a multi-language site needs comparison pages per language "
                         "(a mapping from language to pages)")
    return tuple(comparisons)


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


@dataclass(frozen=True)
class _Page:
    """One page to write: its path inside a language tree, its template and context."""

    path: str
    template: str
    context: dict[str, Any]


def _plan(tree: _Tree) -> list[_Page]:
    """Every page of one language tree (paths are the same in every language)."""
    lang, docs = tree.lang, tree.docs
    home_text = message("site.home", lang)
    pages = [_Page("index.html", "index.html.j2", dict(
        current="home", breadcrumbs=[], page_title=home_text, documents=docs,
        comparisons=tree.comparisons))]
    for cmp in tree.comparisons:
        crumbs = [Link("index.html", home_text), Link(cmp.href, cmp.title)]
        pages.append(_Page(cmp.href, "comparison.html.j2", dict(
            current="comparison", breadcrumbs=crumbs, page_title=cmp.title, cmp=cmp)))
    pages.append(_Page("zoeken.html", "search.html.j2", dict(
        current="search", breadcrumbs=[], page_title=message("site.search", lang),
        search_index=_index_name(tree))))
    for doc in docs:
        home = Link("../index.html", home_text)
        doc_link = Link("index.html", doc.title)
        base = {"current": "doc", "doc": doc}
        pages.append(_Page(f"{doc.slug}/index.html", "document.html.j2", dict(
            base, breadcrumbs=[home, doc_link], page_title=f"{doc.title} {doc.organisation}")))
        for page in doc.programmes:
            crumbs = [home, doc_link]
            if page.parent is not None:
                crumbs.append(page.parent)
            crumbs.append(Link(page.href, f"{page.code + ' ' if page.code else ''}{page.title}"))
            pages.append(_Page(f"{doc.slug}/{page.href}", "programme.html.j2", dict(
                base, page=page, breadcrumbs=crumbs,
                page_title=f"{crumbs[-1].text} | {doc.title}")))
        if doc.problems is not None:
            title = message("prob.title", lang)
            pages.append(_Page(f"{doc.slug}/problemen.html", "problems.html.j2", dict(
                base, breadcrumbs=[home, doc_link, Link("problemen.html", title)],
                page_title=f"{title} | {doc.title}")))
    return pages


def _write_pages(tree: _Tree, plans: Mapping[Lang, list[_Page]], trees: Sequence[_Tree],
                 out: Path, svgs: dict[str, str]) -> list[Path]:
    env = environment(tree.lang)
    site_title = message("site.title", tree.lang)
    known = {lang: {p.path for p in plan} for lang, plan in plans.items()}
    up_tree = "../" * tree.prefix.count("/")
    written: list[Path] = []
    for page in plans[tree.lang]:
        root = "../" * page.path.count("/")
        alternates = [
            Alternate(other.lang, LANGUAGE_NAMES[other.lang], other.lang == tree.lang,
                      root + up_tree + other.prefix
                      + (page.path if page.path in known[other.lang] else "index.html"))
            for other in trees] if len(trees) > 1 else []
        html = env.get_template(page.template).render(
            site_title=site_title, svgs=svgs, root=root, assets=root + up_tree,
            alternates=alternates, **page.context)
        path = out / tree.prefix / page.path
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(html, encoding="utf-8")
        written.append(path)
    return written


def _copy_static(out: Path) -> None:
    target = out / "static"
    shutil.copytree(STATIC, target, dirs_exist_ok=True,
                    ignore=shutil.ignore_patterns("VENDOR.json", "__pycache__"))


def _index_name(tree: _Tree) -> str:
    """The root language's index is ``search-index.js``; the others ``search-index-en.js``."""
    return "search-index.js" if not tree.prefix else f"search-index-{tree.lang}.js"


def _write_search_index(tree: _Tree, out: Path) -> None:
    """One index per language; its links are relative to that language's tree."""
    entries = [{"href": e.href, "title": e.title, "text": e.text}
               for d in tree.docs for e in d.search]
    # A script, not JSON: fetch() of file:// URLs is blocked, a <script src> is not.
    payload = json.dumps(entries, ensure_ascii=False).replace("</", "<\\/")
    target = out / "static" / _index_name(tree)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(f"window.REKENSCHAP_SEARCH = {payload};\n", encoding="utf-8")
