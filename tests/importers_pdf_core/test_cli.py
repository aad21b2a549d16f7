"""``rekenschap import``: one JSON per input, problems as lines, exit codes 0/1/2."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import EXAMPLE
from tests.importers_pdf_core.pdfgen import finance_pdf
from typer.testing import CliRunner

from rekenschap.cli import app
from rekenschap.cli.imports import parse_pages, targets

runner = CliRunner()


def test_good_file_exit_0_and_interchange_json(tmp_path: Path) -> None:
    out = tmp_path / "uit"
    result = runner.invoke(app, ["import", str(EXAMPLE), "-o", str(out)])
    assert result.exit_code == 0, result.output
    data = json.loads((out / f"{EXAMPLE.stem}.json").read_text())
    assert data["schema"] == "rekenschap/report@1" and data["programmes"]
    assert "1 file(s): 1 imported, 0 failed" in result.output


def test_one_input_to_a_json_file_name(tmp_path: Path) -> None:
    target = tmp_path / "rapport.json"
    result = runner.invoke(app, ["import", str(EXAMPLE), "-o", str(target)])
    assert result.exit_code == 0 and json.loads(target.read_text())["programmes"]


def test_bad_files_exit_1_with_problem_lines_and_the_batch_goes_on(tmp_path: Path) -> None:
    empty = tmp_path / "leeg.pdf"
    empty.write_bytes(b"")
    locked = finance_pdf(tmp_path / "slot.pdf", password="geheim")
    out = tmp_path / "uit"
    result = runner.invoke(app, ["import", str(empty), str(locked), str(EXAMPLE),
                                 "-o", str(out), "--jobs", "2"])
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert f"{empty}: IMPORT-EMPTY error the file is empty (0 bytes)" in lines
    assert any(line.startswith(f"{locked}: IMPORT-ENCRYPTED error") for line in lines)
    assert "3 file(s): 1 imported, 2 failed" in result.output
    assert sorted(p.name for p in out.iterdir()) == [f"{EXAMPLE.stem}.json"]


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert runner.invoke(app, ["import"]).exit_code == 2
    assert runner.invoke(app, ["import", str(EXAMPLE), "--jobs", "-1"]).exit_code == 2
    assert runner.invoke(app, ["import", str(EXAMPLE), "--kind", "roman"]).exit_code == 2
    a_file = tmp_path / "bestaat.json"
    a_file.write_text("{}")
    two = runner.invoke(app, ["import", str(EXAMPLE), str(EXAMPLE), "-o", str(a_file)])
    assert two.exit_code == 2


def test_never_overwrites_an_input(tmp_path: Path) -> None:
    copy = tmp_path / "rapport.json"
    result = runner.invoke(app, ["import", str(EXAMPLE), "-o", str(copy)])
    assert result.exit_code == 0
    before = copy.read_text()
    again = runner.invoke(app, ["import", str(copy), "-o", str(copy)])
    assert again.exit_code == 1 and "IMPORT-WOULD-OVERWRITE" in again.output
    assert copy.read_text() == before


def test_inputs_sharing_a_stem_get_distinct_outputs(tmp_path: Path) -> None:
    paths = [Path("a/seed.txt"), Path("b/seed.yaml"), Path("c/seed.txt"), Path("other.pdf")]
    names = [p.name for p in targets(paths, tmp_path).values()]
    assert names == ["seed-txt.json", "seed-yaml.json", "seed-txt-2.json", "other.json"]


def test_json_outcome(tmp_path: Path) -> None:
    empty = tmp_path / "leeg.pdf"
    empty.write_bytes(b"")
    result = runner.invoke(app, ["import", str(EXAMPLE), str(empty), "-o", str(tmp_path / "u"),
                                 "--json", "-j", "1"])
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert (data["imported"], data["failed"]) == (1, 1)
    files = {Path(f["file"]).name: f for f in data["files"]}
    assert files["leeg.pdf"]["output"] is None and files["leeg.pdf"]["failed"] is True
    assert [p["code"] for p in files["leeg.pdf"]["problems"]] == ["IMPORT-EMPTY"]
    assert files["leeg.pdf"]["problems"][0]["location"]["file"] == str(empty)
    assert Path(files[EXAMPLE.name]["output"]).exists()


def test_real_subprocess_smoke(tmp_path: Path) -> None:
    """The installed console script, as a user runs it."""
    pdf = finance_pdf(tmp_path / "p.pdf")
    script = Path(sys.executable).parent / "rekenschap"  # the installed console script
    done = subprocess.run([str(script), "import", str(pdf), str(EXAMPLE),
                           "-o", str(tmp_path / "uit")], capture_output=True, text=True,
                          timeout=120, check=False)
    assert done.returncode == 1, done.stderr  # the generated page has no programme heading
    assert "2 file(s): 1 imported, 1 failed" in done.stdout
    assert (tmp_path / "uit" / f"{EXAMPLE.stem}.json").exists()


def test_pages_option(tmp_path: Path) -> None:
    assert parse_pages("1-3, 7,2") == (1, 2, 3, 7)
    pdf = finance_pdf(tmp_path / "drie.pdf", pages=3)
    result = runner.invoke(app, ["import", str(pdf), "--pages", "2,9", "-o", str(tmp_path)])
    assert "IMPORT-NO-SUCH-PAGE warning page 9 requested" in result.output
    for bad in ("0-2", "3-1", "a", "1-"):
        assert runner.invoke(app, ["import", str(pdf), "--pages", bad]).exit_code == 2


def test_invalid_cbs_code_is_a_usage_error() -> None:
    assert runner.invoke(app, ["import", str(EXAMPLE), "--cbs-code", "0629"]).exit_code == 2
