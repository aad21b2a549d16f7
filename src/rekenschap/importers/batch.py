"""Import many files at once (batch-import) in a process pool, yielding results as they finish.

One file's crash -- an exception, or even a worker process dying inside a native library --
becomes an ``IMPORT-CRASH`` problem for that file; the batch goes on.
"""

from __future__ import annotations

import os
import time
import traceback
from collections.abc import Generator, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path

from rekenschap.importers import ImportOptions, import_path
from rekenschap.model import Location, Problem, Report, Severity

__all__ = ["FileResult", "import_paths", "resolve_jobs"]

@dataclass(frozen=True, slots=True)
class FileResult:
    """The outcome for one input file (resultaat per bestand)."""

    path: Path
    report: Report | None
    problems: list[Problem] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def failed(self) -> bool:
        """No report, or an error-severity problem."""
        return self.report is None or any(p.severity is Severity.ERROR for p in self.problems)


def resolve_jobs(jobs: int) -> int:
    """``0`` means all cores; negative numbers are treated as 1."""
    if jobs == 0:
        return os.cpu_count() or 1
    return max(1, jobs)


def _crash(path: Path, message: str) -> Problem:
    return Problem(code="IMPORT-CRASH", severity=Severity.ERROR, message=message,
                   location=Location(file=str(path)))


def import_one(path: Path, options: ImportOptions) -> FileResult:
    """Import one file, turning any exception into an ``IMPORT-CRASH`` problem."""
    start = time.perf_counter()
    try:
        report, problems = import_path(path, options)
    except Exception as exc:  # the batch must go on; the problem names the exception
        last = traceback.extract_tb(exc.__traceback__)[-1:]
        where = f" (at {last[0].filename}:{last[0].lineno})" if last else ""
        return FileResult(path, None, [_crash(path, f"{type(exc).__name__}: {exc}{where}")],
                          time.perf_counter() - start)
    return FileResult(path, report, problems, time.perf_counter() - start)


def import_paths(
    paths: Iterable[str | Path], options: ImportOptions | None = None, jobs: int = 1
) -> Iterator[FileResult]:
    """Import every path, yielding a :class:`FileResult` per file as soon as it is done.

    ``jobs=1`` runs in this process; ``jobs=0`` uses all cores; otherwise that many workers.
    """
    options = options or ImportOptions()
    todo = [Path(p) for p in paths]
    workers = min(resolve_jobs(jobs), len(todo))
    if workers <= 1:
        for path in todo:
            yield import_one(path, options)
        return
    broken = yield from _run_pool(todo, options, workers)
    for path in broken:  # innocent bystanders of a dying worker: each alone, in its own process
        again = yield from _run_pool([path], options, 1)
        for lost in again:
            yield FileResult(lost, None, [_crash(
                lost, "the import process died (a crash in a native library?)")])


def _run_pool(todo: list[Path], options: ImportOptions,
              workers: int) -> Generator[FileResult, None, list[Path]]:
    """Run ``todo`` in one pool, yielding results; returns the files lost to a dead worker."""
    broken: list[Path] = []
    with ProcessPoolExecutor(max_workers=workers) as pool:
        futures = {pool.submit(import_one, path, options): path for path in todo}
        remaining: set[Future[FileResult]] = set(futures)
        while remaining:
            done, remaining = wait(remaining, return_when=FIRST_COMPLETED)
            for future in done:
                path = futures[future]
                try:
                    yield future.result()
                except BrokenProcessPool:
                    broken.append(path)
                except Exception as exc:  # e.g. a result that cannot be pickled
                    yield FileResult(path, None, [_crash(path, f"{type(exc).__name__}: {exc}")])
    return broken
