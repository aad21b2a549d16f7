"""The domain classes: frozen, strict, exact, and their helpers."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pydantic
import pytest
import yaml

from rekenschap.model import (
    ColumnKind,
    FinanceColumn,
    FinanceRow,
    FinanceTable,
    Location,
    Problem,
    Programme,
    Provenance,
    Report,
    RowKind,
    Severity,
    worst,
)


def _table() -> FinanceTable:
    return FinanceTable(
        columns=(FinanceColumn(key="amended", kind=ColumnKind.AMENDED_BUDGET, label="Na wijziging"),
                 FinanceColumn(key="actual", kind=ColumnKind.ACTUAL, label="Realisatie")),
        rows=(FinanceRow(kind=RowKind.LASTEN, label="Lasten",
                         values={"amended": "44.622", "actual": 45324}),),
    )


def test_objects_are_frozen_and_strict() -> None:
    table = _table()
    with pytest.raises(pydantic.ValidationError):
        table.title = "x"  # type: ignore[misc]
    with pytest.raises(pydantic.ValidationError, match="extra"):
        FinanceColumn(key="a", kind=ColumnKind.ACTUAL, label="R", colour="red")  # type: ignore[call-arg]


def test_amounts_are_exact_and_dutch_strings_accepted() -> None:
    table = _table()
    assert table.value(RowKind.LASTEN, ColumnKind.AMENDED_BUDGET) == Decimal(44622)
    assert table.value(RowKind.LASTEN, ColumnKind.ACTUAL) == Decimal(45324)
    assert table.value(RowKind.BATEN, ColumnKind.ACTUAL) is None
    with pytest.raises(pydantic.ValidationError, match=r"not a number: '4\.3x'"):
        FinanceRow(kind=RowKind.BATEN, label="Baten", values={"actual": "4.3x"})
    with pytest.raises(pydantic.ValidationError, match="not a number"):
        FinanceRow(kind=RowKind.BATEN, label="Baten", values={"actual": True})


def test_rows_may_only_use_declared_columns() -> None:
    with pytest.raises(pydantic.ValidationError, match="unknown column"):
        FinanceTable(columns=(FinanceColumn(key="a", kind=ColumnKind.ACTUAL, label="R"),),
                     rows=(FinanceRow(kind=RowKind.LASTEN, label="L", values={"b": 1}),))


def test_json_numbers_are_numbers_not_strings() -> None:
    row = FinanceRow(kind=RowKind.LASTEN, label="L", values={"a": Decimal("5.70"), "b": Decimal(3)})
    assert row.model_dump(mode="json")["values"] == {"a": 5.7, "b": 3}


def test_walk_visits_subprogrammes_depth_first() -> None:
    p = Programme(name="P", subprogrammes=(
        Programme(name="A", subprogrammes=(Programme(name="A1"),)), Programme(name="B")))
    assert [x.name for x in p.walk()] == ["P", "A", "A1", "B"]


def test_problem_format_and_worst() -> None:
    prob = Problem(code="FIN-OVERRUN", severity=Severity.ERROR, message="Lasten boven begroting",
                   location=Location.of(Provenance(file="a.pdf", page=12, line=3), "programmes[0]"))
    assert prob.format() == "a.pdf:12:3: FIN-OVERRUN error Lasten boven begroting [programmes[0]]"
    note = Problem(code="IND-NNB", severity=Severity.NOTICE, message="n.n.b.")
    assert note.format() == "-: IND-NNB notice n.n.b."
    assert worst([note, prob]) is Severity.ERROR
    assert worst([]) is None
    with pytest.raises(pydantic.ValidationError):
        Problem(code="lowercase", severity=Severity.ERROR, message="x")


def test_example_transcription_is_a_valid_report(example_path: Path) -> None:
    report = Report.model_validate(yaml.safe_load(example_path.read_text(encoding="utf-8")))
    (programme,) = report.programmes
    assert (programme.code, programme.name) == ("2.2", "Veiligheid")
    assert programme.level == "deelprogramma"
    assert len(programme.goals) == 8
    assert sum(len(g.activities) for g in programme.goals) == 18
    assert len(programme.indicators) == 7
    fin = programme.finance
    assert fin is not None
    assert [fin.value(RowKind.LASTEN, k) for k in (ColumnKind.ORIGINAL_BUDGET,
            ColumnKind.AMENDED_BUDGET, ColumnKind.ACTUAL)] == [42668, 44622, 45324]
    assert [fin.value(RowKind.BATEN, k) for k in (ColumnKind.ORIGINAL_BUDGET,
            ColumnKind.AMENDED_BUDGET, ColumnKind.ACTUAL)] == [5447, 6506, 9648]
    assert report.unit.scale == 1000
    geweld = next(i for i in programme.indicators if i.name == "Geweldsmisdrijven")
    assert geweld.value_for("2019") == Decimal("6.5")
    assert geweld.value_for("2023") == Decimal("5.3")


def test_json_stays_exact_beyond_float_precision() -> None:
    long = Decimal("-12345678901234567890123456789.123456789")
    row = FinanceRow(kind=RowKind.LASTEN, label="L", values={"a": long, "b": Decimal("0.1")})
    dumped = row.model_dump_json()
    assert FinanceRow.model_validate_json(dumped).values == {"a": long, "b": Decimal("0.1")}
