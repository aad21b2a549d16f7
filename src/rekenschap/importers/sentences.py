"""Indicator sentences (beleidsindicatoren in lopende tekst) -> :class:`Indicator` with claims.

Reads bullet sentences such as::

    Geweldsmisdrijven t.o.v. peiljaar 2019 gedaald (6,5 per 1000 inwoners in 2019 ->
    5,7 per 1000 inwoners -> 2023 5,3)

into the indicator name, its unit, the baseline period, the observations in printed order
(the value without a printed year is the report year, ``period_implicit=True``) and the claim
the sentence makes (direction and what it compares against). Ambiguity is reported, never
resolved by guessing: "13.140 tegenover 13.044" gives two observations without a period.

One finding, one owner: when the sentence makes a claim ("gedaald t.o.v. 2023"), its text is
in the model, and the checks report what they can read from it: the claim checks
(``IND-CLAIM-AMBIGUOUS`` and friends in :mod:`rekenschap.checks.indicator_claims`) say which
reading of "13.140 tegenover 13.044" supports the claim, ``IND-PRINTED`` a unit printed as
"naar 1000 inwoners"; the importer then says nothing more. Only a sentence without a claim gets
``TXT-AMBIGUOUS-ORDER`` (naming both readings) and ``TXT-UNIT-MISPRINT`` for such a unit,
because no check would report them.
"""

from __future__ import annotations

import importlib
import re
from dataclasses import dataclass

from rekenschap.model import (
    Claim,
    ClaimReference,
    Direction,
    Indicator,
    Location,
    Observation,
    Problem,
    Provenance,
    Severity,
    Unit,
    UnitKind,
    parse_unit,
)
from rekenschap.model.numbers import parse_number

__all__ = ["catalogue_id", "parse_indicator_sentence"]

_VERBS: tuple[tuple[str, Direction], ...] = (
    (r"gelijk\s*gebleven|stabiel\s+gebleven|onveranderd\s+gebleven", Direction.FLAT),
    (r"gestegen|toegenomen|gegroeid", Direction.UP),
    (r"gedaald|afgenomen|gezakt", Direction.DOWN),
    (r"verdubbeld", Direction.DOUBLED),
    (r"gehalveerd", Direction.HALVED),
)
_VERB_RE = re.compile("|".join(f"(?P<v{i}>\\b(?:{p})\\b)" for i, (p, _) in enumerate(_VERBS)),
                      re.IGNORECASE)
_REFERENCE_RE = re.compile(
    r"\b(?:t\.\s?o\.\s?v\.?|tov\.?|ten\s+opzichte\s+van|vergeleken\s+met"
    r"|in\s+vergelijking\s+met)\s+(?:(?:het\s+)?peil\s*jaar\s+(?P<base>(?:19|20)\d\d)"
    r"|(?:het\s+)?vorige?\s+jaar|(?P<period>(?:19|20)\d\d))",
    re.IGNORECASE,
)
_ARROW = re.compile(r"\s*(?:-+>|\u2192|=>|\u21d2)\s*")
_VERSUS = re.compile(r"(?<=\d)\s+(?:tegenover|versus|vs\.?|t\.\s?o\.\s?v\.?|tov\.?|"
                     r"ten\s+opzichte\s+van)\s+(?=\d)", re.IGNORECASE)
_NUMBER = re.compile(
    r"(?<![\w.,])(?P<num>\d{1,3}, \d{1,2}(?![\d.,])|\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)"
    r"(?![\w]|[.,]\d)")
_YEAR = re.compile(r"^(?:19|20)\d\d$")
_FREQUENCY = re.compile(r"^per\s+(?:jaar|maand|week|kwartaal|dag)$", re.IGNORECASE)


@dataclass(frozen=True)
class _Segment:
    """One printed value of an indicator: "4 per 1000 inwoners in 2019", "2023 was 5,7"."""

    value_text: str | None
    period: str | None
    unit_text: str
    unread: tuple[str, ...] = ()
    """Further numbers of the segment that were not read as value, year or unit."""


