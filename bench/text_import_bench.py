"""How fast is the text-dump importer? Seed and real dumps, against a plain line-reading baseline.

Run: ``python bench/text_import_bench.py [--repeat N]``. For each input it prints the number of
lines, the best time of ``import_text``, lines per second, and the ratio to a baseline measured
in the same run: reading the same text into whitespace-collapsed lines and nothing else (the
least any importer must do). Inputs: the Groningen seed, the seed repeated 200 times (one long
dump with 200 deelprogramma's), and the pypdfium2 text of the Wassenaar corpus PDFs (pages joined
by form feeds, as a text dump would be); inputs whose files are absent are skipped.
Pathological inputs guard against quadratic behaviour (each once took 12-114 s; found by
scanning repeated chunks at two sizes).
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from pathlib import Path

from rekenschap.importers.text import import_text

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seeds" / "groningen-2024-veiligheid.txt"
WASSENAAR = SHARED / "corpus" / "wassenaar"


def _best(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def _baseline(text: str) -> list[str]:
    return [" ".join(line.split()) for line in text.split("\n")]


def _pdf_dump(path: Path) -> str:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        return "\f".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    finally:
        pdf.close()


def _inputs() -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    if SEED.exists():
        seed = SEED.read_text(encoding="utf-8")
        out.append(("seed", seed))
        out.append(("seed x200", "\n".join([seed] * 200)))
    # Pathological lines: each once took quadratic time somewhere (kept to catch regressions).
    out.append(("100k-char bullet of '(a'",
                "Programma 1 A\n• X gedaald t.o.v. 2019 " + "(a" * 50000))
    out.append(("100k-char wrapped paragraph", "Programma 1 A\nDoel\n" + "woord-\n" * 20000))
    out.append(("2000-line finance header", "Programma 1 A\n" + "begroting\n" * 2000 + "Lasten 1"))
    out.append(("40k-digit number", "Programma 1 A\nDoel\n• " + "1" * 40000))
    out.append(("indicator with 16k years", "Programma 1 A\nBeleidsindicatoren\n• X gedaald "
                "t.o.v. 2019 (" + "2019 " * 16000))
    for name in ("jaarstukken-2023.pdf", "begroting-2021-2024.pdf",
                 "jaarstukken-2019-unmapped-fonts.pdf"):
        path = WASSENAAR / name
        if path.exists():
            out.append((f"{name} (text)", _pdf_dump(path)))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    header = ("input", "lines", "import s", "lines/s", "baseline s", "ratio")
    print(f"{header[0]:38} {header[1]:>7} {header[2]:>9} {header[3]:>9} {header[4]:>11} "
          f"{header[5]:>7}")
    for name, text in _inputs():
        lines = text.count("\n") + 1
        seconds = _best(lambda t=text: import_text(t, file="bench-2024.txt"), args.repeat)
        base = _best(lambda t=text: _baseline(t), args.repeat)
        print(f"{name:38} {lines:7d} {seconds:9.3f} {lines / seconds:9.0f} {base:11.4f} "
              f"{seconds / base:7.0f}")


if __name__ == "__main__":
    main()
