"""Import benchmark (issue 3): jaarstukken-2023.pdf (195 pages) against two baselines.

Prints, all measured in this run (best of ``--repeat`` runs each, so background load on a
shared machine counts as little as possible):

* the full structured import (extraction + the PDF structure recogniser, when present;
  otherwise the extraction stage alone, labelled so);
* the extraction stage alone;
* pypdfium2 plain text of every page (the floor), and the ratio import / plain text
  (target: <= 4);
* a pdfplumber-only pipeline (``extract_words`` + ``extract_tables`` on every page) as the
  baseline, and the speed-up against it (target: >= 10).

Usage: ``python bench/import_bench.py [PDF] [--repeat N] [--skip-pdfplumber]``
"""

from __future__ import annotations

import argparse
import importlib
import time
from collections.abc import Callable
from pathlib import Path

import pypdfium2 as pdfium

from rekenschap.importers.pdf.extract import extract_pages

DEFAULT = Path(__file__).resolve().parents[2] / "shared/corpus/wassenaar/jaarstukken-2023.pdf"


def best_of(repeat: int, run: Callable[[], object]) -> tuple[float, float]:
    """Best wall-clock and best CPU seconds of ``repeat`` runs (CPU time is what other
    processes on a shared machine disturb least)."""
    walls, cpus = [], []
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        run()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return min(walls), min(cpus)


def plain_text(path: Path) -> None:
    doc = pdfium.PdfDocument(str(path))
    for page in doc:
        page.get_textpage().get_text_range()
    doc.close()


def extraction(path: Path) -> None:
    extract_pages(path)


def structured(path: Path) -> Callable[[], object] | None:
    try:
        structure = importlib.import_module("rekenschap.importers.pdf.structure")
    except ModuleNotFoundError:
        return None

    def run() -> object:
        pages, _ = extract_pages(path)
        return structure.build_report(pages, file=str(path))

    return run


def pdfplumber_only(path: Path) -> None:
    import pdfplumber

    with pdfplumber.open(str(path)) as pdf:
        for page in pdf.pages:
            page.extract_words()
            page.extract_tables()
            page.flush_cache()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pdf", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--skip-pdfplumber", action="store_true")
    args = parser.parse_args()
    path: Path = args.pdf
    pages = len(pdfium.PdfDocument(str(path)))
    print(f"file: {path.name}, {pages} pages, best of {args.repeat}")

    plain = best_of(args.repeat, lambda: plain_text(path))
    extract = best_of(args.repeat, lambda: extraction(path))
    full_run = structured(path)
    full = best_of(args.repeat, full_run) if full_run else extract
    label = "full structured import" if full_run else "extraction stage (no structure yet)"

    def row(name: str, seconds: tuple[float, float]) -> None:
        wall, cpu = seconds
        print(f"{name:<40} {wall:7.3f} s wall {pages / wall:7.1f} pages/s | {cpu:7.3f} s CPU")

    def ratio(a: tuple[float, float], b: tuple[float, float]) -> str:
        return f"{a[0] / b[0]:.2f} wall, {a[1] / b[1]:.2f} CPU"

    row("pypdfium2 plain text", plain)
    row("extraction stage (pages, lines, rects)", extract)
    row(label, full)
    print(f"ratio {label} / plain text: {ratio(full, plain)} (target <= 4)")
    print(f"ratio extraction stage / plain text: {ratio(extract, plain)}")
    if not args.skip_pdfplumber:
        plumber = best_of(1, lambda: pdfplumber_only(path))
        row("pdfplumber words + tables (baseline)", plumber)
        print(f"speed-up against pdfplumber-only: {ratio(plumber, full)} (target >= 10)")


if __name__ == "__main__":
    main()
