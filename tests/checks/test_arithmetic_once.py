"""One finding, one owner (issue 2): a broken sum in a PDF is reported once, by the checks.

The Groningen example gets a saldo row whose Rekening amount is 676 off (baten 9.648 minus
lasten 45.324 is -35.676; printed -35.000) and is printed to PDF by the project's own exporter.
``rekenschap import`` then ``rekenschap check`` on its JSON, and ``rekenschap check`` on the
PDF directly (import and checks in one run), each show that sum once, as FIN-SALDO with the
PDF page of the saldo row; the importer itself says nothing about it (no PDF-FIN-SUM).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rekenschap.cli import app
from rekenschap.importers.native import load_report
from rekenschap.model import FinanceRow, Report, RowKind
from rekenschap.render.exports import ExportFormat, export

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "groningen-2024-veiligheid.yaml"
runner = CliRunner()


def _broken(example: Path, actual: int = -35000) -> Report:
    report, problems = load_report(example)
    assert report is not None, [p.format() for p in problems]
    programme = report.programmes[0]
    table = programme.finance
    assert table is not None
    saldo = FinanceRow(kind=RowKind.SALDO, label="Saldo", values={
        "original_budget": -37221, "amended_budget": -38116, "actual": actual})
    table = table.model_copy(update={"rows": (*table.rows, saldo)})
    return report.model_copy(update={"programmes": (
        programme.model_copy(update={"finance": table}), *report.programmes[1:])})


@pytest.fixture(scope="module")
def pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("broken") / "broken.pdf"
    (written,) = export(_broken(EXAMPLE), ExportFormat.PDF, out)
    return written


def _json_problems(args: list[str]) -> list[dict[str, object]]:
    result = runner.invoke(app, [*args, "--format", "json", "--fail-on", "never"])
    assert result.exit_code == 0, result.output
    problems: list[dict[str, object]] = json.loads(result.stdout)["problems"]
    return problems


def _about_the_sum(problems: list[dict[str, object]], rounding: bool = False,
                   ) -> list[dict[str, object]]:
    return [p for p in problems if str(p["code"]).startswith(("FIN-SALDO", "FIN-SIGN", "PDF-FIN"))
            and (rounding or p["code"] != "PDF-FIN-ROUNDING")]


def test_import_then_check_reports_the_broken_sum_once_with_its_page(
        pdf: Path, tmp_path: Path) -> None:
    imported = runner.invoke(app, ["import", str(pdf), "-o", str(tmp_path / "broken.json")])
    assert imported.exit_code == 0, imported.output
    assert "PDF-FIN" not in imported.output.replace("PDF-FIN-ROUNDING", "")
    (only,) = _about_the_sum(_json_problems(["check", str(tmp_path / "broken.json")]))
    assert only["code"] == "FIN-SALDO"
    assert "saldo -35.000" in str(only["message"]) and "-35.676" in str(only["message"])
    location = only["location"]
    assert isinstance(location, dict)
    assert location["file"] == str(pdf) and isinstance(location["page"], int)
    assert str(location["path"]).startswith("programmes[0].")


def test_check_on_the_pdf_reports_it_once_too(pdf: Path) -> None:
    found = _about_the_sum(_json_problems(["check", str(pdf)]))
    assert [p["code"] for p in found] == ["FIN-SALDO"]
    location = found[0]["location"]
    assert isinstance(location, dict) and isinstance(location["page"], int)


@pytest.fixture(scope="module")
def rounded_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The saldo is off by one unit: -35.677 against -35.676."""
    out = tmp_path_factory.mktemp("rounded") / "rounded.pdf"
    (written,) = export(_broken(EXAMPLE, actual=-35677), ExportFormat.PDF, out)
    return written


def test_a_rounding_difference_is_the_importers_notice_or_with_zero_tolerance_the_checks(
        rounded_pdf: Path, tmp_path: Path) -> None:
    found = _about_the_sum(_json_problems(["check", str(rounded_pdf)]), rounding=True)
    assert [p["code"] for p in found] == ["PDF-FIN-ROUNDING"]
    strict = tmp_path / "rekenschap.toml"
    strict.write_text("[arithmetic]\ntolerance = 0\n", encoding="utf-8")
    found = _about_the_sum(_json_problems(["check", str(rounded_pdf), "--config", str(strict)]),
                           rounding=True)
    assert [p["code"] for p in found] == ["FIN-SALDO"]
    location = found[0]["location"]
    assert isinstance(location, dict) and isinstance(location["page"], int)
