"""PDF export and round-trip benchmark (issue 5): the real Wassenaar jaarstukken-2023 import.

Prints, measured in this run (best of ``--repeat``):

* the PDF export (page data, print HTML, WeasyPrint, the /Scope pass), the share of the
  pikepdf /Scope pass in it, and WeasyPrint alone on the same HTML (the baseline);
* importing the exported PDF back, against importing the original 195-page PDF;
* whether the round trip is identical on the compared essentials (tests/roundtrip).

Usage: ``python bench/pdf_roundtrip_bench.py [PDF] [--repeat N]`` (run from the repo root).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from weasyprint import HTML  # type: ignore[import-untyped]

from rekenschap.importers import import_path
from rekenschap.render import pdf as pdf_module
from rekenschap.render.builder import build_document
from rekenschap.render.charts import ChartRenderer

DEFAULT = Path(__file__).resolve().parents[2] / "shared/corpus/wassenaar/jaarstukken-2023.pdf"
T = TypeVar("T")


def best(repeat: int, run: Callable[[], T]) -> tuple[float, T]:
    times: list[float] = []
    results: list[T] = []
    for _ in range(repeat):
        start = time.perf_counter()
        results.append(run())
        times.append(time.perf_counter() - start)
    return min(times), results[-1]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("pdf", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    t_import, (report, _) = best(1, lambda: import_path(args.pdf))
    assert report is not None
    out = Path(tempfile.mkdtemp()) / "export.pdf"
    doc = build_document(report)
    renderer = ChartRenderer(lang="nl")
    html = pdf_module.print_html(doc, renderer)  # charts rendered (and cached) once
    t_weasy, _ = best(args.repeat, lambda: HTML(string=html, base_url=str(out.parent)).write_pdf(
        out, pdf_variant="pdf/ua-1", custom_metadata=True))
    t_scope, _ = best(args.repeat, lambda: pdf_module._scope_table_headers(out))
    t_export, _ = best(args.repeat, lambda: pdf_module.write_pdf(build_document(report), out,
                                                                 renderer))
    t_back, (back, _) = best(args.repeat, lambda: import_path(out))
    assert back is not None
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from tests.roundtrip import essentials as e

    same = {name: getattr(e, name)(back) == getattr(e, name)(report)
            for name in ("organisation", "structure", "overview", "taakveld_finance", "goals",
                         "indicators", "units", "texts", "derived")}
    print(f"original import ({args.pdf.name}):      {t_import:6.2f} s")
    print(f"PDF export (whole):                      {t_export:6.2f} s")
    print(f"  WeasyPrint alone (baseline):           {t_weasy:6.2f} s")
    print(f"  /Scope pass (pikepdf):                 {t_scope:6.2f} s "
          f"({t_scope / t_export:.1%} of the export)")
    print(f"import of the export ({out.stat().st_size // 1024} KB):        {t_back:6.2f} s "
          f"({t_back / t_import:.2f}x the original import)")
    print("identical essentials: " + ", ".join(f"{k} {'yes' if v else 'NO'}"
                                               for k, v in same.items()))


if __name__ == "__main__":
    main()
