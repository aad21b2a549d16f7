"""Prose about money and taakvelden is not an indicator sentence.

The lines below are printed in Wassenaar's begroting 2021-2024 (p39, p41: taakveld headings of
the "toelichting" with the difference in euros; p87: a sentence under the heading "Toelichting
beleidsindicatoren") and jaarstukken 2023 (p111: the paragraph "Renteontwikkeling"). Each of
them used to come out of a text dump as an indicator ("Taakveld 0.4 Overhead" observed as
177000 in 2021). The corpus tests import the whole documents' dumps (pypdfium2 text and
``pdftotext -layout``) and list every indicator name.
"""

from __future__ import annotations

import shutil
import subprocess
from decimal import Decimal

import pytest
from tests.importers_text.test_corpus_dumps import _dump, corpus_pdf

from rekenschap.importers.sentences import parse_indicator_sentence
from rekenschap.importers.text import import_text
from rekenschap.model import ClaimReference, Direction

PROSE = [
    "Taakveld 0.4 Overhead (€ 177.000 hogere lasten in 2021 t.o.v. 2020)",
    "Taakveld 0.8 Overige baten en lasten (€ 108.000 lagere lasten in 2021 t.o.v. 2020)",
    "Taakveld 0.3 Beheer overige gebouwen en gronden (€ 59.000 nadeel t.o.v. begroting 2020)",
    "Renteontwikkeling In 2023 is de Nederlandse economie gering gegroeid met 0,1%. De geringe "
    "groei in 2023 werd vooral gedreven door uitgaven van de overheid.",
    "De voorziening wachtgeld voormalige wethouders is in 2023 gestegen ten opzichte van 2022",
    "Overige lasten (- € 100.000 t.o.v. € 250.000)",
]


@pytest.mark.parametrize("line", PROSE)
def test_prose_lines_are_not_indicators(line: str) -> None:
    assert parse_indicator_sentence(line, year=2021) == (None, [])


def test_an_indicator_measured_in_euros_is_still_read() -> None:
    # The BBV basisset has woonlasten in euros: the catalogue says this is an indicator.
    indicator, _ = parse_indicator_sentence(
        "Gemeentelijke woonlasten eenpersoonshuishouden gestegen t.o.v. 2022 (€ 1.323 -> "
        "€ 1.352)", year=2023)
    assert indicator is not None
    assert [o.value for o in indicator.observations] == [Decimal(1323), Decimal(1352)]


def test_heading_above_an_indicator_sentence_is_not_its_name() -> None:
    text = ("Programma 6 Sociaal domein\nBeleidsindicatoren\n\nToelichting beleidsindicatoren\n"
            "Het totaal aantal inwoners dat gebruik maakt van een maatwerkarrangement WMO is "
            "gestegen ten opzichte\nvan 2018.\n")
    report, _ = import_text(text, file="b.txt")
    [indicator] = report.programmes[0].indicators
    assert indicator.name == ("Het totaal aantal inwoners dat gebruik maakt van een "
                              "maatwerkarrangement WMO")
    [claim] = indicator.claims
    assert (claim.direction, claim.reference, claim.against_period) == (
        Direction.UP, ClaimReference.PERIOD, "2018")
    assert indicator.provenance is not None and indicator.provenance.line == 4


_PROSE_START = ("Taakveld", "Renteontwikkeling", "Toelichting", "In 20")

DOCUMENTS = ["jaarstukken-2023.pdf", "begroting-2024.pdf", "begroting-2026.pdf",
             "begroting-2021-2024.pdf"]


def _names(text: str, name: str) -> list[str]:
    report, _ = import_text(text, file=name)
    return [i.name for p in report.all_programmes() for i in p.indicators]


@pytest.mark.corpus
@pytest.mark.parametrize("name", DOCUMENTS)
def test_no_prose_indicators_in_the_pdfium_dumps(name: str) -> None:
    names = _names(_dump(corpus_pdf(name)), name)
    assert not [n for n in names if n.startswith(_PROSE_START)], names
    if name == "begroting-2021-2024.pdf":
        assert names == ["Het totaal aantal inwoners dat gebruik maakt van een "
                         "maatwerkarrangement WMO"]


@pytest.mark.corpus
@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
@pytest.mark.parametrize("name", DOCUMENTS)
def test_no_prose_indicators_in_the_layout_dumps(name: str) -> None:
    layout = subprocess.run(["pdftotext", "-layout", str(corpus_pdf(name)), "-"],
                            capture_output=True, text=True, check=True).stdout
    names = _names(layout, name)
    assert not [n for n in names if n.startswith(_PROSE_START)], names
    # the indicator tables are still read (15 to 34 rows a document)
    assert len(names) >= {"begroting-2021-2024.pdf": 10}.get(name, 15)
