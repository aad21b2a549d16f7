"""A rich report for the publishing tests, written as the interchange YAML and loaded for real.

Two programmes (one with two deelprogramma's), Wassenaar-like negative lasten with a Verschil
column and a variance explanation, indicators over many years with n.n.b. values, and a goal
whose title contains markup that must be shown, not run.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

import yaml

from rekenschap.model import Report
from rekenschap.opendata.compare import Comparison, IndicatorComparison, TaakveldComparison

SCRIPT_GOAL = "Veilig <script>alert(1)</script> & schoon"

RICH_YAML = """
schema: rekenschap/report@1
organisation: {name: Gemeente Voorbeeld-aan-Zee, cbs_code: GM0629}
document: {kind: jaarstukken, year: 2023}
unit: {currency: EUR, scale: 1000}
programmes:
- code: '1'
  name: Veiligheid en handhaving
  taakvelden: ['1.1', '1.2']
  goals:
  - title: 'GOAL_PLACEHOLDER'
    code: '1.1'
    description: Minder woninginbraken en meer toezicht.
    activities:
    - {text: Cameratoezicht uitgebreid, status: gerealiseerd}
    - {text: Buurtpreventie-apps ondersteund, status: loopt}
    - {text: Handhavingsplan vastgesteld, status: vertraagd}
    - {text: Nieuw brandweerhuis gebouwd, status: niet gerealiseerd}
  finance:
    title: Programma 1 Veiligheid
    sign_convention: lasten_negative
    difference_convention: favourable_positive
    sign_note: '"-" = nadeel / "+" = voordeel'
    columns:
    - {key: primitief, kind: original_budget, label: Begroting 2023 primair}
    - {key: na_wijziging, kind: amended_budget, label: Begroting 2023 na wijziging}
    - {key: realisatie, kind: actual, label: Realisatie 2023}
    - {key: verschil, kind: difference, label: Verschil}
    rows:
    - kind: lasten
      label: Lasten
      values: {primitief: -4346, na_wijziging: -4412, realisatie: -4493, verschil: -81}
    - kind: baten
      label: Baten
      values: {primitief: 136, na_wijziging: 150, realisatie: 236, verschil: 86}
    - kind: saldo
      label: Saldo van baten en lasten
      values: {primitief: -4210, na_wijziging: -4262, realisatie: -4257, verschil: 5}
  explanations:
  - title: Toelichting op verschillen groter dan € 50.000
    threshold: 50000
    items:
    - {title: Opvang Oekraïners, amount: -81000, kind: lasten, incidental: true,
       text: Hogere kosten voor de opvang dan geraamd.}
    - {title: Leges evenementen, amount: 86000, kind: baten, incidental: false,
       text: Meer evenementenvergunningen verleend.}
  indicators:
  - name: Winkeldiefstallen
    unit: {kind: rate, per: 1000, population: inwoners, label: per 1.000 inwoners}
    source: CBS
    baseline_period: '2019'
    target: {direction: down}
    observations:
    - {period: '2019', value: 4}
    - {period: '2020', value: 3.6}
    - {period: '2021', value: 3.1}
    - {period: '2022', value: 4.4}
    - {period: '2023', value: 5.7}
    - {period: '2024', qualifier: n.n.b., reference_date: '2024-03-01'}
  - name: Verwijzingen Halt
    unit: {kind: rate, per: 1000, population: jongeren 12-17 jaar}
    baseline_period: '2019'
    observations:
    - {period: '2019', value: 19}
    - {period: '2023', value: 10}
    benchmarks:
    - region: Nederland
      region_code: NL01
      observations: [{period: '2019', value: 14}, {period: '2023', value: 12.5}]
    targets: [{period: '2024', value: 9}, {period: '2025', value: 8}]
    claims:
    - {direction: down, reference: baseline, against_period: '2019',
       sentence: Verwijzingen Halt t.o.v. peiljaar 2019 gedaald}
  subprogrammes:
  - code: '1.1'
    name: Crisisbeheersing en brandweer
    level: deelprogramma
    goals:
    - title: Snelle hulp bij brand
    finance:
      sign_convention: lasten_negative
      columns:
      - {key: na_wijziging, kind: amended_budget, label: Begroting na wijziging}
      - {key: realisatie, kind: actual, label: Realisatie}
      rows:
      - {kind: lasten, label: Lasten, values: {na_wijziging: -2100, realisatie: -2150}}
      - {kind: baten, label: Baten, values: {na_wijziging: 10, realisatie: null}}
  - code: '1.2'
    name: Openbare orde en veiligheid
    level: deelprogramma
    sections:
    - heading: Belangrijkste ontwikkelingen
      text: "De aanpak van ondermijning is versterkt.\\n\\nHet aantal meldingen steeg."
