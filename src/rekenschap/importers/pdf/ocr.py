"""OCR for pages without a usable text layer (tekstherkenning), via the Tesseract binary.

The page is rendered with pdfium to a grayscale PGM image (no imaging library needed), read by
``tesseract IMAGE stdout -l nld tsv``, and the word boxes come back as the same ``Page``/``Line``
/``Segment`` objects as the text layer, scaled to PDF points, with ``source="ocr"``.
OCR is optional: without the binary the caller gets ``PDF-OCR-UNAVAILABLE``, not a crash.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rekenschap.importers.pdf.layout import Frame, Page, Segment, TextQuality, group_lines
from rekenschap.importers.pdf.ocr_image import Glyph, glyph_sizes, strip_decoration
from rekenschap.importers.pdf.ocr_text import normalise_lines
from rekenschap.model import Location, Problem, Severity


@dataclass(frozen=True, slots=True)
class OcrSettings:
    """How OCR runs: language(s), resolution, the longest image side, a time limit per page."""

    language: str = "nld"
    dpi: int = 300
    max_side_px: int = 7000
    timeout_s: float = 180.0
    min_confidence: float = 0.0
    #: grey level below which a pixel becomes black (None: leave grey). Measured on the three
    #: corpus scans (Dutch amounts read / of them negative), grey vs threshold 150:
    #: scan-taakvelden-a 145/95 vs 136/80, -b 408/239 vs 399/210, -2020 131/49 vs 68/27.
    threshold: int | None = None
    psm: int = 3
    #: leave ruling lines, shaded cells and coloured bars out of the image (vector paths only;
    #: see :mod:`.ocr_image`). Jaarstukken-2019 p36: with them Tesseract reads 4 of the 31
    #: table rows and drops the programme heading on p23; without them all rows and the heading.
    strip_decoration: bool = True
    #: page segmentation mode for a page whose decoration was removed: 4 (one column of lines
    #: of varying size). Jaarstukken-2019 p35: psm 3 drops the first two amount columns of the
    #: finance table (classed as non-text), psm 4 reads all 48 amounts.
    stripped_psm: int = 4


def tesseract_binary() -> str | None:
    """Path of the ``tesseract`` binary (``REKENSCHAP_TESSERACT`` overrides), or None."""
    configured = os.environ.get("REKENSCHAP_TESSERACT")
    if configured:
        return configured if Path(configured).exists() else None
    return shutil.which("tesseract")


def _problem(code: str, message: str, file: str, page: int,
             severity: Severity = Severity.WARNING) -> Problem:
    return Problem(code=code, severity=severity, message=message,
                   location=Location(file=file, page=page))


def write_pgm(bitmap: Any, target: Path, threshold: int | None = None) -> None:
    """Write a pdfium grayscale bitmap as a binary PGM (P5) image, optionally black/white."""
    width, height, stride = bitmap.width, bitmap.height, bitmap.stride
    data = bytes(bitmap.buffer)
    rows = data if stride == width else b"".join(
        data[y * stride : y * stride + width] for y in range(height)
    )
    if threshold is not None:
        rows = rows.translate(bytes(0 if level < threshold else 255 for level in range(256)))
    target.write_bytes(b"P5\n%d %d\n255\n" % (width, height) + rows)


def parse_tsv(tsv: str, scale: float, min_confidence: float = 0.0) -> list[Segment]:
    """Tesseract TSV words as segments in points; adjacent words on one OCR line are joined."""
    words: list[tuple[tuple[int, int, int], Segment]] = []
    for row in tsv.splitlines()[1:]:
        cols = row.split("\t")
        if len(cols) < 12 or cols[0] != "5":
            continue
        text = cols[11].strip()
        try:
            conf = float(cols[10])
            left, top, width, height = (int(v) for v in cols[6:10])
        except ValueError:
            continue
        if not text or conf < min_confidence:
            continue
        key = (int(cols[2]), int(cols[3]), int(cols[4]))
        words.append((key, Segment(text, round(left * scale, 2), round(top * scale, 2),
                                   round((left + width) * scale, 2),
                                   round((top + height) * scale, 2),
                                   round(height * scale, 2))))
    segments: list[Segment] = []
    previous_key: tuple[int, int, int] | None = None
    for key, word in words:
        last = segments[-1] if segments else None
        if (last is not None and key == previous_key
                and word.x0 - last.x1 < 0.8 * max(word.size, last.size)):
            segments[-1] = Segment(f"{last.text} {word.text}", last.x0, min(last.top, word.top),
                                   word.x1, max(last.bottom, word.bottom),
                                   max(last.size, word.size))
        else:
            segments.append(word)
        previous_key = key
    return segments


@dataclass(frozen=True, slots=True)
class _Job:
    index: int
    image: Path
    scale: float
    width: float
    height: float
    stripped: int = 0
    glyphs: tuple[Glyph, ...] = ()


def _render(doc: Any, index: int, folder: Path, settings: OcrSettings) -> _Job:
    """Render page ``index`` to a PGM file (pdfium is not thread-safe: main thread only)."""
    page = doc[index]
    try:
        frame = Frame(page.get_cropbox(), page.get_rotation())  # rendering applies /Rotate
        glyphs = tuple(glyph_sizes(page, frame))
        stripped = strip_decoration(page) if settings.strip_decoration else 0
        scale = settings.dpi / 72.0
        longest = max(frame.width, frame.height) * scale
        if longest > settings.max_side_px:
            scale *= settings.max_side_px / longest
        bitmap = page.render(scale=scale, grayscale=True, no_smoothimage=True)
    finally:
        page.close()
    image = folder / f"page-{index + 1}.pgm"
    write_pgm(bitmap, image, settings.threshold)
    return _Job(index, image, scale, frame.width, frame.height, stripped, glyphs)


def _tesseract(binary: str, job: _Job, settings: OcrSettings,
               env: dict[str, str]) -> subprocess.CompletedProcess[str] | Exception:
    try:
        return subprocess.run(
            [binary, str(job.image), "stdout", "-l", settings.language, "--psm",
             str(settings.stripped_psm if job.stripped else settings.psm), "tsv"],
            capture_output=True, text=True, timeout=settings.timeout_s, check=False, env=env)
    except (OSError, subprocess.SubprocessError) as exc:
        return exc
    finally:
        job.image.unlink(missing_ok=True)


def _page_of(job: _Job, done: subprocess.CompletedProcess[str] | Exception, file: str,
             settings: OcrSettings) -> tuple[Page | None, list[Problem]]:
    number = job.index + 1
    if isinstance(done, Exception):
        return None, [_problem("PDF-OCR-FAILED", f"tesseract failed: {done}", file, number)]
    if done.returncode != 0:
        detail = done.stderr.strip().splitlines()[-1:] or ["no message"]
        return None, [_problem("PDF-OCR-FAILED",
                               f"tesseract exited with {done.returncode}: {detail[0]}",
                               file, number)]
    lines = group_lines(parse_tsv(done.stdout, 1.0 / job.scale, settings.min_confidence))
    lines, problems = normalise_lines(lines, file=file, page=number, glyphs=job.glyphs)
    quality = TextQuality("ok", 0.8, "read by OCR")
    return Page(number, round(job.width, 2), round(job.height, 2), lines, (),
                "\n".join(line.text for line in lines), quality, "ocr"), problems


def ocr_pages(doc: Any, indexes: Sequence[int], file: str,
              settings: OcrSettings | None = None,
              workers: int | None = None) -> dict[int, tuple[Page | None, list[Problem]]]:
    """OCR the 0-based ``indexes`` of an open pdfium document, ``workers`` pages at a time.

    Pages are rendered one by one in this thread (pdfium is not thread-safe) and read by
    tesseract processes in parallel (each with one OpenMP thread), with at most two images
    per worker waiting on disk. Result per index: the page, or None + problem.
    """
    settings = settings or OcrSettings()
    binary = tesseract_binary()
    if binary is None:
        return {i: (None, [_problem("PDF-OCR-UNAVAILABLE",
                                    "OCR requested but the tesseract program is not installed "
                                    "(Debian: apt-get install tesseract-ocr tesseract-ocr-nld)",
                                    file, i + 1)]) for i in indexes}
    workers = max(1, min(workers or os.cpu_count() or 1, len(indexes) or 1))
    # One OpenMP thread per tesseract: its default thread team spins on a busy machine. Pages
    # 6-9 of jaarstukken-2019 (load ~8 on 2 cores): 48.6 s with the default threads, 6.6 s
    # with one thread, 6.1 s with one thread x 2 workers.
    env = {**os.environ, "OMP_THREAD_LIMIT": os.environ.get("OMP_THREAD_LIMIT", "1")}
    results: dict[int, tuple[Page | None, list[Problem]]] = {}
    with tempfile.TemporaryDirectory(prefix="rekenschap-ocr-") as tmp, \
            ThreadPoolExecutor(max_workers=workers) as pool:
        running: dict[Future[subprocess.CompletedProcess[str] | Exception], _Job] = {}

        def collect(block_until: int) -> None:
            while len(running) > block_until:
                done, _ = wait(running, return_when=FIRST_COMPLETED)
                for future in done:
                    job = running.pop(future)
                    results[job.index] = _page_of(job, future.result(), file, settings)

        for index in indexes:
            try:
                job = _render(doc, index, Path(tmp), settings)
            except Exception as exc:  # a page pdfium cannot render must not stop the others
                results[index] = (None, [_problem("PDF-OCR-FAILED", f"cannot render the page: "
                                                  f"{exc}", file, index + 1)])
                continue
            running[pool.submit(_tesseract, binary, job, settings, env)] = job
            collect(block_until=2 * workers - 1)
        collect(block_until=0)
    return results


def ocr_page(doc: Any, index: int, file: str,
             settings: OcrSettings | None = None) -> tuple[Page | None, list[Problem]]:
    """OCR page ``index`` (0-based) of an open pdfium document; ``None`` + problem on failure."""
    return ocr_pages(doc, [index], file, settings, workers=1)[index]
