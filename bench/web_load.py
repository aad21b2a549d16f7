"""The load generator of ``web_bench.py``: readers and writers as asyncio tasks (aiohttp) in one
process, and ``wrk`` (Debian's, compiled) for the closed-loop saturation run.

User model (open loop). Each reader is a user who reads, thinks, reads again: its send times are
drawn in advance as a Poisson process (think times exponential, mean ``think`` seconds), so they do
not depend on how fast the server answers. A reader waits for its answer before its next request;
when an answer comes after the next intended send time, the next request goes out at once and
its latency is counted from the intended time, not from when it was sent. A slow server thus
shows up in the latency in full (no coordinated omission, as in wrk2). Writers follow the same
schedule and save with optimistic locking: the version they read is the base of the save; a
``409`` (someone else saved in between) re-reads and saves again; every acknowledged save is
remembered as (programme, revision number, name) to be looked up in the history afterwards.
"""

from __future__ import annotations

import asyncio
import random
import re
import statistics
import subprocess
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import aiohttp

TIMEOUT = aiohttp.ClientTimeout(total=30)


@dataclass
class Tally:
    """Latencies (seconds) and errors per kind of request."""

    latencies: dict[str, list[float]] = field(default_factory=dict)
    errors: dict[str, int] = field(default_factory=dict)
    error_samples: list[str] = field(default_factory=list)
    conflicts: int = 0

    def add(self, kind: str, seconds: float, error: str | None = None) -> None:
        self.latencies.setdefault(kind, []).append(seconds)
        if error is not None:
            self.errors[kind] = self.errors.get(kind, 0) + 1
            if len(self.error_samples) < 5:
                self.error_samples.append(f"{kind}: {error}")

    def rows(self, duration: float) -> list[tuple[str, int, float, float, float, int]]:
        out = []
        for kind, values in sorted(self.latencies.items()):
            p50, p99 = percentiles(values)
            out.append((kind, len(values), len(values) / duration, p50, p99,
                        self.errors.get(kind, 0)))
        return out


def percentiles(values: Sequence[float]) -> tuple[float, float]:
    """p50 and p99 in milliseconds (nearest rank)."""
    if not values:
        return float("nan"), float("nan")
    ordered = sorted(values)
    p99 = ordered[min(len(ordered) - 1, max(0, int(len(ordered) * 0.99 + 0.5) - 1))]
    return statistics.median(ordered) * 1000, p99 * 1000


@dataclass(frozen=True)
class Ack:
    programme: int
    revision: int
    name: str


class Schedule:
    """Intended send times: a Poisson process of mean gap ``think`` (0: as fast as possible)."""

    def __init__(self, rng: random.Random, think: float, start: float) -> None:
        self.rng, self.think = rng, think
        self.next = start + (rng.expovariate(1 / think) if think else 0.0)

    async def wait(self, end: float) -> float:
        """Sleep until the next intended time (if it is still ahead); return that time (at
        once when it is past ``end``)."""
        intended = self.next
        if intended >= end:
            return intended
        delay = intended - time.perf_counter()
        if delay > 0:
            await asyncio.sleep(delay)
        else:
            intended = intended if self.think else time.perf_counter()
        self.next = intended + (self.rng.expovariate(1 / self.think) if self.think else 0.0)
        return intended


async def reader(session: aiohttp.ClientSession, base: str, urls: Sequence[tuple[str, str]],
                 schedule: Schedule, end: float, headers: dict[str, str], tally: Tally,
                 rng: random.Random) -> None:
    while True:
        intended = await schedule.wait(end)
        if intended >= end:
            return
        kind, url = rng.choice(urls)
        error = None
        try:
            async with session.get(base + url, headers=headers) as response:
                await response.read()
                if response.status != 200:
                    error = f"{url}: HTTP {response.status}"
        except (TimeoutError, aiohttp.ClientError) as exc:
            error = f"{url}: {type(exc).__name__} {exc}"
        tally.add(kind, time.perf_counter() - intended, error)


