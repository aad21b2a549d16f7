"""Variance explanations (toelichting op verschillen) in text dumps -> VarianceExplanation.

Hand-made dumps for each rule, and a golden file for the pypdfium2 text of Wassenaar's
jaarstukken-2023.pdf (generated in the test from the corpus PDF, never committed). Hand-checked
against the rendered pages (``pdftoppm -r 70 -f 23 -l 24``, ``-f 47 -l 49``): programme 1 on
pages 23-24 and programme 3 on pages 47-49 — every threshold, item title, amount with its sign
(nadelig -, voordelig +) and lasten/baten side below is as printed. The text importer and the
PDF importer share the reader (``importers/explanations.py``), so the dump must give the same
items as the PDF golden files of tests/importers_pdf (compared below).
"""

from __future__ import annotations

import os
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml
from tests.importers_text.test_corpus_dumps import _dump, corpus_pdf

from rekenschap.importers.text import import_text
from rekenschap.model import Report

GOLDEN = Path(__file__).parent / "golden" / "jaarstukken-2023-explanations.yaml"
PDF_GOLDEN = Path(__file__).parents[1] / "importers_pdf" / "golden" / "jaarstukken-2023"
UPDATE = os.environ.get("REKENSCHAP_UPDATE_GOLDEN") == "1"

HEAD = """Programma 1 Veiligheid
Wat heeft het gekost?
Lasten 100 120 130
"""


def _read(body: str) -> tuple[Report, list[Any]]:
    return import_text(HEAD + body, file="gemeente-2023.txt")


def test_items_threshold_sign_side_and_text() -> None:
    report, problems = _read(
        "Toelichting op verschillen tussen begroot actueel/werkelijk >= € 50.000\n"
        "Taakveld 1.1 Crisisbeheersing\n"
        "a. Opvang ontheemden (per saldo nadelig € 42.000).\n"
        "De geraamde lasten bedroegen € 2.778.000.\n"
        "De werkelijke lasten waren lager.\n"
        "b. Bijdrage VRH (voordeel lagere lasten € 69.000, incidenteel).\n"
        "Door gestegen prijzen.\n"
        "c. Leges (hogere baten, structureel voordelig € 12.500)\n"
        "d. Subsidie (per saldo neutraal)\n"
        "De overige verschillen zijn kleine afwijkingen.\n")
    [programme] = report.programmes
    [explanation] = programme.explanations
    assert explanation.threshold == Decimal(50000)
    assert explanation.title == ("Toelichting op verschillen tussen begroot actueel/werkelijk "
                                 ">= € 50.000")
    assert explanation.provenance is not None and explanation.provenance.line == 4
    got = [(i.title, i.amount, i.kind, i.incidental) for i in explanation.items]
    assert got == [("Opvang ontheemden", Decimal(-42000), None, None),
                   ("Bijdrage VRH", Decimal(69000), "lasten", True),
                   ("Leges", Decimal(12500), "baten", False),
                   ("Subsidie", Decimal(0), None, None)]
    first = explanation.items[0]
    assert first.text == ("De geraamde lasten bedroegen € 2.778.000. De werkelijke lasten waren "
                          "lager.")
    assert first.provenance is not None
    assert (first.provenance.line, first.provenance.line_end) == (6, 8)
    # taakveld heading and closing remark are kept as text under the explanation's heading
    kept = [s for s in programme.sections if s.heading == explanation.title]
    assert [s.text for s in kept] == ["Taakveld 1.1 Crisisbeheersing\n"
                                      "De overige verschillen zijn kleine afwijkingen."]
    assert "TXT-VARIANCE-AMOUNT" not in {p.code for p in problems}


def test_threshold_under_the_heading_and_a_taakveld_net_amount() -> None:
    report, _ = _read(
        "Toelichting op de afwijkingen\n"
        "Verschillen vanaf € 25.000 worden toegelicht.\n"
        "Taakveld 7.2 Riolering\n"
        "(per saldo voordelig € 9.000)\n"
        "a. De baten rioolheffing zijn € 119.000 lager en de lasten € 128.000 lager.\n")
    [explanation] = report.programmes[0].explanations
    assert explanation.threshold == Decimal(25000)
    assert [(i.title, i.amount) for i in explanation.items] == [
        ("Taakveld 7.2 Riolering", Decimal(9000)),
        ("De baten rioolheffing zijn € 119.000 lager en de lasten € 128.000 lager", None)]
    # the introduction line is not lost
    assert any("Verschillen vanaf € 25.000" in s.text for s in report.programmes[0].sections)


