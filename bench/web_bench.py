"""Load test: 50 readers (published pages + read API) and 5 writers against the app on
PostgreSQL under gunicorn on loopback, then the same pages served as static files.

    python bench/web_bench.py [--seconds 60] [--readers 50] [--writers 5] [--workers 3]
    python bench/web_bench.py --read-cost [--profile]   # server CPU per read, in process

``--read-cost`` measures what one read costs the server alone (Django test client, SQLite,
no network, no load generator): CPU ms per request for the read API and the published-page
view, the first request (cache cold) apart from the rest; ``--profile`` adds a pyinstrument
profile of the programme read (``pip install pyinstrument``).

Uses REKENSCHAP_TEST_DATABASE_URL (a PostgreSQL server where it may CREATE DATABASE) or, when
unset, starts a throwaway cluster with scripts/pg_throwaway.sh. Prints requests/s, p50/p99
latency, errors and lost writes per part. Figures, not assertions.
"""

from __future__ import annotations

import argparse
import io
import os
import statistics
import subprocess
import sys
import threading
import time
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from tempfile import TemporaryDirectory

import requests
import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "web"))
from live import RKS, Server, drop_database, free_port, fresh_database_url  # noqa: E402

EXAMPLE = ROOT / "examples" / "groningen-2024-veiligheid.yaml"


@dataclass
class Stats:
    latencies: dict[str, list[float]] = field(default_factory=dict)
    errors: dict[str, int] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, kind: str, seconds: float, ok: bool) -> None:
        with self.lock:
            self.latencies.setdefault(kind, []).append(seconds)
            if not ok:
                self.errors[kind] = self.errors.get(kind, 0) + 1

    def report(self, title: str, duration: float) -> None:
        print(f"\n{title}")
        print(
            f"  {'kind':<10} {'requests':>9} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'errors':>7}"
        )
        for kind, values in sorted(self.latencies.items()):
            values = sorted(values)
            p50 = statistics.median(values) * 1000
            p99 = values[min(len(values) - 1, int(len(values) * 0.99))] * 1000
            print(
                f"  {kind:<10} {len(values):>9} {len(values) / duration:>8.1f} {p50:>8.1f} "
                f"{p99:>8.1f} {self.errors.get(kind, 0):>7}"
            )


def reader(
    base: str,
    urls: list[tuple[str, str]],
    stats: Stats,
    stop: threading.Event,
    headers: dict[str, str],
) -> None:
    session = requests.Session()
    i = 0
    while not stop.is_set():
        kind, url = urls[i % len(urls)]
        i += 1
        start = time.perf_counter()
        try:
            ok = session.get(base + url, timeout=30, headers=headers).status_code == 200
        except requests.RequestException:
            ok = False
        stats.add(kind, time.perf_counter() - start, ok)


def writer(
    base: str, pk: int, token: str, stats: Stats, stop: threading.Event, acknowledged: list[int]
) -> None:
    session = requests.Session()
    session.headers["Authorization"] = f"Bearer {token}"
    current = session.get(f"{base}/api/v1/programmes/{pk}", timeout=30).json()
    version, content, n = current["version"], current["content"], 0
    while not stop.is_set():
        n += 1
        start = time.perf_counter()
        try:
            r = session.put(
                f"{base}/api/v1/programmes/{pk}",
                timeout=30,
                json={"base_version": version, "content": {**content, "name": f"Bench {pk} #{n}"}},
            )
            ok = r.status_code == 200
        except requests.RequestException:
            ok = False
        stats.add("write", time.perf_counter() - start, ok)
        if ok:
            version = r.json()["version"]
            acknowledged.append(version)


def run(threads: list[threading.Thread], stop: threading.Event, seconds: float) -> float:
    start, cpu = time.perf_counter(), time.process_time()
    for t in threads:
        t.start()
    time.sleep(seconds)
    stop.set()
    for t in threads:
        t.join()
    wall = time.perf_counter() - start
    used = time.process_time() - cpu
    print(f"  load generator (this process) used {used:.1f} CPU s in {wall:.1f} s = "
          f"{used / wall:.2f} of the machine's {os.cpu_count()} cores")
    return wall


