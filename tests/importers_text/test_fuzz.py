"""Fuzzing import_text: arbitrary text and mutations of the seed never raise and always give a
valid Report; the importer's own safety net (TXT-INTERNAL) must never be needed."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.conftest import SEED

from rekenschap.importers.text import import_text
from rekenschap.model import Report

SEED_LINES = SEED.read_text(encoding="utf-8").split("\n") if SEED.exists() else [
    "Deelprogramma 2.2.Veiligheid", "Wat wilden we bereiken? Wat hebben we daarvoor gedaan?",
    "Doel • activiteit", "Veligheid Primitieve", "begroting", "Lasten 42.668 44.622 45.324",
    "• Geweldsmisdrijven t.o.v. peiljaar 2019 gedaald (6,5 per 1000 inwoners in 2019 -> 5,7)",
]

# Characters that matter to the parsers, plus anything unicode.
TOKENS = st.sampled_from([
    "\n", "\n\n", "\f", " ", "•", "- ", "->", "(", ")", "t.o.v.", "peiljaar", "2019", "2024",
    "gedaald", "gestegen", "tegenover", "5, 4", "13.140", "-4.346", "Lasten", "Baten",
    "Primitieve begroting", "Rekening", "Programma 1 ", "Deelprogramma 2.2.", "x € 1.000",
    "Wat wilden we bereiken?", "Wat mag het kosten?", "huisartsen-", "per 1000 inwoners",
    "> 100 ", "2projecten", "12", "Pagina 3 van 9",
    # indicator tables and variance explanations
    "Indicator  Eenheid  Bron  2022  Nederland", "   ", "\t", "Progr. Nr. Naam Indicator",
    "10 (2022)", "n.v.t.", "9,98%", "  1    8. ", "Beleidsindicatoren",
    "Toelichting op verschillen >= € 50.000", "a. ", "Taakveld 1.1 ",
    "(per saldo nadelig € 42.000)", "De overige verschillen", "voordeel lagere lasten",
    "incidenteel",
])
TEXT = st.lists(st.one_of(TOKENS, st.text(max_size=12)), max_size=80).map("".join)


def _check(text: str) -> None:
    report, problems = import_text(text, file="fuzz.txt")
    assert isinstance(report, Report)
    Report.model_validate(report.model_dump(mode="json", by_alias=True))  # round-trips
    assert not [p for p in problems if p.code == "TXT-INTERNAL"], [p.message for p in problems]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_arbitrary_text_never_raises(text: str) -> None:
    _check(text)


@settings(max_examples=150, deadline=None)
@given(st.text())
def test_any_unicode_never_raises(text: str) -> None:
    _check(text)


@st.composite
def seed_mutations(draw: st.DrawFn) -> str:
    lines = list(SEED_LINES)
    for _ in range(draw(st.integers(0, 6))):
        if not lines:
            break
        op = draw(st.sampled_from(["drop", "dup", "swap", "garble", "insert", "split"]))
        i = draw(st.integers(0, len(lines) - 1))
        if op == "drop":
            del lines[i]
        elif op == "dup":
            lines.insert(i, lines[i])
        elif op == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif op == "garble":
            line = lines[i]
            k = draw(st.integers(0, len(line)))
            lines[i] = line[:k] + draw(st.text(max_size=5)) + line[k:]
        elif op == "insert":
            lines.insert(i, draw(st.text(max_size=30)))
        else:
            line = lines[i]
            k = draw(st.integers(0, len(line)))
            lines[i:i + 1] = [line[:k], line[k:]]
    if draw(st.booleans()):
        lines = draw(st.permutations(lines))
    return "\n".join(lines)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed_mutations())
def test_seed_mutations_never_raise(text: str) -> None:
    _check(text)


def test_the_unmutated_seed_keeps_everything() -> None:
    """Sanity for the mutation base: the seed itself gives 8 goals, a table and 7 indicators."""
    if not SEED.exists():
        pytest.skip(f"needs {SEED}")
    report, _ = import_text("\n".join(SEED_LINES), file="groningen-2024-veiligheid.txt")
    [programme] = report.programmes
    assert (len(programme.goals), len(programme.indicators)) == (8, 7)
    assert programme.finance is not None


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_shared_parsers_never_raise(text: str) -> None:
    from rekenschap.importers.headings import (
        document_hint_from_name,
        parse_document_title,
        parse_programme_heading,
        parse_w_heading,
    )
    from rekenschap.importers.quantities import find_quantities
    from rekenschap.importers.sentences import parse_indicator_sentence

    parse_programme_heading(text)
    parse_w_heading(text)
    parse_document_title(text)
    document_hint_from_name(text)
    for quantity in find_quantities(text):
        assert quantity.text in text
    indicator, problems = parse_indicator_sentence(text, year=2024)
    assert indicator is None or indicator.name
    assert indicator is not None or problems == []  # problems only come with an indicator


_WORDS = st.lists(st.text(alphabet="abcéRK-2 (),.", min_size=1, max_size=12), max_size=6)


@settings(max_examples=300, deadline=None)
@given(_WORDS)
def test_join_lines_only_drops_spaces_and_break_hyphens(parts: list[str]) -> None:
    from rekenschap.importers.textdump_lines import join_lines

    joined = join_lines(parts)
    original = "".join("".join(p.split()) for p in parts)
    squeezed = "".join(joined.split())
    # Every character survives in order, except a hyphen at a line break may go.
    assert len(original) - len(squeezed) <= max(0, len(parts) - 1)
    assert squeezed.replace("-", "") == original.replace("-", "")
    assert "  " not in joined


LAYOUT = [
    "Programma 1 Veiligheid", "Beleidsindicatoren",
    "Progr. Nr. Naam Indicator     Eenheid               Bron    Wassenaar     Nederland",
    "                                                            (jaartal)     (jaartal)", "",
    "                              Aantal per 1.000",
    "  1    8. Winkeldiefstallen                         CBS     0,6 (2022)    2,3 (2022)",
    "                              inwoners", "",
    "  2    17. Absoluut verzuim   per 1.000 leerlingen  DUO     1,3 (2022)    n.v.t.",
    "Toelichting op verschillen tussen begroot actueel/werkelijk >= € 50.000",
    "Taakveld 1.1 Crisisbeheersing", "a. Opvang (per saldo nadelig € 42.000).", "Tekst.",
    "Precariobelasting (voordeel hogere baten €62.000)", "De overige verschillen zijn klein.",
]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.integers(0, len(LAYOUT) - 1), st.integers(0, 90),
                          st.sampled_from(["", " ", "  ", "\t", "x", "(", "12", "€", "\n"])),
                max_size=8))
def test_mutated_layout_tables_and_explanations_never_raise(
        edits: list[tuple[int, int, str]]) -> None:
    lines = list(LAYOUT)
    for i, k, piece in edits:
        lines[i] = lines[i][:k] + piece + lines[i][k + 1:]
    _check("\n".join(lines))
