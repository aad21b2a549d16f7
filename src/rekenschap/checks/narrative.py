"""Words from numbers (tekst uit cijfers): Dutch and English sentences generated from the data.

Trend sentences for indicators ("Het aantal geweldsmisdrijven per 1.000 inwoners is gedaald van 6,5
(2019) naar 5,7 (2024); ten opzichte van 2023 (5,3) is het gestegen."), comparison sentences
("Het aantal winkeldiefstallen per 1.000 inwoners ligt in 2023 met 0,9 onder het landelijk
gemiddelde (2,5).") and variance sentences for
finance tables ("De baten zijn € 3.142.000 (48%) hoger dan begroot."). Numbers are formatted only
through :mod:`rekenschap.model.numbers`. Render and web use these as text and as suggestions.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from rekenschap.checks.amounts import euros, percent, scale_of, variance
from rekenschap.checks.base import programmes_with_paths
from rekenschap.checks.benchmarks import comparable
from rekenschap.checks.claims import movement
from rekenschap.model import (
    ColumnKind,
    Direction,
    FinanceTable,
    Indicator,
    Programme,
    Report,
    RowKind,
    UnitKind,
)
from rekenschap.model.numbers import format_number

Lang = Literal["nl", "en"]
SentenceKind = Literal["trend", "benchmark", "variance", "budget_change"]

_VERB = {
    "nl": {Direction.UP: "gestegen", Direction.DOWN: "gedaald", Direction.FLAT: "gelijk gebleven"},
    "en": {Direction.UP: "rose", Direction.DOWN: "fell", Direction.FLAT: "stayed the same"},
}
_POPULATION_EN = {"inwoners": "inhabitants", "jongeren": "young people", "leerlingen": "pupils",
                  "woningen": "dwellings", "jaar": "years"}
_ROW = {"nl": {RowKind.LASTEN: "lasten", RowKind.BATEN: "baten"},
        "en": {RowKind.LASTEN: "Expenditure", RowKind.BATEN: "Income"}}


@dataclass(frozen=True)
class Sentence:
    """A generated sentence and the model path of what it describes."""

    path: str
    kind: SentenceKind
    text: str


def _decimals(values: list[Decimal]) -> int:
    exps = [v.normalize().as_tuple().exponent for v in values]
    return max([-e for e in exps if isinstance(e, int) and e < 0] or [0])


def _subject(ind: Indicator, lang: Lang) -> str:
    name = ind.name.strip()
    unit = ind.unit
    base = ""
    if unit is not None and unit.kind is UnitKind.RATE and unit.per:
        pop = unit.population or ""
        if lang == "en":
            pop = " ".join(_POPULATION_EN.get(w, w) for w in pop.split())
        base = f" per {format_number(unit.per, 0, lang)} {pop}".rstrip()
    if lang == "nl":
        noun = "Het percentage" if unit is not None and unit.kind is UnitKind.PERCENTAGE \
            else "Het aantal"
        return f"{noun} {name[0].lower() + name[1:]}{base}"
    noun = "The percentage of" if unit is not None and unit.kind is UnitKind.PERCENTAGE \
        else "The number of"
    return f"{noun} {name[0].lower() + name[1:]}{base}"


def indicator_sentence(ind: Indicator, document_year: int, lang: Lang = "nl",
                       flat_tolerance: Decimal = Decimal(0)) -> str | None:
    """The trend sentence: newest value against the baseline and against the previous year."""
    values = {o.period: o.value for o in ind.observations if o.period and o.value is not None}
    if not values:
        return None
    latest_p = str(document_year) if str(document_year) in values else max(values)
    latest = values[latest_p]
    digits = _decimals(list(values.values()))

    def n(v: Decimal) -> str:
        return format_number(v, digits, lang)

    base_p = ind.baseline_period if ind.baseline_period in values else None
    prev_p = str(int(latest_p[:4]) - 1) if latest_p[:4].isdigit() else None
    prev_p = prev_p if prev_p in values and prev_p != base_p else None
    subject = _subject(ind, lang)
    clauses: list[str] = []
    base_dir: Direction | None = None
    if base_p is not None and base_p != latest_p:
        base_dir = movement(latest, values[base_p], flat_tolerance)
        verb = _VERB[lang][base_dir]
        if lang == "nl":
            clauses.append(f"{subject} is {verb} van {n(values[base_p])} ({base_p}) naar "
                           f"{n(latest)} ({latest_p})" if base_dir is not Direction.FLAT else
                           f"{subject} is {verb} op {n(latest)} ({base_p}: {n(values[base_p])}, "
                           f"{latest_p}: {n(latest)})")
        else:
            clauses.append(f"{subject} {verb} from {n(values[base_p])} ({base_p}) to "
                           f"{n(latest)} ({latest_p})" if base_dir is not Direction.FLAT else
                           f"{subject} {verb} at {n(latest)} ({base_p} and {latest_p})")
    if prev_p is not None:
        prev_dir = movement(latest, values[prev_p], flat_tolerance)
        verb = _VERB[lang][prev_dir]
        if not clauses:
            clauses.append(f"{subject} is ten opzichte van {prev_p} ({n(values[prev_p])}) {verb}"
                           f"{' naar ' + n(latest) if prev_dir is not Direction.FLAT else ''} "
                           f"({latest_p})" if lang == "nl" else
                           f"{subject} {verb} compared with {prev_p} ({n(values[prev_p])}) "
                           f"to {n(latest)} ({latest_p})")
        elif lang == "nl":
            also = "ook " if prev_dir is base_dir else ""
            clauses.append(f"{also}ten opzichte van {prev_p} ({n(values[prev_p])}) is het {verb}")
        else:
            also = " too" if prev_dir is base_dir else ""
            clauses.append(f"compared with {prev_p} ({n(values[prev_p])}) it {verb}{also}")
    if not clauses:
        return f"{subject} was {n(latest)} in {latest_p}."
    text = "; ".join(clauses) + "."
    return text[0].upper() + text[1:]


def benchmark_sentence(ind: Indicator, lang: Lang = "nl",
                       flat_tolerance: Decimal = Decimal(0)) -> str | None:
    """How the newest value compares with the benchmark of the same period (Nederland first)."""
    found = comparable(ind)
    if found is None:
        return None
    period, mine, bench, theirs = found
    digits = _decimals([mine, theirs])

    def n(v: Decimal) -> str:
        return format_number(v, digits, lang)

    national = bench.region_code == "NL01" or bench.region.lower() == "nederland"
    side = movement(mine, theirs, flat_tolerance)
    subject = _subject(ind, lang)
    if lang == "nl":
        what = "het landelijk gemiddelde" if national else f"de waarde voor {bench.region}"
        if side is Direction.FLAT:
            return f"{subject} is in {period} met {n(mine)} gelijk aan {what} ({n(theirs)})."
        how = "boven" if side is Direction.UP else "onder"
        return f"{subject} ligt in {period} met {n(mine)} {how} {what} ({n(theirs)})."
    what = "the national average" if national else f"the value for {bench.region}"
    if side is Direction.FLAT:
        return f"{subject} equalled {what} ({n(theirs)}) at {n(mine)} in {period}."
    how = "above" if side is Direction.UP else "below"
    return f"{subject} was {how} {what} ({n(theirs)}) at {n(mine)} in {period}."


def variance_sentence(table: FinanceTable, kind: RowKind, scale: int, lang: Lang = "nl",
                      budget: ColumnKind = ColumnKind.AMENDED_BUDGET) -> str | None:
    """"De baten zijn € 3.142.000 (48%) hoger dan begroot." for lasten or baten."""
    row = table.row(kind)
    v = None if row is None else variance(table, row, scale, budget)
    if v is None:
        return None
    word = _ROW[lang][kind]
    if v.diff == 0:
        return (f"De {word} zijn gelijk aan de begroting." if lang == "nl"
                else f"{word} was as budgeted.")
    pct = f" ({percent(v.percent, lang)})" if v.percent is not None else ""
    if lang == "nl":
        more = "hoger" if v.diff > 0 else "lager"
        return f"De {word} zijn {euros(v.diff_euros)}{pct} {more} dan begroot."
    more = "higher" if v.diff > 0 else "lower"
    return f"{word} was {euros(v.diff_euros, 'en')}{pct} {more} than budgeted."


def budget_change_sentence(table: FinanceTable, kind: RowKind, scale: int,
                           lang: Lang = "nl") -> str | None:
    """How the budget moved from primitieve begroting to begroting na wijziging."""
    row = table.row(kind)
    v = None if row is None else variance(table, row, scale, ColumnKind.ORIGINAL_BUDGET,
                                          ColumnKind.AMENDED_BUDGET)
    if v is None or v.diff == 0:
        return None
    word = _ROW[lang][kind]
    pct = f" ({percent(v.percent, lang)})" if v.percent is not None else ""
    if lang == "nl":
        how = "verhoogd" if v.diff > 0 else "verlaagd"
        return (f"De begrote {word} zijn gedurende het jaar met {euros(v.diff_euros)}{pct} {how}, "
                f"van {euros(v.budget * scale)} naar {euros(v.actual * scale)}.")
    how = "raised" if v.diff > 0 else "lowered"
    return (f"Budgeted {word.lower()} was {how} during the year by {euros(v.diff_euros, 'en')}"
            f"{pct}, from {euros(v.budget * scale, 'en')} to {euros(v.actual * scale, 'en')}.")


def sentences(report: Report, lang: Lang = "nl") -> list[Sentence]:
    """Every generated sentence of a report, with the model path it belongs to."""
    out: list[Sentence] = []
    for path, prog in programmes_with_paths(report):
        table = prog.finance
        if table is not None:
            scale = scale_of(table, report)
            for kind in (RowKind.LASTEN, RowKind.BATEN):
                idx = next((i for i, r in enumerate(table.rows) if r.kind is kind), None)
                pairs: tuple[tuple[str | None, SentenceKind], ...] = (
                    (budget_change_sentence(table, kind, scale, lang), "budget_change"),
                    (variance_sentence(table, kind, scale, lang), "variance"))
                for text, what in pairs:
                    if text is not None and idx is not None:
                        out.append(Sentence(f"{path}.finance.rows[{idx}]", what, text))
        for i, ind in enumerate(prog.indicators):
            text = indicator_sentence(ind, report.document.year, lang)
            if text is not None:
                out.append(Sentence(f"{path}.indicators[{i}]", "trend", text))
            text = benchmark_sentence(ind, lang)
            if text is not None:
                out.append(Sentence(f"{path}.indicators[{i}]", "benchmark", text))
    return out


def suggestions(report: Report, programme: Programme, lang: Lang = "nl") -> list[Sentence]:
    """The sentences of one programme and its deelprogramma's: suggestions for the authoring UI."""
    mine = {id(p) for p in programme.walk()}
    paths = {path for path, p in programmes_with_paths(report) if id(p) in mine}
    if not paths:  # a programme being edited that is not (yet) part of the report
        wrapped = report.model_copy(update={"programmes": (programme,)})
        return sentences(wrapped, lang)
    return [s for s in sentences(report, lang) if _owner(s.path) in paths]


def _owner(path: str) -> str:
    """programmes[0].subprogrammes[1].finance.rows[2] -> programmes[0].subprogrammes[1]."""
    for marker in (".finance", ".indicators"):
        if marker in path:
            return path.split(marker)[0]
    return path
