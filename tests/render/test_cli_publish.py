"""``rekenschap publish`` and ``rekenschap export`` in-process, plus one real subprocess run."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import openpyxl
from typer.testing import CliRunner

from rekenschap.cli import app

from .conftest import EXAMPLE
from .sample import RICH_YAML, SCRIPT_GOAL

runner = CliRunner()


def _rich_file(tmp_path: Path) -> Path:
    path = tmp_path / "voorbeeld.yaml"
    path.write_text(RICH_YAML.replace("GOAL_PLACEHOLDER", SCRIPT_GOAL.replace("'", "''")),
                    encoding="utf-8")
    return path


def test_publish_internal_build_shows_check_problems(tmp_path: Path) -> None:
    site = tmp_path / "site"
    result = runner.invoke(app, ["publish", str(EXAMPLE), str(_rich_file(tmp_path)),
                                 "-o", str(site)])
    assert result.exit_code == 0, result.output
    assert "pages for 2 document(s)" in result.output
    problems = (site / "gemeente-groningen-jaarstukken-2024" / "problemen.html").read_text(
        encoding="utf-8")
    assert "FIN-OVERRUN" in problems  # the checks ran and their findings are on the page
    assert "groningen-2024-veiligheid.yaml" in problems
    # Dutch by default at the root, English under en/ with the same pages
    assert "(nl/en)" in result.output
    english = site / "en" / "gemeente-groningen-jaarstukken-2024" / "problemen.html"
    assert '<html lang="en"' in english.read_text(encoding="utf-8")
    assert (site / "static" / "search-index-en.js").is_file()


def test_publish_with_chart_cache(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    args = ["publish", str(EXAMPLE), "-o", str(tmp_path / "site"), "--public",
            "--chart-cache", str(cache)]
    first = runner.invoke(app, args)
    assert first.exit_code == 0, first.output
    # 7 charts in Dutch; in English the 5 without language-specific text or separated
    # numbers are shared, the other 2 (titles, 1.234 against 1,234) are rendered again
    assert "(9 charts, 5 shared between languages," in first.output
    assert len(list(cache.glob("*.svg"))) == 9
    second = runner.invoke(app, args)
    assert "(0 charts," in second.output
    one = runner.invoke(app, [*args[:3], str(tmp_path / "nl"), "--lang", "nl", "--public"])
    assert "(7 charts," in one.output


def test_publish_public_english(tmp_path: Path) -> None:
    site = tmp_path / "site"
    result = runner.invoke(app, ["publish", str(EXAMPLE), "-o", str(site), "--lang", "en",
                                 "--public"])
    assert result.exit_code == 0, result.output
    assert not list(site.rglob("problemen.html"))
    page = (site / "gemeente-groningen-jaarstukken-2024" / "2-2-veiligheid.html").read_text(
        encoding="utf-8")
    assert '<html lang="en"' in page and "What did it cost?" in page and "45,324" in page
    assert not (site / "en").exists() and 'class="rs-lang"' not in page  # one language only


def test_publish_keeps_good_files_when_one_is_bad(tmp_path: Path) -> None:
    bad = tmp_path / "kapot.yaml"
    bad.write_text("schema: rekenschap/report@1\norganisation: [\n", encoding="utf-8")
    site = tmp_path / "site"
    result = runner.invoke(app, ["publish", str(bad), str(EXAMPLE), "-o", str(site)])
    assert result.exit_code == 1
    assert "kapot.yaml" in result.output and "skipped" in result.output
    assert (site / "gemeente-groningen-jaarstukken-2024" / "index.html").exists()


def test_publish_nothing_readable_exits_2(tmp_path: Path) -> None:
    result = runner.invoke(app, ["publish", str(tmp_path / "missing.yaml"), "-o",
                                 str(tmp_path / "s")])
    assert result.exit_code == 2
    assert "nothing to publish" in result.output


def test_publish_rejects_unknown_language(tmp_path: Path) -> None:
    result = runner.invoke(app, ["publish", str(EXAMPLE), "-o", str(tmp_path), "--lang", "de"])
    assert result.exit_code == 2


def test_export_xlsx_and_fdp(tmp_path: Path) -> None:
    out = tmp_path / "r.xlsx"
    result = runner.invoke(app, ["export", str(EXAMPLE), "--to", "xlsx", "-o", str(out)])
    assert result.exit_code == 0, result.output
    wb = openpyxl.load_workbook(out)
    assert wb["2.2 Wat heeft het gekost"]["B4"].value == 42668
    result = runner.invoke(app, ["export", str(EXAMPLE), "--to", "fdp", "-o",
                                 str(tmp_path / "fdp")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "fdp" / "datapackage.json").exists()


def test_export_default_output_next_to_input(tmp_path: Path) -> None:
    src = _rich_file(tmp_path)
    result = runner.invoke(app, ["export", str(src), "--to", "csv"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "voorbeeld-csv" / "financien.csv").exists()


def test_subprocess_smoke(tmp_path: Path) -> None:
    site = tmp_path / "site"
    entry = "from rekenschap.cli import main; main()"
    done = subprocess.run([sys.executable, "-c", entry, "publish", str(EXAMPLE),
                           "-o", str(site), "--public"], capture_output=True, text=True,
                          timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    assert (site / "index.html").exists() and (site / "static" / "search-index.js").exists()