- code: '2'
  name: Verkeer, vervoer en waterstaat
  goals:
  - title: Veilige en bereikbare wegen
    activities:
    - {text: 12 kilometer fietspad aangelegd}
  finance:
    sign_convention: lasten_negative
    columns:
    - {key: primitief, kind: original_budget, label: Begroting 2023 primair}
    - {key: na_wijziging, kind: amended_budget, label: Begroting 2023 na wijziging}
    - {key: realisatie, kind: actual, label: Realisatie 2023}
    rows:
    - {kind: lasten, label: Lasten, values: {primitief: -7200, na_wijziging: -7350.5,
       realisatie: -7012}}
    - {kind: baten, label: Baten, values: {primitief: 820, na_wijziging: 820, realisatie: 901}}
overview:
  title: Overzicht van baten en lasten
  sign_convention: lasten_negative
  provenance: {file: jaarstukken-2023.pdf, page: 18}
  columns:
  - {key: na_wijziging, kind: amended_budget, label: Begroting 2023 na wijziging}
  - {key: realisatie, kind: actual, label: Realisatie 2023}
  rows:
  - {kind: lasten, label: Veiligheid en handhaving, ref: '1',
     values: {na_wijziging: -4412, realisatie: -4493}}
  - {kind: baten, label: Veiligheid en handhaving, ref: '1',
     values: {na_wijziging: 150, realisatie: 236}}
  - {kind: lasten, label: 'Verkeer, vervoer en waterstaat', ref: '2',
     values: {na_wijziging: -7250.5, realisatie: -6900}}
  - {kind: baten, label: 'Verkeer, vervoer en waterstaat', ref: '2',
     values: {na_wijziging: 820, realisatie: 901}}
  - {kind: lasten, label: Overhead, values: {na_wijziging: -100, realisatie: -112}}
  - {kind: lasten, label: Saldo van baten en lasten, values: {na_wijziging: -11762.5,
     realisatie: -11505}}
  - {kind: baten, label: Saldo van baten en lasten, values: {na_wijziging: 970, realisatie: 1137}}
"""


def rich_report() -> Report:
    """The rich sample, loaded through YAML like a user's file."""
    data = yaml.safe_load(RICH_YAML)
    data["programmes"][0]["goals"][0]["title"] = SCRIPT_GOAL
    return Report.model_validate(data)


def sample_comparison() -> Comparison:
    """A small hand-made comparison (the shape ``rekenschap.opendata.compare`` builds)."""
    def row(tv: str, name: str, measure: Literal["lasten", "baten"], value: int | None,
            q1: int, median: int, q3: int, rank: int | None) -> TaakveldComparison:
        return TaakveldComparison(
            taakveld=tv, name=name, measure=measure, n=12, rank=rank,
            value=Decimal(value) if value is not None else None,
            q1=Decimal(q1), median=Decimal(median), q3=Decimal(q3))
    return Comparison(
        cbs_code="GM0629", name="Voorbeeld-aan-Zee", year=2023, phase="jaarrekening",
        peer_kind="size-class", peer_label="20000tot50000inwoners",
        peers=tuple(f"Gemeente {c}" for c in "ABCDEFGHIJK"), population=27534,
        rows=(row("0.1", "Bestuur", "lasten", 75, 66, 75, 85, 6),
              row("1.1", "Crisisbeheersing en brandweer", "lasten", 98, 70, 80, 95, 1),
              row("1.2", "Openbare orde en veiligheid", "lasten", 21, 24, 30, 36, 11),
              row("2.1", "Verkeer en vervoer", "lasten", None, 80, 110, 140, None),
              row("1.2", "Openbare orde en veiligheid", "baten", 3, 1, 2, 4, 4)),
        indicators=(IndicatorComparison(indicator="winkeldiefstallen", year=2023,
                                        value=Decimal("0.9"), national=Decimal("2.5"),
                                        source="CBS 83648NED"),),
        sources=("CBS Iv3 jaarrekening 2023 (2023_jaarrekening.csv)", "CBS 83648NED"))
