"""The fields that closed the first import round's gaps: benchmarks, targets per year, the
document overview with programme references, and the unit of variance items."""

from __future__ import annotations

from decimal import Decimal

import pytest
from pydantic import ValidationError

from rekenschap.importers.native import loads_json, loads_yaml
from rekenschap.model import (
    Benchmark,
    ColumnKind,
    Document,
    DocumentKind,
    FinanceColumn,
    FinanceRow,
    FinanceTable,
    Indicator,
    MoneyUnit,
    Observation,
    Organisation,
    Programme,
    Report,
    RowKind,
    Target,
    VarianceItem,
)
from rekenschap.render.native import dump_json, dump_yaml


def _report() -> Report:
    halt = Indicator(
        name="Verwijzingen Halt",
        observations=(Observation(period="2022", value=Decimal(10)),),
        benchmarks=(Benchmark(region="Nederland", region_code="NL01",
                              observations=(Observation(period="2022", value=Decimal(8)),)),),
        target=Target(period="2024", value=Decimal(6)),
        targets=(Target(period="2024", value=Decimal(6)), Target(period="2025", value=Decimal(5))))
    overview = FinanceTable(
        columns=(FinanceColumn(key="actual_2023", kind=ColumnKind.ACTUAL, label="Realisatie 2023",
                               year=2023),),
        rows=(FinanceRow(kind=RowKind.LASTEN, label="P1 Veiligheid", ref="P1",
                         values={"actual_2023": Decimal(-6628)}),
              FinanceRow(kind=RowKind.LASTEN, label="Overhead", values={"actual_2023": None})))
    return Report(organisation=Organisation(name="Wassenaar"),
                  document=Document(kind=DocumentKind.JAARSTUKKEN, year=2023),
                  programmes=(Programme(code="P1", name="Veiligheid", indicators=(halt,)),),
                  overview=overview)


def test_new_fields_round_trip_through_json_and_yaml() -> None:
    report = _report()
    again, problems = loads_json(dump_json(report))
    assert problems == [] and again == report
    again, problems = loads_yaml(dump_yaml(report))
    assert problems == [] and again == report
    assert "benchmarks:" in dump_yaml(report) and "ref: P1" in dump_yaml(report)


def test_old_documents_without_the_new_fields_still_load() -> None:
    report, problems = loads_yaml(
        "schema: rekenschap/report@1\norganisation: {name: X}\n"
        "document: {kind: begroting, year: 2024}\nprogrammes:\n- name: A\n  indicators:\n"
        "  - name: I\n    target: {value: 3, period: '2024'}\n")
    assert problems == [] and report is not None
    ind = report.programmes[0].indicators[0]
    assert ind.targets == () and ind.benchmarks == () and report.overview is None
    assert ind.target_for("2024") == Target(value=Decimal(3), period="2024")
    assert ind.target_for("2025") is None


def test_target_for_prefers_the_targets_per_year() -> None:
    ind = _report().programmes[0].indicators[0]
    assert ind.target_for("2025") == Target(period="2025", value=Decimal(5))
    assert ind.benchmarks[0].value_for("2022") == Decimal(8)
    assert ind.benchmarks[0].value_for("2021") is None


def test_variance_item_amounts_in_euros_follow_their_unit() -> None:
    assert VarianceItem(title="a", amount=Decimal(-40000)).euros() == Decimal(-40000)
    assert VarianceItem(title="a", amount=Decimal(-40),
                        unit=MoneyUnit(scale=1000)).euros() == Decimal(-40000)
    assert VarianceItem(title="a").euros() is None


def test_benchmark_needs_a_region_and_frozen() -> None:
    with pytest.raises(ValidationError):
        Benchmark.model_validate({"observations": []})
    bench = Benchmark(region="Nederland")
    with pytest.raises(ValidationError):
        bench.region = "Zuid-Holland"  # type: ignore[misc]


def test_the_example_in_docs_format_md_loads() -> None:
    from pathlib import Path

    doc = (Path(__file__).resolve().parents[2] / "docs" / "format.md").read_text(encoding="utf-8")
    block = doc.split("### Fields added in `@1`")[1].split("```yaml")[1].split("```")[0]
    report, problems = loads_yaml("schema: rekenschap/report@1\norganisation: {name: X}\n"
                                  "document: {kind: jaarstukken, year: 2023}\n" + block)
    assert problems == [] and report is not None
    ind = report.programmes[0].indicators[0]
    assert ind.benchmarks[0].value_for("2023") == Decimal("2.5")
    assert ind.target_for("2025") == Target(period="2025", value=Decimal("5.9"))
    items = report.programmes[0].explanations[0].items
    assert [i.euros() for i in items] == [Decimal(-40000), Decimal(120000)]
    assert report.overview is not None and report.overview.rows[0].ref == "P1"