def _after_word(text: str, pos: int, word: str) -> bool:
    """True when ``word`` (and spaces) stands right before ``pos`` ("per 1000": 1000)."""
    before = text[max(0, pos - len(word) - 8):pos].rstrip().lower()
    return before.endswith(word) and not before[:-len(word)][-1:].isalpha()


def _read_segment(text: str) -> _Segment:
    tokens = [m for m in _NUMBER.finditer(text) if not _after_word(text, m.start(), "per")]
    years = [m for m in tokens if _YEAR.match(m.group("num"))]
    values = [m for m in tokens if not _YEAR.match(m.group("num"))]
    if not values and len(years) >= 2:
        values, years = [years[-1]], years[:-1]  # "2023 2019" is odd, but keep the last as value
    period = years[0].group("num") if years else None
    unread = [m.group("num") for m in years[1:]]
    if not values:
        return _Segment(None, period, "", tuple(unread))
    value = values[0]
    unread += [m.group("num") for m in values[1:] if not _after_word(text, m.start(), "naar")]
    tail = text[value.end():]
    tail = re.split(r"\s+in\s+(?:19|20)\d\d\b|(?<!\d)(?:19|20)\d\d(?!\d)", tail)[0]
    unit_text = " ".join(tail.strip(" ).,;:").split())
    return _Segment(value.group("num"), period, unit_text, tuple(unread))


def _unit_of(text: str) -> Unit | None:
    if not text:
        return None
    if _FREQUENCY.match(text):
        return Unit(kind=UnitKind.COUNT, label=text)
    unit = parse_unit(text)
    return None if unit.kind is UnitKind.OTHER else unit


def catalogue_id(name: str) -> str | None:
    """The BBV basisset id for an indicator name via ``rekenschap.catalogue.match_indicator``
    (``None`` when the catalogue has no match or is not available)."""
    try:
        module = importlib.import_module("rekenschap.catalogue")
    except ImportError:  # pragma: no cover - the package always exists
        return None
    match = getattr(module, "match_indicator", None)
    if match is None:
        return None
    try:
        result = match(name)
    except Exception:  # a catalogue bug must not break an import
        return None
    if result is None or isinstance(result, str):
        return result
    ident = getattr(result, "id", None)
    return ident if isinstance(ident, str) else None


def _split_detail(sentence: str) -> tuple[str, str]:
    """``(main clause, parenthesised detail)``; the detail is the first (...) holding a digit
    (an unclosed one runs to the end). One pass from the right, so long inputs stay linear."""
    next_close = len(sentence)   # position of the nearest ")" to the right
    digit_before = len(sentence)  # position of the nearest digit to the right
    found: int | None = None
    ends: int = len(sentence)
    for i in range(len(sentence) - 1, -1, -1):
        ch = sentence[i]
        if ch == ")":
            next_close = i
        elif ch.isdigit():
            digit_before = i
        elif ch == "(" and digit_before < next_close:
            found, ends = i, next_close
    if found is None:
        return sentence.strip(), ""
    return sentence[:found].strip(), sentence[found + 1:ends].strip()


def _problem(code: str, severity: Severity, message: str,
             provenance: Provenance | None) -> Problem:
    return Problem(code=code, severity=severity, message=message,
                   location=Location.of(provenance))


_MAX_NAME = 150  # longest indicator name in the BBV catalogue is under 100 characters
_TAAKVELD_NAME = re.compile(r"^taakveld\s+\d{1,2}\.\d{1,2}\b", re.IGNORECASE)
_YEAR_IN_TEXT = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_SENTENCE_BREAK = re.compile(r"[a-z\u00e0-\u00ff)]\.\s+[A-Z]")
# "naar 1000 inwoners" for "per 1000 inwoners": with a claim the sentence is in the model and the
# check IND-PRINTED (rekenschap.checks.indicators, same pattern) reports it for every source, so
# the importer does not (one finding, one owner); without a claim TXT-UNIT-MISPRINT says it.
_CHECKED_UNIT_TYPO = re.compile(
    r"^naar\s+(?:1\.?000|10\.?000|100)\s+(?:inwoners|jongeren|leerlingen)\b", re.IGNORECASE)
