"""Accepting a generated sentence (trend, variance, budget change) into the programme's text.

The sentence goes into a section of the (sub)programme it describes, headed "Toelichting bij de
cijfers" (notes on the figures), one paragraph per sentence; a sentence already there is not
added twice. Only sentences the generator produces for the current content can be accepted,
so a stale or forged form cannot put arbitrary text in.
"""

from __future__ import annotations

from typing import Any

from rekenschap.web.core.structured_parts import owner_path, part_at, put_part

HEADING = {"nl": "Toelichting bij de cijfers", "en": "Notes on the figures"}
CONTENT_LANG = "nl"
"""The language of the documents' text (BBV P&C documents are Dutch): sentences offered for the
text are generated in it whatever the interface language, so an English-speaking author does
not put English sentences into a Dutch begroting."""


def heading(lang: str) -> str:
    return HEADING.get(lang, HEADING["nl"])


def already_in(content: dict[str, Any], model_path: str, text: str) -> bool:
    """Whether ``text`` is already part of a section of the (sub)programme at ``model_path``."""
    where = owner_path(model_path)
    if where is None:
        return False
    try:
        part = part_at(content, where)
    except ValueError:
        return False
    return any(text in (section.get("text") or "") for section in part.get("sections") or [])


def accept(content: dict[str, Any], model_path: str, text: str, lang: str) -> dict[str, Any]:
    """``content`` with ``text`` appended to the notes section of its (sub)programme.

    Raises ValueError when ``model_path`` is not inside this programme."""
    where = owner_path(model_path)
    if where is None:
        raise ValueError(model_path)
    part = dict(part_at(content, where))
    if already_in(content, model_path, text):
        return content
    sections = [dict(s) for s in part.get("sections") or []]
    title = heading(lang)
    for section in sections:
        if section.get("heading") in HEADING.values():
            old = (section.get("text") or "").rstrip()
            section["text"] = f"{old}\n\n{text}" if old else text
            break
    else:
        sections.append({"heading": title, "text": text})
    part["sections"] = sections
    return put_part(content, where, part)
