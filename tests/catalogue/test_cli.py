"""catalogue indicators / taakvelden on the command line."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from rekenschap.cli import app

runner = CliRunner()


def test_indicators_table() -> None:
    result = runner.invoke(app, ["catalogue", "indicators"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "winkeldiefstallen" in result.output and "Beleidsindicatoren" in result.output


def test_indicators_json_for_a_year() -> None:
    result = runner.invoke(app, ["catalogue", "indicators", "--year", "2018", "--format", "json"])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    ids = [i["id"] for i in data["indicators"]]
    assert "harde-kern-jongeren" not in ids and "winkeldiefstallen" in ids
    shop = next(i for i in data["indicators"] if i["id"] == "winkeldiefstallen")
    assert shop["units_in_year"] == [{"kind": "rate", "per": 1000, "population": "inwoners",
                                      "label": "per 1.000 inwoners"}]


def test_taakvelden_json_and_table() -> None:
    result = runner.invoke(app, ["catalogue", "taakvelden", "--year", "2023", "--format", "json"])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["year"] == 2023 and len(data["taakvelden"]) == 71
    table = runner.invoke(app, ["catalogue", "taakvelden"], env={"COLUMNS": "200"})
    assert table.exit_code == 0 and "Taakvelden 2026" in table.output
    assert "Openbare orde en veiligheid" in table.output


def test_unknown_year_is_a_usage_error() -> None:
    result = runner.invoke(app, ["catalogue", "taakvelden", "--year", "1999"])
    assert result.exit_code == 2
    assert "known years" in result.output
