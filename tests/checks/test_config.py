"""rekenschap.toml: settings as data, errors with file/line/key, municipality overrides."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from tests.checks.helpers import example

from rekenschap.checks import CheckConfig, load_config, loads_config, run_checks
from rekenschap.checks.config import settings_defaults_consistent
from rekenschap.checks.settings import SETTINGS
from rekenschap.checks.thresholds import threshold_for
from rekenschap.model import Severity


def test_declared_defaults_are_the_real_defaults() -> None:
    assert settings_defaults_consistent() == []
    assert len({s.name for s in SETTINGS}) == len(SETTINGS)


def test_valid_file() -> None:
    config, problems = loads_config(
        '[variance]\nabsolute = 50000\nrelative = "off"\n\n[indicators]\nmax_age = 2\n'
        '[checks]\ndisabled = ["TXT-GLUED-NUMBER"]\n[checks.severity]\nFIN-OVERRUN = "warning"\n')
    assert problems == []
    assert config.variance_absolute == Decimal(50000) and config.variance_relative is None
    assert config.indicator_max_age == 2
    assert config.disabled == {"TXT-GLUED-NUMBER"}
    assert config.severity == {"FIN-OVERRUN": Severity.WARNING}


def test_errors_name_file_line_and_key_and_keep_the_rest() -> None:
    text = ('[variance]\nabsolute = -5\nrelative = 5\nbogus = 1\n\n[checks]\n'
            'disabled = ["NOPE-CODE"]\n[municipality.GM0629.variance]\nabsolute = "x"\n')
    config, problems = loads_config(text, "rekenschap.toml")
    got = sorted((p.code, p.location.line, p.location.path) for p in problems)
    assert got == [("CFG-INVALID", 2, "variance.absolute"),
                   ("CFG-INVALID", 7, "checks.disabled"),
                   ("CFG-INVALID", 9, "municipality.GM0629.variance.absolute"),
                   ("CFG-UNKNOWN-KEY", 4, "variance.bogus")]
    assert all(p.location.file == "rekenschap.toml" for p in problems)
    assert config.variance_relative == Decimal(5)        # the valid setting is kept
    assert config.variance_absolute == Decimal(100_000)  # the bad one falls back to the default
    assert "must be >= 0" in next(p.message for p in problems if p.location.line == 2)


def test_syntax_error_has_a_line(tmp_path: Path) -> None:
    path = tmp_path / "rekenschap.toml"
    path.write_text("[variance]\nabsolute = = 1\n")
    config, problems = load_config(path)
    assert [(p.code, p.location.line) for p in problems] == [("CFG-SYNTAX", 2)]
    assert config == CheckConfig()
    _, missing = load_config(tmp_path / "absent.toml")
    assert [p.code for p in missing] == ["CFG-UNREADABLE"]


def test_threshold_precedence() -> None:
    default = threshold_for(CheckConfig(), "GM0014")
    assert (default.absolute, default.relative, default.source) == (
        Decimal(100_000), Decimal(10), "rekenschap default")
    wassenaar = threshold_for(CheckConfig(), "GM0629")  # from the catalogue: >= € 50.000
    assert wassenaar.absolute == Decimal(50000) and wassenaar.relative is None
    assert wassenaar.requires_explanation(Decimal(50000), Decimal(10**6))
    assert not wassenaar.requires_explanation(Decimal(49999), Decimal(10**6))
    config, _ = loads_config("[municipality.GM0629.variance]\nabsolute = 75000\n")
    assert threshold_for(config, "GM0629").absolute == Decimal(75000)
    nieuwkoop = threshold_for(CheckConfig(), "GM0569")  # > 5% unless < € 15.000
    assert nieuwkoop.requires_explanation(Decimal(16000), Decimal(100_000))
    assert not nieuwkoop.requires_explanation(Decimal(14000), Decimal(100_000))
    assert not nieuwkoop.requires_explanation(Decimal(16000), Decimal(10**6))


def test_disable_and_severity_override_apply_to_the_run() -> None:
    config, problems = loads_config(
        '[checks]\ndisabled = ["FIN-TITLE"]\n[checks.severity]\nFIN-OVERRUN = "warning"\n')
    assert problems == []
    found = run_checks(example(), config)
    assert "FIN-TITLE" not in {p.code for p in found}
    assert [p.severity for p in found if p.code == "FIN-OVERRUN"] == [Severity.WARNING]
    only, _ = loads_config('[checks]\nonly = ["IND-UNIT"]\n')
    assert {p.code for p in run_checks(example(), only)} == {"IND-UNIT"}
