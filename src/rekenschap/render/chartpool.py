"""Render a large batch of charts in this process and in worker processes at once (grafiekenpool).

vl-convert runs one JavaScript runtime per process, so threads do not help. The batch is cut
into small chunks; worker processes (spawned: the parent may already run vl-convert's runtime
threads) take chunks from the pool's queue while this process, whose runtime is already warm,
renders chunks itself instead of waiting. A worker costs about 1.5 CPU seconds to start, so one
process fewer is spawned than the processes used, and none when no core is idle.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import threading
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

Render = Callable[[list[str], str], list[str]]
CHUNK = 20
"""Specs per chunk: small enough to balance, large enough that queueing costs nothing."""


def spawn_safe() -> bool:
    """False when spawned workers could not re-import ``__main__`` (stdin, a deleted script)."""
    main = sys.modules.get("__main__")
    path = getattr(main, "__file__", None)
    return path is None or Path(path).is_file()


def useful_processes(requested: int) -> int:
    """How many of ``requested`` processes can run at once: one, plus one per idle core.

    On a machine whose cores are all busy (load average >= cores) a worker only adds its start
    cost (about 1.5 CPU seconds) and takes turns with this process; then the batch renders here.
    """
    cores = os.cpu_count() or 1
    try:
        load = os.getloadavg()[0]
    except OSError:       # not available on this platform: assume idle cores
        load = 0.0
    return max(1, min(requested, 1 + int(cores - load)))


def render_shared(specs: list[str], locale: str, processes: int, render: Render) -> list[str]:
    """``render`` over ``specs`` in ``processes`` processes (this one included), in order.

    ``render`` must be a module-level function (it is sent to the workers by name).
    """
    chunks = [specs[i:i + CHUNK] for i in range(0, len(specs), CHUNK)]
    if processes < 2 or len(chunks) < 2 or not spawn_safe():
        return render(specs, locale)
    results: list[list[str] | None] = [None] * len(chunks)
    lock = threading.Lock()
    queue = iter(range(len(chunks)))

    def take() -> int | None:
        with lock:
            return next(queue, None)

    try:
        context = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(max_workers=processes - 1, mp_context=context) as pool:
            pending: dict[Future[list[str]], int] = {}

            def submit() -> None:
                index = take()
                if index is not None:
                    pending[pool.submit(render, chunks[index], locale)] = index

            for _ in range(2 * (processes - 1)):   # two chunks ahead per worker
                submit()
            while (index := take()) is not None:
                results[index] = render(chunks[index], locale)
                for future in [f for f in pending if f.done()]:
                    results[pending.pop(future)] = future.result()
                    submit()
            for future, index in list(pending.items()):
                results[index] = future.result()
    except (BrokenProcessPool, OSError):
        # e.g. a main module that cannot be re-imported by spawn (python -c, stdin)
        return render(specs, locale)
    return [svg for part in results if part is not None for svg in part]