async def writer(session: aiohttp.ClientSession, base: str, pk: int, label: str,
                 schedule: Schedule, end: float, tally: Tally, acks: list[Ack]) -> None:
    url = f"{base}/api/v1/programmes/{pk}"
    async with session.get(url) as response:
        current = await response.json()
    version, content, n = current["version"], current["content"], 0
    while True:
        intended = await schedule.wait(end)
        if intended >= end:
            return
        n += 1
        name = f"Bench {label} #{n}"
        error = None
        try:
            while True:
                async with session.put(url, json={"base_version": version,
                                                  "content": {**content, "name": name}}) as r:
                    body = await r.json(content_type=None)
                if r.status != 409:
                    break
                tally.conflicts += 1  # someone saved in between: read their version, save again
                async with session.get(url) as fresh:
                    version = (await fresh.json())["version"]
            if r.status == 200:
                version = body["version"]
                acks.append(Ack(pk, body["revision"], name))
            else:
                error = f"PUT {pk}: HTTP {r.status} {str(body)[:200]}"
        except (TimeoutError, aiohttp.ClientError, KeyError, ValueError) as exc:
            error = f"PUT {pk}: {type(exc).__name__} {exc}"
        tally.add("write", time.perf_counter() - intended, error)


async def verify(base: str, token: str, acks: Sequence[Ack]) -> list[str]:
    """Every acknowledged save must be in the history with the name it saved: what is missing."""
    missing: list[str] = []
    headers = {"Authorization": f"Bearer {token}"}
    limit = asyncio.Semaphore(8)
    async with aiohttp.ClientSession(headers=headers, timeout=TIMEOUT) as session:

        async def check(ack: Ack) -> None:
            async with limit, session.get(
                f"{base}/api/v1/programmes/{ack.programme}/revisions/{ack.revision}"
            ) as r:
                stored = await r.json(content_type=None) if r.status == 200 else None
            if stored is None or stored.get("content", {}).get("name") != ack.name:
                missing.append(f"programme {ack.programme} revision {ack.revision} ({ack.name})")

        await asyncio.gather(*(check(a) for a in acks))
    return missing


async def user_model(base: str, urls: Sequence[tuple[str, str]], readers: int, think: float,
                     seconds: float, headers: dict[str, str], writers: Sequence[int] = (),
                     writer_think: float = 1.0, token: str = "",
                     seed: int = 6) -> tuple[Tally, list[Ack], float]:
    """``readers`` open-loop readers and one writer per programme in ``writers``."""
    tally, acks = Tally(), []
    connector = aiohttp.TCPConnector(limit=0, keepalive_timeout=25)
    async with aiohttp.ClientSession(connector=connector, timeout=TIMEOUT) as session, \
            aiohttp.ClientSession(timeout=TIMEOUT,
                                  headers={"Authorization": f"Bearer {token}"}) as writing:
        start = time.perf_counter() + 0.2
        end = start + seconds
        tasks = [reader(session, base, urls, Schedule(random.Random(seed + i), think, start), end,
                        headers, tally, random.Random(-seed - i)) for i in range(readers)]
        tasks += [writer(writing, base, pk, str(i), Schedule(random.Random(seed * 1000 + i),
                                                             writer_think, start),
                         end, tally, acks) for i, pk in enumerate(writers)]
        await asyncio.gather(*tasks)
        return tally, acks, time.perf_counter() - start


WRK_SCRIPT = """
local paths = {%(paths)s}
local auth = "%(auth)s"
math.randomseed(6)
request = function()
  local p = paths[math.random(#paths)]
  if auth ~= "" and string.sub(p, 1, 5) == "/api/" then
    return wrk.format("GET", p, {["Authorization"] = auth})
  end
  return wrk.format("GET", p)
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("WRK %%d %%d %%d %%d %%d %%d %%d %%d %%d\\n", summary.requests,
    summary.duration, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(99)))
end
"""


@dataclass(frozen=True)
class WrkResult:
    requests: int
    seconds: float
    errors: int
    p50_ms: float
    p99_ms: float


def wrk(base: str, paths: Sequence[str], connections: int, seconds: float, auth: str,
        script_dir: Path) -> subprocess.Popen[str]:
    """Start ``wrk`` closed loop (one thread, ``connections`` connections, no think time)."""
    script = script_dir / "mix.lua"
    script.write_text(WRK_SCRIPT % {"paths": ", ".join(f'"{p}"' for p in paths), "auth": auth},
                      encoding="utf-8")
    return subprocess.Popen(
        ["wrk", "-t1", f"-c{connections}", f"-d{max(1, round(seconds))}s", "--timeout", "30s",
         "-s", str(script), base], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def wrk_result(process: subprocess.Popen[str]) -> WrkResult:
    out, _ = process.communicate()
    found = re.search(r"^WRK " + " ".join([r"(\d+)"] * 9), out, re.M)
    if found is None:
        raise RuntimeError("wrk gave no result:\n" + out)
    n, micros, *errors, p50, p99 = (int(g) for g in found.groups())
    return WrkResult(n, micros / 1e6, sum(errors), p50 / 1000, p99 / 1000)
