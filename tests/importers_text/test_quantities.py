"""Quantities in activity text: number + noun phrase; years, ranges, codes are not quantities."""

from __future__ import annotations

from decimal import Decimal

import pytest

from rekenschap.importers.quantities import find_quantities, is_participle


def _q(text: str) -> list[tuple[Decimal, str | None, str | None, str]]:
    return [(q.value, q.comparator, q.noun, q.text) for q in find_quantities(text)]


@pytest.mark.parametrize(("text", "expected"), [
    ("> 100 eigen onderzoeken verricht obv wet Bibob",
     [(Decimal(100), ">", "eigen onderzoeken", "> 100 eigen onderzoeken")]),
    ("14 integrale controles uitgevoerd welke mede gericht waren op",
     [(Decimal(14), None, "integrale controles", "14 integrale controles")]),
    ("trainingen (300 professionals getraind en 51 gemeenten)",
     [(Decimal(300), None, "professionals", "300 professionals"),
      (Decimal(51), None, "gemeenten", "51 gemeenten")]),
    ("Binnen programma Grip op Onbegrip 3 subsidies en 2projecten gestart",
     [(Decimal(3), None, "subsidies", "3 subsidies"),
      (Decimal(2), None, "projecten", "2projecten")]),
    ("4 bijeenkomsten georganiseerd m.b.t. cyberweerbaarheid senioren",
     [(Decimal(4), None, "bijeenkomsten", "4 bijeenkomsten")]),
    ("ruim 1.200 huishoudens bereikt",
     [(Decimal(1200), "ruim", "huishoudens", "ruim 1.200 huishoudens")]),
    ("ca. 40 deelnemers aan de cursus",
     [(Decimal(40), "ca.", "deelnemers", "ca. 40 deelnemers")]),
    ("5 nieuwe jonge jongerenwerkers aangenomen",  # at most three words
     [(Decimal(5), None, "nieuwe jonge jongerenwerkers", "5 nieuwe jonge jongerenwerkers")]),
    ("2,5 fte extra ingezet", [(Decimal("2.5"), None, "fte extra", "2,5 fte extra")]),
])
def test_quantities(text: str, expected: list[tuple[Decimal, str | None, str | None, str]]) -> None:
    assert _q(text) == expected


@pytest.mark.parametrize("text", [
    "De Agenda Digitale Veiligheid 2025-2028 geactualiseerd",   # year range
    "Met behulp van Versterkingsgelden 2023-2024",
    "Analyse van polarisatie in gemeente Groningen ->2025 opvolging",  # year after an arrow
    "in 2024 gestart",                                           # a year
    "fase 2 gestart",                                            # a number without a noun
    "de 2e fase",                                                # an ordinal
    "op 1 januari",                                              # a date
    "langs de N355 en A7",                                       # road codes
    "om 10.00 uur",                                              # a time
    "40% van de inwoners",                                       # a percentage
    "Deelprogramma 2.2.Veiligheid",                              # a section number
    "Aantal keer bestuurlijke boete opgelegd",
])
def test_not_quantities(text: str) -> None:
    assert _q(text) == []


@pytest.mark.parametrize(("word", "expected"), [
    ("getraind", True), ("uitgevoerd", True), ("verricht", True), ("georganiseerd", True),
    ("opgelegd", True), ("ontwikkeld", True), ("gestegen", True),
    ("gemeenten", False), ("professionals", False), ("gebied", False), ("subsidies", False),
])
def test_participles(word: str, expected: bool) -> None:
    assert is_participle(word) is expected
