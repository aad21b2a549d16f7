"""Cost of structure recognition (importers.pdf.structure) against plain-text extraction.

Prints, per document: pypdfium2 plain-text time (the baseline), P1's page extraction time, the
structure stage time without and with reading status icons from the PDF, and the ratios
structure/baseline and (extraction + structure with icons)/baseline.
Run: python bench/structure_bench.py [PDF ...]  (defaults to jaarstukken-2023 and begroting-2024)
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pypdfium2 as pdfium

from rekenschap.importers.pdf.extract import extract_pages
from rekenschap.importers.pdf.structure import StructureOptions, build_report

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "wassenaar"


def plain_text(path: Path) -> float:
    start = time.perf_counter()
    doc = pdfium.PdfDocument(str(path))
    for page in doc:
        page.get_textpage().get_text_range()
    doc.close()
    return time.perf_counter() - start


def best(fn, repeat: int = 3) -> float:  # type: ignore[no-untyped-def]
    return min(fn() for _ in range(repeat))


def main(paths: list[Path]) -> None:
    print(f"{'document':28} {'pages':>5} {'plain s':>8} {'extract s':>9} {'struct s':>8} "
          f"{'+icons s':>8} {'struct/plain':>12} {'total/plain':>11}")
    for path in paths:
        base = best(lambda p=path: plain_text(p))
        t0 = time.perf_counter()
        pages, _ = extract_pages(path)
        extract = time.perf_counter() - t0

        def structure(pages=pages, name=path.name, source=None) -> float:  # type: ignore[no-untyped-def]
            t = time.perf_counter()
            build_report(pages, file=name, options=StructureOptions(source=source))
            return time.perf_counter() - t

        struct = best(structure)
        icons = best(lambda p=path: structure(source=str(p)))  # type: ignore[misc]
        print(f"{path.name:28} {len(pages):5d} {base:8.3f} {extract:9.3f} {struct:8.3f} "
              f"{icons:8.3f} {struct / base:12.2f} {(extract + icons) / base:11.2f}")


if __name__ == "__main__":
    args = [Path(a) for a in sys.argv[1:]] or [CORPUS / "jaarstukken-2023.pdf",
                                                CORPUS / "begroting-2024.pdf"]
    main(args)