_MONEY_BEFORE = re.compile(r"(?:\u20ac|\beur\b|\beuro\b)\s*[-+\u2013]?\s*$", re.IGNORECASE)


def _is_prose_name(name: str) -> bool:
    """True when the words before the trend verb are not an indicator name but prose: a
    taakveld heading ("Taakveld 0.4 Overhead (...)", explained in euros, not measured), a
    clause with a year ("In 2023 is de economie gering gegroeid"), two sentences, or no word
    at all ("5.6.02")."""
    return bool(_TAAKVELD_NAME.match(name) or _YEAR_IN_TEXT.search(name)
                or _SENTENCE_BREAK.search(name) or not re.search(r"[^\W\d_]{2}", name))


def _money_only(text: str) -> bool:
    """True when every number in ``text`` that is not a year is a money amount ("€ 177.000",
    "- € 100.000"): an amount in euros is a budget figure, not an indicator observation."""
    amounts = [m for m in _NUMBER.finditer(text)
               if not _YEAR.match(m.group("num")) and not _after_word(text, m.start(), "per")]
    return bool(amounts) and all(_MONEY_BEFORE.search(text[:m.start()]) for m in amounts)


def parse_indicator_sentence(
    sentence: str, *, year: int | None, provenance: Provenance | None = None,
) -> tuple[Indicator | None, list[Problem]]:
    """Read one indicator sentence; ``(None, [])`` when it is not one (no trend verb, no arrow
    sequence, no "tegenover"). ``year`` is the report year, used for the value the text
    implies without printing its year. Never raises."""
    text = " ".join(sentence.split())
    main, detail = _split_detail(text)
    verb = _VERB_RE.search(main)
    if verb is None and not _ARROW.search(detail) and not _VERSUS.search(detail):
        return None, []
    problems: list[Problem] = []
    ref = _REFERENCE_RE.search(main)
    cut = min(m.start() for m in (verb, ref) if m is not None) if (verb or ref) else len(main)
    name = re.sub(r"\s+(?:is|zijn|was|waren)$", "", main[:cut].strip(" ,;:-"), flags=re.I)
    if not name or len(name) > _MAX_NAME or _is_prose_name(name):
        return None, []  # a paragraph that happens to contain a trend verb is no indicator
    values_text = (main[verb.end():] if verb is not None else "") + " " + detail
    if _money_only(values_text) and catalogue_id(name) is None:
        # "Taakveld 0.4 Overhead (€ 177.000 hogere lasten in 2021 t.o.v. 2020)": finance
        # prose. A basisset indicator measured in euros (woonlasten) is still read.
        return None, []

    claims: tuple[Claim, ...] = ()
    baseline: str | None = None
    against: str | None = None
    if verb is not None:
        index = int(next(k for k, v in verb.groupdict().items() if v is not None)[1:])
        direction = _VERBS[index][1]
        if ref is None:
            reference = ClaimReference.PREVIOUS if "vorig jaar" in main.lower() else None
        elif ref.group("base"):
            reference, baseline = ClaimReference.BASELINE, ref.group("base")
        elif ref.group("period"):
            reference = ClaimReference.PERIOD
        else:
            reference = ClaimReference.PREVIOUS
        against = baseline or (ref.group("period") if ref else None)
        if reference is None:
            problems.append(_problem(
                "TXT-CLAIM-NO-REFERENCE", Severity.NOTICE,
                f"{name!r}: the sentence says '{verb.group(0)}' without saying compared to what "
                "(no 't.o.v. ...'); the claim is not recorded", provenance))
        else:
            claims = (Claim(direction=direction, reference=reference, against_period=against,
                            sentence=text, provenance=provenance),)

    # The values: after the verb in the main clause ("gelijk gebleven op 8 per jaar"), then
    # the parenthesised detail, split at arrows.
    segments: list[str] = []
    if verb is not None:
        rest = main[verb.end():]
        if ref is not None and ref.start() >= verb.end():
            rest = rest.replace(ref.group(0), " ")
        rest = re.sub(r"^\s*(?:op|tot|naar|met)\b", "", rest, flags=re.IGNORECASE)
        if _NUMBER.search(rest):
            segments.append(rest.strip())
    observations: list[Observation] = []
    unit: Unit | None = None
    versus = _VERSUS.search(detail) if detail and not _ARROW.search(detail) else None
    if versus is not None:
        pair = [detail[:versus.start()], detail[versus.end():]]
        read = [_read_segment(p) for p in pair]
        if all(r.value_text and r.period is None for r in read):
            a, b = (r.value_text or "" for r in read)
            word = " ".join(versus.group(0).split())
            for r in read:
                observations.append(_observation(r, None, provenance))
            current = str(year) if year else "the report year"
            other = against or "the earlier year"
            if not claims:  # with a claim, IND-CLAIM-AMBIGUOUS reports it (see above)
                problems.append(_problem(
                    "TXT-AMBIGUOUS-ORDER", Severity.WARNING,
                    f"{name!r}: '{a} {word} {b}' does not say which value is "
                    f"{current} and which {other}: either {current} = {a} and {other} = {b}, "
                    f"or {current} = {b} and {other} = {a}; both kept without a period, in "
                    "printed order", provenance))
            detail = ""
    if detail:
        segments.extend(s for s in _ARROW.split(detail) if s.strip())

    read_all = [_read_segment(s) for s in segments]
    without_period = [r for r in read_all if r.value_text and r.period is None]
    if len(without_period) > 1 and not claims:  # with a claim: the claim checks report it
        problems.append(_problem(
            "TXT-AMBIGUOUS-ORDER", Severity.WARNING,
            f"{name!r}: {len(without_period)} values without a printed year "
            f"({', '.join(r.value_text or '' for r in without_period)}); which one is the "
            "report year is not said, so none gets a period", provenance))
    for r in read_all:
        if r.unread:
            problems.append(_problem(
                "TXT-INDICATOR-VALUE", Severity.WARNING,
                f"{name!r}: number(s) {', '.join(r.unread)} in the sentence are not read as a "
                "value, year or unit; check the sentence", provenance))
        if r.value_text is None:
            if r.period is not None:
                problems.append(_problem(
                    "TXT-INDICATOR-VALUE", Severity.WARNING,
                    f"{name!r}: year {r.period} is printed without a value; skipped", provenance))
            continue
        implied = year if len(without_period) == 1 and r.period is None else None
        observations.append(_observation(r, implied, provenance))
        seg_unit = _unit_of(r.unit_text)
        if unit is None and seg_unit is not None:
            unit = seg_unit
        elif r.unit_text and unit is not None and (seg_unit is None
                                                   or not seg_unit.same_measure(unit)) and not (
                claims and _CHECKED_UNIT_TYPO.match(r.unit_text)):
            problems.append(_problem(
                "TXT-UNIT-MISPRINT", Severity.NOTICE,
                f"{name!r}: value {r.value_text} is printed with unit {r.unit_text!r} where the "
                f"other values say {unit.label or unit.describe()!r}; read in the same unit",
                provenance))
    if without_period and year is None and len(without_period) == 1:
        problems.append(_problem(
            "TXT-IMPLICIT-PERIOD", Severity.NOTICE,
            f"{name!r}: a value without a printed year stands for the report year, which is not "
            "known; it is kept without a period", provenance))
    if unit is None and name.lower().startswith("aantal"):
        unit = Unit(kind=UnitKind.COUNT)
    indicator = Indicator(name=name, unit=unit, catalogue_id=catalogue_id(name),
                          baseline_period=baseline, observations=tuple(observations),
                          claims=claims, provenance=provenance)
    return indicator, problems


def _observation(segment: _Segment, implied_year: int | None,
                 provenance: Provenance | None) -> Observation:
    printed = segment.value_text or ""
    parsed = parse_number(printed)
    period = segment.period or (str(implied_year) if implied_year else None)
    return Observation(
        period=period,
        period_implicit=segment.period is None and implied_year is not None,
        value=parsed.value,
        printed=printed if ", " in printed else None,
        provenance=provenance,
    )
