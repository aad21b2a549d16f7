"""Recognising BBV indicators by printed name, on the real seed page and known variants."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from rekenschap.catalogue import indicators, match_indicator, normalise_name

SEED_NAMES = {
    "Winkeldiefstallen": "winkeldiefstallen",
    "Verwijzingen Halt": "verwijzingen-halt",
    "Geweldsmisdrijven": "geweldsmisdrijven",
    "Diefstallen uit woning": "diefstallen-uit-woning",
    "Vernielingen en beschadigen openbare ruimte": "vernielingen-en-beschadigingen",
}
NOT_INDICATORS = ["Aantal geregistreerde misdrijven", "Integrale controles ondermijning"]


@pytest.mark.parametrize(("name", "expected"), SEED_NAMES.items())
def test_seed_names_match(name: str, expected: str) -> None:
    found = match_indicator(name)
    assert found is not None and found.id == expected


@pytest.mark.parametrize("name", NOT_INDICATORS)
def test_non_indicators_do_not_match(name: str) -> None:
    assert match_indicator(name) is None


def _seed_bullets(seed: Path) -> list[str]:
    """The indicator statements of the seed: bullets after the finance table, joined."""
    text = seed.read_text(encoding="utf-8")
    tail = text[text.index("Baten 5.447"):]
    return [" ".join(b.split()) for b in re.split(r"\n\s*•", tail)[1:]]


def test_whole_seed_statements(seed_path: Path) -> None:
    """Matching the full bullet text (name, claim and numbers) from the real seed file."""
    found = [(m.id if (m := match_indicator(b)) else None) for b in _seed_bullets(seed_path)]
    assert found == [
        None, "winkeldiefstallen", "verwijzingen-halt", "geweldsmisdrijven",
        "diefstallen-uit-woning", "vernielingen-en-beschadigingen", None]


@pytest.mark.parametrize(("printed", "expected"), [
    ("WINKELDIEFSTALLEN", "winkeldiefstallen"),
    ("Winkeldiefstal", "winkeldiefstallen"),
    ("8. Winkeldiefstallen", "winkeldiefstallen"),
    ("Winkeldiefstallen (per 1.000 inwoners)", "winkeldiefstallen"),
    ("Diefstal uit woning", "diefstallen-uit-woning"),
    ("Vernielingen en beschadigingen (in de openbare ruimte)", "vernielingen-en-beschadigingen"),
    ("Cliënten met een maatwerk-arrangement WMO", "clienten-met-maatwerkarrangement-wmo"),
    ("Clienten met een maatwerkarrangement Wmo", "clienten-met-maatwerkarrangement-wmo"),
    ("Vroegtijdig schoolverlaters zonder startkwalificatie (vsv-ers)",
     "voortijdige-schoolverlaters"),
    ("Gemeentelijke woonlasten (meerpersoonshuishouden)", "woonlasten-meerpersoonshuishouden"),
    ("Gemiddelde WOZ waarde", "gemiddelde-woz-waarde"),
    ("Verwijzingen Halt t.o.v. peiljaar 2019 gedaald", "verwijzingen-halt"),
])
def test_variants_seen_in_documents(printed: str, expected: str) -> None:
    found = match_indicator(printed)
    assert found is not None and found.id == expected


@pytest.mark.parametrize("printed", [
    "Gemeentelijke woonlasten",  # ambiguous: een- or meerpersoonshuishouden
    "Aantal misdrijven", "Veiligheid", "", "   ", "Banenafspraak", "Lasten",
])
def test_no_guessing(printed: str) -> None:
    assert match_indicator(printed) is None


def test_every_catalogue_name_and_alias_matches_itself() -> None:
    for item in indicators():
        for name in item.names:
            found = match_indicator(name)
            assert found is not None and found.id == item.id, name


def test_normalisation() -> None:
    assert normalise_name("Diefstallen uit Woning") == normalise_name("diefstal uit woning")
    assert normalise_name("Cliënten, t.o.v. de Woning") == "client tov woning"
