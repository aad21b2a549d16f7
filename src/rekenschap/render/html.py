"""The Jinja2 environment of every HTML output: autoescape on everywhere, one message lookup."""

from __future__ import annotations

from functools import cache

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from rekenschap.render.charts import labelled
from rekenschap.render.messages import Lang, message


def _labelled(svg: str, label_id: str) -> Markup:
    # The SVG comes from vl-convert, which XML-escapes every text it draws; it is the only
    # markup inserted unescaped, and only through this filter.
    return Markup(labelled(svg, str(Markup.escape(label_id))))


@cache
def environment(lang: Lang) -> Environment:
    """Templates of ``rekenschap.render``; user text is always escaped (``autoescape=True``)."""
    env = Environment(
        loader=PackageLoader("rekenschap.render", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )

    def m(key: str, **values: object) -> str:
        return message(key, lang, **values)

    env.globals["m"] = m
    env.globals["lang"] = lang
    env.filters["labelled"] = _labelled
    return env