def test_text_under_a_taakveld_heading_starts_its_first_item() -> None:
    report, _ = _read(
        "Toelichting op verschillen >= € 50.000\n"
        "a. Eerste (nadeel € 60.000)\n"
        "Tekst van de eerste.\n"
        "Taakveld 6.72 en 6.82 Jeugd\n"
        "De taakvelden zijn samengevoegd.\n"
        "a. Jeugdzorg (voordeel lagere lasten € 250.000)\n"
        "Lagere lasten.\n"
        "Taakveld 7.4 Milieubeheer (per saldo € 242.000 nadelig)\n"
        "Minder besteed.\n"
        "5.99.04 Vervanging Hofcampbrug (per saldo nadelig € 95.500)\n"
        "Meerkosten.\n")
    items = report.programmes[0].explanations[0].items
    assert [(i.title, i.amount, i.text) for i in items] == [
        ("Eerste", Decimal(-60000), "Tekst van de eerste."),
        ("Jeugdzorg", Decimal(250000), "De taakvelden zijn samengevoegd. Lagere lasten."),
        ("Taakveld 7.4 Milieubeheer", Decimal(-242000), "Minder besteed."),
        ("5.99.04 Vervanging Hofcampbrug", Decimal(-95500), "Meerkosten.")]
    assert items[1].provenance is not None and items[1].provenance.line == 8


def test_an_item_without_a_single_net_amount_is_reported_not_guessed() -> None:
    report, problems = _read(
        "Toelichting op verschillen\n"
        "a. Inhuur (nadeel € 10.000 en voordeel € 4.000)\n"
        "Meer inhuur.\n")
    [item] = report.programmes[0].explanations[0].items
    assert item.amount is None and item.text == "Meer inhuur."
    [problem] = [p for p in problems if p.code == "TXT-VARIANCE-AMOUNT"]
    assert problem.location.line == 5 and problem.severity.value == "notice"
    assert "several amounts and no net one" in problem.message


@pytest.fixture(scope="module")
def dumped() -> Report:
    report, _ = import_text(_dump(corpus_pdf("jaarstukken-2023.pdf")),
                            file="jaarstukken-2023.pdf")
    return report


def _essentials(report: Report) -> list[dict[str, Any]]:
    out = []
    for programme in report.all_programmes():
        for explanation in programme.explanations:
            out.append({
                "programme": programme.code, "title": explanation.title,
                "threshold": explanation.threshold,
                "page": explanation.provenance.page if explanation.provenance else None,
                "items": [{"title": i.title, "amount": i.amount, "kind": i.kind,
                           "incidental": i.incidental,
                           "lines": [i.provenance.page, i.provenance.line, i.provenance.line_end]
                           if i.provenance else None} for i in explanation.items]})
    return out


@pytest.mark.corpus
def test_jaarstukken_2023_dump_explanations_golden(dumped: Report) -> None:
    text = yaml.safe_dump(_essentials_plain(dumped), allow_unicode=True, sort_keys=False,
                          width=100)
    if UPDATE or not GOLDEN.exists():
        GOLDEN.write_text(text, encoding="utf-8")
    assert text == GOLDEN.read_text(encoding="utf-8"), "REKENSCHAP_UPDATE_GOLDEN=1 to update"
    # programme 1, pages 23-24 (checked by eye)
    p1 = next(e for e in _essentials_plain(dumped) if e["programme"] == "1")
    assert (p1["threshold"], p1["page"]) == (50000, 23)
    assert [(i["title"], i["amount"], i["kind"]) for i in p1["items"]] == [
        ("Opvang Oekraïense ontheemden", -42000, None),
        ("Bijdrage Veiligheidsregio Haaglanden (VRH)", -69000, None),
        ("Aanpak ondermijning", -40000, "lasten"),
        ("Wassenaarse Reddingsbrigade", -33000, "lasten")]
    # programme 3, pages 47-49 (checked by eye): the first items and the last one
    p3 = next(e for e in _essentials_plain(dumped) if e["programme"] == "3")
    assert [(i["title"], i["amount"]) for i in p3["items"][:3]] == [
        ("Accountantscontrole", -33000), ("Voormalige wethouders", 254000),
        ("Kosten representatie", -31000)]
    assert p3["items"][4]["incidental"] is True  # Backershagenlaan 13: "incidenteel voordeel"
    # p49: unlettered under "Taakveld 0.64 Belasting overig"
    precario = next(i for i in p3["items"] if i["title"] == "Precariobelasting")
    assert (precario["amount"], precario["kind"]) == (62000, "baten")
    assert (p3["items"][-1]["title"], p3["items"][-1]["amount"]) == (
        "Voorzieningen dubieuze debiteuren", -131000)
    # programme 5, page 85 (checked by eye): a taakveld heading with its own net amount and a
    # coded investment item are items of their own, not text of the item before them
    p5 = next(e for e in _essentials_plain(dumped) if e["programme"] == "5")
    assert [(i["title"], i["amount"], i["lines"][1]) for i in p5["items"][-2:]] == [
        ("Taakveld 7.4 Milieubeheer", -242000, 2579),
        ("5.99.04 Vervanging Hofcampbrug", -95500, 2590)]


def _essentials_plain(report: Report) -> list[dict[str, Any]]:
    """:func:`_essentials` with Decimals as ints/strings, for YAML."""
    def plain(value: Any) -> Any:
        if isinstance(value, Decimal):
            return int(value) if value == value.to_integral_value() else str(value)
        if isinstance(value, dict):
            return {k: plain(v) for k, v in value.items()}
        if isinstance(value, list):
            return [plain(v) for v in value]
        return value
    return [plain(e) for e in _essentials(report)]


