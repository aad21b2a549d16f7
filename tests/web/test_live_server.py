"""Against a real server process: concurrent saves, a killed server, CLI dump/restore."""

from __future__ import annotations

import json
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests
import yaml
from live import RKS, Server, cli_env, drop_database, fresh_database_url
from web_world import EXAMPLE


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Server]:
    url = fresh_database_url()
    server = Server(tmp_path / "data", url)
    server.data.mkdir()
    try:
        yield server
    finally:
        server.stop()
        drop_database(url)


def _api(token: str) -> requests.Session:
    session = requests.Session()
    session.headers["Authorization"] = f"Bearer {token}"
    return session


def _concept_programme(server: Server, session: requests.Session) -> int:
    report = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    created = session.post(server.url + "/api/v1/documents", json=report, timeout=30)
    assert created.status_code == 201, created.text
    return int(created.json()["programmes"][0]["id"])


def test_serve_seeds_publishes_and_prints_the_login(server: Server) -> None:
    server.start("--workers", "1", "--seed", str(EXAMPLE))
    log = (server.data / "server.log").read_text()
    assert "eenmalig wachtwoord / one-time password: " in log
    assert "published at /site/1/" in log
    site = requests.get(server.url + "/site/1/", timeout=10)
    assert site.status_code == 200 and "Groningen" in site.text


def test_concurrent_saves_on_the_same_version_one_wins_none_lost(server: Server) -> None:
    server.start("--workers", "2")
    token = server.token_for("controller1", "controller")
    pk = _concept_programme(server, _api(token))
    base = _api(token).get(f"{server.url}/api/v1/programmes/{pk}", timeout=10).json()
    barrier = threading.Barrier(8)
    results: list[tuple[str, int, dict[str, Any]]] = []
    lock = threading.Lock()

    def save(name: str) -> None:
        session = _api(token)
        body = {"base_version": base["version"], "content": {**base["content"], "name": name}}
        barrier.wait()
        response = session.put(f"{server.url}/api/v1/programmes/{pk}", json=body, timeout=60)
        with lock:
            results.append((name, response.status_code, response.json()))

    threads = [threading.Thread(target=save, args=(f"Schrijver {i}",)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    codes = sorted(code for _name, code, _body in results)
    assert codes == [200] + [409] * 7, results
    winner = next(name for name, code, _body in results if code == 200)
    for _name, code, body in results:
        if code == 409:  # every loser is told who won and keeps its own edit client-side
            assert body["error"]["code"] == "WEB-CONFLICT"
    revisions = _api(token).get(f"{server.url}/api/v1/programmes/{pk}/revisions", timeout=10)
    assert [r["number"] for r in revisions.json()] == [1, 2]
    current = _api(token).get(f"{server.url}/api/v1/programmes/{pk}", timeout=10).json()
    assert current["content"]["name"] == winner and current["version"] == 2


def test_writers_retrying_on_conflict_lose_nothing(server: Server) -> None:
    server.start("--workers", "2")
    token = server.token_for("controller2", "controller")
    pk = _concept_programme(server, _api(token))
    saved: list[str] = []
    lock = threading.Lock()

    def writer(w: int) -> None:
        session = _api(token)
        for i in range(6):
            name = f"w{w}-{i}"
            while True:
                now = session.get(f"{server.url}/api/v1/programmes/{pk}", timeout=30).json()
                body = {"base_version": now["version"], "content": {**now["content"], "name": name}}
                r = session.put(f"{server.url}/api/v1/programmes/{pk}", json=body, timeout=60)
                if r.status_code == 200:
                    with lock:
                        saved.append(name)
                    break
                assert r.status_code == 409, r.text

    threads = [threading.Thread(target=writer, args=(w,)) for w in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    history = _api(token).get(f"{server.url}/api/v1/programmes/{pk}/revisions", timeout=10).json()
    assert len(history) == 1 + 24
    names = [_api(token).get(f"{server.url}/api/v1/programmes/{pk}/revisions/{r['number']}",
                             timeout=10).json()["content"]["name"] for r in history[1:]]
    assert sorted(names) == sorted(saved)


def test_a_killed_server_loses_no_committed_revision(server: Server) -> None:
    server.start("--workers", "2")
    token = server.token_for("controller3", "controller")
    pk = _concept_programme(server, _api(token))
    acknowledged: list[int] = []
    stop = threading.Event()

    def writer() -> None:
        session = _api(token)
        version = 1
        while not stop.is_set():
            body = {"base_version": version,
                    "content": {**yaml.safe_load(EXAMPLE.read_text())["programmes"][0],
                                "name": f"versie {version + 1}"}}
            try:
                r = session.put(f"{server.url}/api/v1/programmes/{pk}", json=body, timeout=10)
            except requests.RequestException:
                return  # the server died mid-request: this write was never acknowledged
            if r.status_code == 200:
                version = r.json()["version"]
                acknowledged.append(version)

    thread = threading.Thread(target=writer)
    thread.start()
    import time

    deadline = time.monotonic() + 30
    while len(acknowledged) < 15 and time.monotonic() < deadline:
        time.sleep(0.05)
    server.kill()
    stop.set()
    thread.join(timeout=30)
    assert len(acknowledged) >= 15
    server.start("--workers", "1")
    history = _api(token).get(f"{server.url}/api/v1/programmes/{pk}/revisions", timeout=10)
    numbers = {r["number"] for r in history.json()}
    assert set(acknowledged) <= numbers, "an acknowledged save was lost"
    last = max(acknowledged)
    content = _api(token).get(f"{server.url}/api/v1/programmes/{pk}/revisions/{last}",
                              timeout=10).json()["content"]
    assert content["name"] == f"versie {last}"


def test_cli_dump_restore_round_trip(server: Server, tmp_path: Path) -> None:
    server.start("--workers", "2")
    token = server.token_for("controller4", "controller")
    pk = _concept_programme(server, _api(token))
    body = {"base_version": 1, "content": {**yaml.safe_load(EXAMPLE.read_text())["programmes"][0],
                                           "name": "Ná de dump"}}
    assert _api(token).put(f"{server.url}/api/v1/programmes/{pk}", json=body,
                           timeout=30).status_code == 200
    server.stop()
    first = tmp_path / "first.json"
    subprocess.run([*RKS, "dump", str(first), "--data", str(server.data)], check=True,
                   env=cli_env(server.data, server.database_url), capture_output=True, timeout=120)
    target_url = fresh_database_url()
    target = tmp_path / "restored"
    try:
        done = subprocess.run([*RKS, "restore", str(first), "--data", str(target)], text=True,
                              env=cli_env(target, target_url), capture_output=True, timeout=300)
        assert done.returncode == 0, done.stderr
        second = tmp_path / "second.json"
        subprocess.run([*RKS, "dump", str(second), "--data", str(target)], check=True,
                       env=cli_env(target, target_url), capture_output=True, timeout=120)
        a, b = json.loads(first.read_text()), json.loads(second.read_text())
        a.pop("created"), b.pop("created")
        assert a == b and len(a["objects"]) > 5
        again = subprocess.run([*RKS, "restore", str(first), "--data", str(target)], text=True,
                               env=cli_env(target, target_url), capture_output=True, timeout=300)
        assert again.returncode == 2 and "not empty" in again.stderr
    finally:
        drop_database(target_url)
