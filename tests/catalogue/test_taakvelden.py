"""Taakvelden per year from CBS's own Iv3 definition files."""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path
from types import ModuleType

from rekenschap import catalogue

ROOT = Path(__file__).resolve().parents[2]
PACKAGE_DATA = ROOT / "src" / "rekenschap" / "catalogue" / "data" / "taakvelden.json"


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_taakvelden",
                                                  ROOT / "scripts" / "build_taakvelden.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_committed_data_equals_what_the_script_derives(corpus: Path) -> None:
    script = _script()
    derived = script.render(script.derive(corpus / "iv3-definities"))
    assert PACKAGE_DATA.read_text(encoding="utf-8") == derived, (
        "taakvelden.json is stale: run python scripts/build_taakvelden.py")


def test_derived_counts_match_the_source_file(corpus: Path) -> None:
    """Independent count: every leaf code under the taakveld list of the 2024 CBS file."""
    source = json.loads((corpus / "iv3-definities" / "iv3_definities_Gemeente_2024.json")
                        .read_text(encoding="utf-8"))
    text = json.dumps(source["codelijsten"]["taakveld"])
    leaves = re.findall(r'"code": "(\d+\.\d+[a-z]?)"', text)
    assert [t.code for t in catalogue.taakvelden(2024)] == leaves


def test_years_and_lookup() -> None:
    assert catalogue.years() == tuple(range(2017, 2027))
    veiligheid = catalogue.taakveld("1.2", 2024)
    assert veiligheid is not None
    assert (veiligheid.name, veiligheid.group, veiligheid.group_name) == (
        "Openbare orde en veiligheid", "1", "VEILIGHEID")
    assert catalogue.taakveld("9.9", 2024) is None
    assert catalogue.taakvelden(1999) == ()


def test_codes_change_between_years() -> None:
    """6.2 Wijkteams (2022) was renamed in 2023 (as was 8.1) and split into 6.21-6.23 in 2025."""
    assert catalogue.taakveld("6.2", 2022).name == "Wijkteams"  # type: ignore[union-attr]
    assert catalogue.taakveld("6.2", 2023).name == (  # type: ignore[union-attr]
        "Toegang en eerstelijnsvoorzieningen")
    assert catalogue.taakveld("6.21", 2024) is None
    assert catalogue.taakveld("6.2", 2025) is None
    assert catalogue.taakveld("6.21", 2025) is not None
    assert catalogue.taakveld("8.1", 2022).name == "Ruimtelijke ordening"  # type: ignore[union-attr]
    assert catalogue.taakveld("8.1", 2023).name == "Ruimte en leefomgeving"  # type: ignore[union-attr]
    assert len(catalogue.taakvelden(2022)) == 53
    assert len(catalogue.taakvelden(2023)) == 71


def test_categorieen_and_source() -> None:
    lasten = catalogue.categorieen(2024, "lasten")
    assert any(c.code == "4.2" and c.name == "Subsidies" for c in lasten)
    assert catalogue.categorieen(2024, "baten")
    assert catalogue.categorieen(2024, "nonsense") == ()
    assert "statistiekcbs/iv3_definities" in catalogue.taakvelden_source()