@pytest.mark.corpus
def test_dump_and_pdf_importer_read_the_same_items(dumped: Report) -> None:
    for programme in dumped.all_programmes():
        if not programme.explanations:
            continue
        golden = PDF_GOLDEN / f"programma-{programme.code}.yaml"
        if not golden.exists():
            continue
        pdf = yaml.safe_load(golden.read_text(encoding="utf-8"))
        [want] = pdf["explanations"]
        [got] = programme.explanations
        assert got.threshold == Decimal(want["threshold"])
        assert [(i.title, i.amount) for i in got.items] == [
            (i["title"], None if i.get("amount") is None else Decimal(str(i["amount"])))
            for i in want["items"]], programme.code


def test_a_lettered_title_that_wraps_before_its_note_is_read_whole() -> None:
    # As this project's PDF export prints a long Wassenaar title (jaarstukken 2023 p32 item):
    # the note's "(" falls on the second line.
    report, problems = _read(
        "Toelichting op verschillen >= € 50.000\n"
        "Taakveld 5.1 Sportbeleid en activering\n"
        "a. De centraal begrote specifieke uitkering sportstimulering (Sisa-bijlage H4) van €\n"
        "100.000 is over de diverse sportaccommodaties verantwoord (overig, per saldo "
        "neutraal).\n"
        "Dat heeft een nadelig effect op dit taakveld.\n"
        "b. Een titel die over drie regels loopt omdat de gemeente\n"
        "er veel over te zeggen heeft en nog meer\n"
        "woorden gebruikt (per saldo nadelig € 55.000).\n"
        "c. Kort (voordeel € 60.000)\n")
    [explanation] = report.programmes[0].explanations
    got = [(i.title, i.amount, i.kind, i.text) for i in explanation.items]
    assert got == [
        ("De centraal begrote specifieke uitkering sportstimulering (Sisa-bijlage H4) van € "
         "100.000 is over de diverse sportaccommodaties verantwoord", Decimal(0), "other",
         "Dat heeft een nadelig effect op dit taakveld."),
        ("Een titel die over drie regels loopt omdat de gemeente er veel over te zeggen heeft "
         "en nog meer woorden gebruikt", Decimal(-55000), None, None),
        ("Kort", Decimal(60000), None, None)]
    first = explanation.items[0].provenance
    assert first is not None and (first.line, first.line_end) == (6, 8)
    assert "TXT-VARIANCE-AMOUNT" not in {p.code for p in problems}


def test_a_title_sentence_running_into_the_second_line_ends_at_its_full_stop() -> None:
    # Real lines (jaarstukken 2023 p83, p85): the title is the first sentence, which wraps;
    # what follows its full stop is the item's text. A text that starts with a capital on the
    # next line ("De opbrengsten ...") is the item's text, and the title stays one line.
    report, problems = _read(
        "Toelichting op verschillen >= € 50.000\n"
        "Taakveld 2.2 Parkeren\n"
        "a. Het budget van € 10.000 dat voor laadpalen t.b.v. elektrische fietsen in het CUP2023 "
        "beschikbaar is gesteld\n"
        "is niet tot besteding gekomen. Voorgesteld wordt dit budget over te hevelen naar 2024.\n"
        "Taakveld 7.2 Riolering\n"
        "(per saldo voordelig € 9.000)\n"
        "a. De baten rioolheffing en precariorechten zijn € 119.000 lager dan begroot. De totale "
        "lasten zijn € 128.000\n"
        "lager dan begroot. Hiervan heeft € 105.000 betrekking op rioolpompen en gemalen.\n"
        "b. Kabels en leidingen\n"
        "De opbrengsten zijn hoger dan begroot (voordeel € 55.000).\n")
    [explanation] = report.programmes[0].explanations
    assert [(i.title, i.text) for i in explanation.items] == [
        ("Het budget van € 10.000 dat voor laadpalen t.b.v. elektrische fietsen in het CUP2023 "
         "beschikbaar is gesteld is niet tot besteding gekomen",
         "Voorgesteld wordt dit budget over te hevelen naar 2024."),
        ("Taakveld 7.2 Riolering", None),
        ("De baten rioolheffing en precariorechten zijn € 119.000 lager dan begroot. De totale "
         "lasten zijn € 128.000 lager dan begroot",
         "Hiervan heeft € 105.000 betrekking op rioolpompen en gemalen."),
        ("Kabels en leidingen", "De opbrengsten zijn hoger dan begroot (voordeel € 55.000).")]
    assert [p.code for p in problems].count("TXT-VARIANCE-AMOUNT") == 3


def test_a_title_that_does_not_end_within_two_lines_is_the_first_line() -> None:
    report, _ = _read(
        "Toelichting op verschillen >= € 50.000\n"
        "a. Een titel zonder einde\n"
        "loopt door\n"
        "en door\n"
        "en eindigt hier.\n")
    [item] = report.programmes[0].explanations[0].items
    assert (item.title, item.text) == ("Een titel zonder einde",
                                       "loopt door en door en eindigt hier.")
