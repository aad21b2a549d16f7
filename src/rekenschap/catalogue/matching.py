"""Recognising a catalogue indicator by the name a document prints.

Names are normalised (case, accents, punctuation, "t.o.v.", articles, Dutch plurals) and compared
exactly with the normalised name and aliases of each indicator. A printed name may carry a list
number ("8. Winkeldiefstallen"), a unit ("... per 1.000 inwoners"), a parenthesis, or the claim
that follows it ("... gedaald t.o.v. peiljaar 2019"); those are cut off before comparing. There is
no fuzzy matching: "Aantal geregistreerde misdrijven" is not "Geweldsmisdrijven".
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from rekenschap.catalogue.indicators import CatalogueIndicator, indicators

__all__ = ["match_indicator", "normalise_name"]

_ARTICLES = {"de", "het", "een"}
_CLAIM_WORDS = re.compile(
    r"\b(tov|ten opzichte van|gedaald|gestegen|toegenomen|afgenomen|gelijk gebleven|"
    r"verdubbeld|gehalveerd|in \d{4}|per \d)\b.*$")
_NUMBERING = re.compile(r"^\s*(?:nr\.?\s*)?\d{1,2}\s*[.)]?\s+")
_PARENS = re.compile(r"\([^)]*\)")


_FINAL_VOICED = {"v": "f", "z": "s"}


def _stem(word: str) -> str:
    """A crude Dutch singular: verwijzingen -> verwijzing, diefstallen -> diefstal, ..."""
    if len(word) > 4 and word.endswith("en"):
        word = word[:-2]
        if len(word) > 2 and word[-1] == word[-2] and word[-1] not in "aeiou":
            word = word[:-1]  # diefstall -> diefstal
        word = word[:-1] + _FINAL_VOICED.get(word[-1], word[-1])  # misdrijv -> misdrijf
    elif len(word) > 4 and word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    return word


def _plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    plain = re.sub(r"\bt\.\s*o\.\s*v\.?|\btov\b", " tov ", plain)
    return " ".join(re.sub(r"[^a-z0-9]+", " ", plain).split())


def _key(plain: str) -> str:
    return " ".join(_stem(w) for w in plain.split() if w not in _ARTICLES)


def normalise_name(text: str) -> str:
    """Lower case, no accents or punctuation, 't.o.v.' -> 'tov', no articles, singular words."""
    return _key(_plain(text))


def _candidates(text: str) -> list[str]:
    """The printed name and its trimmed forms, most specific first."""
    base = _NUMBERING.sub("", text)
    out: list[str] = []
    for form in (base, _PARENS.sub(" ", base)):
        plain = _plain(form)
        cut = _CLAIM_WORDS.sub("", plain).strip()
        for candidate in (plain, cut, cut.removeprefix("aantal ").strip()):
            key = _key(candidate)
            if key and key not in out:
                out.append(key)
    return out


@cache
def _index() -> dict[str, CatalogueIndicator]:
    """Normalised names and aliases; a short form (without its parenthesis) only when unique."""
    index: dict[str, CatalogueIndicator] = {}
    short: dict[str, set[str]] = {}
    by_id = {item.id: item for item in indicators()}
    for item in by_id.values():
        for name in item.names:
            other = index.setdefault(normalise_name(name), item)
            if other.id != item.id:
                raise ValueError(f"catalogue name {name!r} is ambiguous: {other.id}, {item.id}")
            short.setdefault(normalise_name(_PARENS.sub(" ", name)), set()).add(item.id)
    for key, ids in short.items():
        if len(ids) == 1 and key not in index:
            index[key] = by_id[next(iter(ids))]
    return index


def match_indicator(name: str) -> CatalogueIndicator | None:
    """The catalogue indicator a printed name refers to, or ``None``."""
    index = _index()
    return next((index[c] for c in _candidates(name) if c in index), None)
