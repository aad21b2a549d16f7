"""Round trip: a report rendered to PDF in real layouts imports back to the same model."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from tests.importers_pdf.golden import strip_provenance
from tests.importers_pdf.layouts import Style, render

from rekenschap.importers.pdf.extract import extract_pages
from rekenschap.importers.pdf.structure import build_report
from rekenschap.model import (
    Activity,
    ColumnKind,
    DifferenceConvention,
    Document,
    DocumentKind,
    FinanceColumn,
    FinanceRow,
    FinanceTable,
    Goal,
    MoneyUnit,
    Organisation,
    Programme,
    Report,
    RowKind,
    SignConvention,
)

UNIT = MoneyUnit(scale=1000, label="bedragen x € 1.000")
COLUMNS = (
    FinanceColumn(key="prior_actual_2023", kind=ColumnKind.PRIOR_ACTUAL, label="Rekening 2023",
                  year=2023),
    FinanceColumn(key="prior_budget_2024", kind=ColumnKind.PRIOR_BUDGET, label="Begroting 2024",
                  year=2024),
    FinanceColumn(key="budget_2025", kind=ColumnKind.BUDGET, label="Begroting 2025", year=2025),
    FinanceColumn(key="estimate_2026", kind=ColumnKind.ESTIMATE, label="Begroting 2026",
                  year=2026),
)


def _row(kind: RowKind, label: str, *values: int) -> FinanceRow:
    return FinanceRow(kind=kind, label=label, values={
        c.key: Decimal(v) for c, v in zip(COLUMNS, values, strict=True)})


def _table(title: str, baten: list[int], lasten: list[int], onttrekking: list[int]) -> FinanceTable:
    saldo = [b + lt for b, lt in zip(baten, lasten, strict=True)]
    return FinanceTable(
        title=title, unit=UNIT, sign_convention=SignConvention.LASTEN_NEGATIVE,
        difference_convention=DifferenceConvention.FAVOURABLE_POSITIVE,
        sign_note='( "-"= nadeel / "+"= voordeel )', columns=COLUMNS,
        rows=(
            _row(RowKind.BATEN, "Baten", *baten),
            _row(RowKind.LASTEN, "Lasten", *lasten),
            _row(RowKind.SALDO, "Saldo van baten en lasten", *saldo),
            _row(RowKind.RESERVE_WITHDRAWAL, "Onttrekking reserves", *onttrekking),
            _row(RowKind.RESERVE_ADDITION, "Toevoeging reserves", 0, 0, 0, 0),
            _row(RowKind.RESERVE_MUTATIONS, "Mutaties reserves", *onttrekking),
            _row(RowKind.RESULT, "Geraamde resultaat",
                 *[s + o for s, o in zip(saldo, onttrekking, strict=True)]),
        ))


def _report() -> Report:
    veiligheid = Programme(
        code="P1", name="Veiligheid en handhaving",
        goals=(
            Goal(code="1", title="Minder woninginbraken en minder overlast in de wijken",
                 activities=(
                Activity(code="1.1", text="Inbraakpreventie met buurtpreventieteams"),
                Activity(code="1.2", text="Handhaving van de openbare orde bij evenementen en "
                                          "in het uitgaansgebied"),
            )),
            Goal(code="2", title="Veilig verkeer voor fietsers en voetgangers", activities=(
                Activity(code="2.1", text="Snelheidsborden bij scholen"),
            )),
        ),
        finance=_table("Tabel 1.1 Baten en lasten P1 Veiligheid en handhaving",
                       [1972, 2601, 102, 102], [-5234, -6802, -4204, -4129], [0, 278, 0, 0]),
    )
    economie = Programme(
        code="P2", name="Economie en werk",
        goals=(
            Goal(code="1", title="Een sterk lokaal ondernemersklimaat", activities=(
                Activity(code="1.1", text="Ondernemersloket is opgericht"),
                Activity(code="1.2", text="Opgesteld evenementenbeleid, waarin een helder kader "
                                          "ligt om evenementen mogelijk te maken voor inwoners "
                                          "en ondernemers van het dorp"),
            )),
            Goal(code="2", title="Meer inwoners aan het werk", activities=(
                Activity(code="2.1", text="Werkgeversdienstverlening is versterkt"),
            )),
        ),
        finance=_table("Tabel 2.1 Baten en lasten P2 Economie en werk",
                       [8892, 9874, 11652, 11636], [-33359, -39007, -38934, -39593],
                       [2618, 1272, 50, 0]),
    )
    return Report(organisation=Organisation(name="Teststad"),
                  document=Document(kind=DocumentKind.BEGROTING, year=2025), unit=UNIT,
                  programmes=(veiligheid, economie))


@pytest.mark.parametrize("style", ["numbered", "two-column"])
def test_rendered_report_imports_to_the_same_model(tmp_path: Path, style: Style) -> None:
    expected = _report()
    pdf = render(expected, tmp_path / "teststad-2025.pdf", {"P1": style, "P2": style})
    pages, extract_problems = extract_pages(pdf)
    assert not extract_problems
    report, problems = build_report(pages, file=pdf.name)
    assert [p.code for p in problems] == []
    actual = strip_provenance(report.model_dump(mode="json", by_alias=True))
    assert actual == strip_provenance(expected.model_dump(mode="json", by_alias=True))


def test_every_imported_object_has_provenance(tmp_path: Path) -> None:
    pdf = render(_report(), tmp_path / "teststad-2025.pdf", {"P1": "two-column"})
    pages, _ = extract_pages(pdf)
    report, _ = build_report(pages, file=pdf.name)
    for programme in report.programmes:
        assert programme.provenance is not None and programme.provenance.page is not None
        assert programme.finance is not None and programme.finance.provenance is not None
        for row in programme.finance.rows:
            assert row.provenance is not None and row.provenance.file == pdf.name
        for goal in programme.goals:
            assert goal.provenance is not None
            assert all(a.provenance is not None for a in goal.activities)