def read_cost(profile: bool) -> None:
    """CPU cost per read request inside one process (no sockets, no competing client)."""
    import tempfile

    os.environ["DJANGO_SETTINGS_MODULE"] = "rekenschap.web.settings"
    os.environ["REKENSCHAP_DATA_DIR"] = tempfile.mkdtemp(prefix="rekenschap-readcost-")
    os.environ["REKENSCHAP_AXES"] = "0"
    os.environ.pop("REKENSCHAP_DATABASE_URL", None)
    import django

    django.setup()
    from django.core.management import call_command
    from django.db.models import F
    from django.test import Client
    from web_world import example_report

    from rekenschap.web.core.importing import store_report
    from rekenschap.web.core.models import ProgrammeRecord, Role, State, User
    from rekenschap.web.core.tokens import create_token

    call_command("migrate", verbosity=0)
    user = User.objects.create_user("bench", password="x-Bench-12345", role=Role.CONTROLLER)
    document = store_report(example_report(), user, "bench.yaml")
    ProgrammeRecord.objects.filter(document=document).update(
        state=State.PUBLISHED, approved=F("current"), published=F("current"))
    pid = document.programmes.values_list("pk", flat=True).first()
    client = Client(headers={"authorization": f"Bearer {create_token(user)}"})
    client.force_login(user)
    print("server CPU per read request (in process, SQLite, Django test client):")
    for url in (f"/api/v1/programmes/{pid}", f"/api/v1/documents/{document.pk}",
                f"/programmas/{pid}/"):
        cpu = time.process_time()
        assert client.get(url).status_code == 200, url
        cold = (time.process_time() - cpu) * 1000
        n, cpu = 300, time.process_time()
        for _ in range(n):
            client.get(url)
        warm = (time.process_time() - cpu) / n * 1000
        print(f"  {url:<28} first {cold:7.2f} ms   then {warm:6.2f} ms/request")
    if profile:
        from pyinstrument import Profiler

        profiler = Profiler(interval=0.0005)
        with profiler:
            for _ in range(300):
                client.get(f"/api/v1/programmes/{pid}")
        print(profiler.output_text(color=False))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--readers", type=int, default=50)
    parser.add_argument("--writers", type=int, default=5)
    parser.add_argument("--workers", type=int, default=3, help="gunicorn worker processes")
    parser.add_argument("--read-cost", action="store_true", help="server CPU per read only")
    parser.add_argument("--profile", action="store_true", help="with --read-cost: pyinstrument")
    args = parser.parse_args()
    if args.read_cost:
        read_cost(args.profile)
        return

    pg_dir = None
    if not os.environ.get("REKENSCHAP_TEST_DATABASE_URL"):
        out = subprocess.run(
            [str(ROOT / "scripts" / "pg_throwaway.sh"), "start"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        for line in out.splitlines():
            key, _, value = line.removeprefix("export ").partition("=")
            os.environ[key] = value
        pg_dir = os.environ["PG_THROWAWAY_DIR"]
    url = fresh_database_url()
    with TemporaryDirectory(prefix="rekenschap-bench-") as tmp:
        server = Server(Path(tmp) / "data", url)
        server.data.mkdir()
        static = None
        try:
            server.start("--workers", str(args.workers), "--seed", str(EXAMPLE))
            base = server.url
            token = server.token_for("bench", "controller")
            auth = {"Authorization": f"Bearer {token}"}
            report = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
            programme = report["programmes"][0]
            report["programmes"] = [
                {**programme, "code": str(i), "name": f"Bench {i}"} for i in range(args.writers)
            ]
            created = requests.post(
                base + "/api/v1/documents", json=report, headers=auth, timeout=60
            ).json()
            writable = [p["id"] for p in created["programmes"]]
            archive = zipfile.ZipFile(
                io.BytesIO(requests.get(base + "/site/1.zip", timeout=60).content)
            )
            pages = sorted(n for n in archive.namelist() if n.endswith(".html"))
            published = requests.get(base + "/api/v1/documents/1", headers=auth, timeout=30).json()
            pid = published["programmes"][0]["id"]
            urls = [("page", f"/site/1/{p}") for p in pages]
            urls += [("api", f"/api/v1/programmes/{pid}"), ("api", "/api/v1/documents/1")]
            print(
                f"app: gunicorn {args.workers} workers x 4 threads, PostgreSQL, {len(pages)} "
                f"published pages; {args.readers} readers, {args.writers} writers, "
                f"{args.seconds:.0f} s"
            )

            stats, stop = Stats(), threading.Event()
            acks: dict[int, list[int]] = {pk: [] for pk in writable}
            threads = [
                threading.Thread(target=reader, args=(base, urls, stats, stop, auth))
                for _ in range(args.readers)
            ]
            threads += [
                threading.Thread(target=writer, args=(base, pk, token, stats, stop, acks[pk]))
                for pk in writable
            ]
            duration = run(threads, stop, args.seconds)
            stats.report("app (pages + read API + writes)", duration)
            lost = 0
            for pk, versions in acks.items():
                stored = {
                    r["number"]
                    for r in requests.get(
                        f"{base}/api/v1/programmes/{pk}/revisions", headers=auth, timeout=60
                    ).json()
                }
                lost += len(set(versions) - stored)
            print(f"  writes acknowledged: {sum(len(v) for v in acks.values())}, lost: {lost}")

            site = Path(tmp) / "site"
            archive.extractall(site)
            port = free_port()
            static = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "http.server",
                    str(port),
                    "--bind",
                    "127.0.0.1",
                    "--directory",
                    str(site),
                ],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            time.sleep(1.0)
            stats2, stop2 = Stats(), threading.Event()
            page_urls = [("static", f"/{p}") for p in pages]
            threads = [
                threading.Thread(
                    target=reader, args=(f"http://127.0.0.1:{port}", page_urls, stats2, stop2, {})
                )
                for _ in range(args.readers)
            ]
            duration2 = run(threads, stop2, args.seconds)
            stats2.report(
                "static files (python -m http.server, same pages, same readers)", duration2
            )
            app_pages = len(stats.latencies.get("page", [])) / duration
            static_pages = len(stats2.latencies.get("static", [])) / duration2
            print(
                f"\npages/s app vs static: {app_pages:.1f} / {static_pages:.1f} = "
                f"{app_pages / static_pages if static_pages else float('nan'):.2f}x"
            )
        finally:
            if static is not None:
                static.terminate()
                static.wait()
            server.stop()
            drop_database(url)
            if pg_dir:
                subprocess.run(
                    [str(ROOT / "scripts" / "pg_throwaway.sh"), "stop", pg_dir], check=False
                )
    _ = RKS


if __name__ == "__main__":
    main()
