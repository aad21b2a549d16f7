"""Batch import: results as files finish, crashes contained, all files accounted for."""

from __future__ import annotations

import multiprocessing
import os
from pathlib import Path

import pytest
from tests.conftest import EXAMPLE
from tests.importers_pdf_core.pdfgen import finance_pdf

import rekenschap.importers.batch as batch
from rekenschap.importers import ImportOptions
from rekenschap.importers.batch import import_one, import_paths, resolve_jobs
from rekenschap.model import Severity


def _inputs(tmp_path: Path) -> list[Path]:
    empty = tmp_path / "leeg.pdf"
    empty.write_bytes(b"")
    locked = finance_pdf(tmp_path / "slot.pdf", password="geheim")
    cut = tmp_path / "half.pdf"
    cut.write_bytes(finance_pdf(tmp_path / "heel.pdf", pages=3).read_bytes()[:700])
    return [empty, EXAMPLE, locked, cut, tmp_path / "bestaat-niet.pdf"]


@pytest.mark.parametrize("jobs", [1, 2])
def test_every_file_gets_a_result_and_bad_ones_fail(tmp_path: Path, jobs: int) -> None:
    paths = _inputs(tmp_path)
    results = {r.path: r for r in import_paths(paths, ImportOptions(), jobs=jobs)}
    assert set(results) == set(paths)
    assert results[EXAMPLE].report is not None and not results[EXAMPLE].failed
    codes = {p.name: [x.code for x in r.problems] for p, r in results.items()}
    assert codes["leeg.pdf"] == ["IMPORT-EMPTY"]
    assert codes["slot.pdf"] == ["IMPORT-ENCRYPTED"]
    assert "IMPORT-TRUNCATED" in codes["half.pdf"]
    assert codes["bestaat-niet.pdf"] == ["IMPORT-UNREADABLE"]
    assert all(results[p].failed for p in paths if p != EXAMPLE)
    assert all(r.seconds >= 0 for r in results.values())


def test_an_exception_inside_an_importer_becomes_import_crash(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    def explode(path: Path, options: ImportOptions) -> None:
        raise ZeroDivisionError("kapot")

    monkeypatch.setattr(batch, "import_path", explode)
    result = import_one(tmp_path / "x.pdf", ImportOptions())
    assert result.report is None and result.failed
    (problem,) = result.problems
    assert problem.code == "IMPORT-CRASH" and problem.severity is Severity.ERROR
    assert problem.message.startswith("ZeroDivisionError: kapot (at ")
    assert problem.location.file == str(tmp_path / "x.pdf")


def test_jobs_zero_means_all_cores() -> None:
    assert resolve_jobs(0) >= 1
    assert resolve_jobs(3) == 3 and resolve_jobs(-2) == 1


def _dies_on_boom(path: Path, options: ImportOptions) -> batch.FileResult:
    if path.name == "boem.pdf":
        os._exit(3)  # a worker killed as by a crash inside a native library
    return batch.FileResult(path, None, [], 0.0)


@pytest.mark.skipif(multiprocessing.get_start_method() != "fork",
                    reason="the patched worker function reaches the workers only by fork")
def test_a_dying_worker_costs_only_its_own_file(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(batch, "import_one", _dies_on_boom)  # workers are forked after this
    paths = [Path(n) for n in ("a.pdf", "boem.pdf", "b.pdf", "c.pdf", "d.pdf")]
    results = {r.path: r for r in import_paths(paths, jobs=2)}
    assert set(results) == set(paths)
    (crash,) = results[Path("boem.pdf")].problems
    assert crash.code == "IMPORT-CRASH" and "died" in crash.message
    assert all(results[p].problems == [] for p in paths if p.name != "boem.pdf")
