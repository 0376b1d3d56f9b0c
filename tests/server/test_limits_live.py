"""The server's limits against a real uvicorn process (issue 13, findings 5, 6 and 9).

Bounded: at most 60 requests in flight, every wait has a deadline. Argon2 runs at the
server's real cost here, so the floods are the ones the probe made, only smaller.
"""

from __future__ import annotations

import json
import socket
import time
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import requests

from supportdesk.server.auth import THROTTLE_LIMIT
from supportdesk.server.limits import client_address
from tests.server.services import LiveServer
from tests.server.test_live import admin_cli
from tests.sync.harness import PASSWORD

pytestmark = pytest.mark.slow


@pytest.fixture
def live(tmp_path: Path) -> Iterator[LiveServer]:
    data = tmp_path / "server"
    made = admin_cli(data, "create-team", "Acme", "--owner", "alice")
    assert made.returncode == 0, made.stderr
    server = LiveServer(data).start()
    yield server
    server.stop()


def _rss_mib(server: LiveServer) -> float:
    assert server.proc is not None
    status = Path(f"/proc/{server.proc.pid}/status").read_text()
    kb = next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS"))
    return kb / 1024


def _raw(server: LiveServer, head: str, body: bytes = b"") -> tuple[int, bytes]:
    """Send a request by hand (headers, maybe no body) and read the status and reply."""
    with socket.create_connection(("127.0.0.1", server.port), timeout=10) as sock:
        sock.sendall(head.encode() + b"\r\n" + body)
        reply = b""
        while b"\r\n\r\n" not in reply or len(reply) < reply.find(b"\r\n\r\n") + 10:
            chunk = sock.recv(65536)
            if not chunk:
                break
            reply += chunk
    status = int(reply.split(b" ", 2)[1])
    return status, reply.split(b"\r\n\r\n", 1)[1]


def _login(server: LiveServer, user: str, password: str, **extra: object) -> requests.Response:
    return requests.post(f"{server.url}/auth/login", timeout=60, json={
        "user": user, "password": password, "device_name": "laptop", "device_id": "dev-1",
        **extra})


def test_bodies_are_refused_before_they_are_read(live: LiveServer) -> None:
    # A 200 MB push with no token: the answer comes without a byte of the body sent.
    status, body = _raw(live, "POST /sync/push HTTP/1.1\r\nHost: x\r\n"
                              "Content-Type: application/json\r\nContent-Length: 200000000\r\n")
    assert status == 413 and "larger than" in json.loads(body.split(b"\r\n")[-1] or body)[
        "detail"]
    status, _ = _raw(live, "POST /sync/push HTTP/1.1\r\nHost: x\r\n"
                           "Content-Type: application/json\r\nContent-Length: 1000000\r\n")
    assert status == 401  # under the cap, but no token: refused before the body
    before = _rss_mib(live)
    big = b'{"user": "' + b"a" * (2 << 20) + b'", "password": "x"}'
    resp = requests.post(f"{live.url}/auth/login", data=big, timeout=30,
                         headers={"Content-Type": "application/json"})
    assert resp.status_code == 413 and resp.json()["detail"]
    assert _rss_mib(live) - before < 50


def test_parallel_wrong_passwords_all_count_and_the_server_stays_up(live: LiveServer) -> None:
    with ThreadPoolExecutor(40) as pool:
        answers = Counter(r.status_code for r in pool.map(
            lambda _i: _login(live, "alice", "wrong password"), range(40)))
    assert answers[401] <= THROTTLE_LIMIT, answers
    assert answers[401] + answers[429] == 40, answers
    assert _login(live, "alice", PASSWORD).status_code == 429  # locked for this address


def test_a_login_flood_keeps_memory_and_health_in_bounds(live: LiveServer) -> None:
    start_rss = _rss_mib(live)
    peak = start_rss
    slowest = 0.0

    def bad(i: int) -> int:
        return _login(live, f"nobody{i}", "wrong password").status_code

    with ThreadPoolExecutor(60) as pool:
        futures = [pool.submit(bad, i) for i in range(60)]
        while not all(f.done() for f in futures):
            started = time.monotonic()
            assert requests.get(f"{live.url}/health", timeout=10).status_code == 200
            slowest = max(slowest, time.monotonic() - started)
            peak = max(peak, _rss_mib(live))
            time.sleep(0.05)
        codes = Counter(f.result() for f in futures)
    assert set(codes) <= {401, 429} and codes[429] > 0, codes  # the pool said "busy"
    # measured 1.4-2.5 s at a load average of 14 on 2 cores (the probe saw 7 s, and
    # 2.4 GB of memory, before the pool); the bound leaves room for a busy machine
    assert slowest < 5.0, slowest
    assert peak - start_rss < 400, (start_rss, peak)  # 2 argon2 hashes at a time, not 60


def test_forwarded_for_is_ignored_from_an_untrusted_peer(live: LiveServer) -> None:
    for i in range(THROTTLE_LIMIT):
        resp = requests.post(f"{live.url}/auth/login", timeout=60, headers={
            "X-Forwarded-For": f"203.0.113.{i}"}, json={
            "user": "alice", "password": "wrong", "device_name": "x", "device_id": "d"})
        assert resp.status_code == 401
    resp = requests.post(f"{live.url}/auth/login", timeout=60, headers={
        "X-Forwarded-For": "198.51.100.7"}, json={
        "user": "alice", "password": PASSWORD, "device_name": "x", "device_id": "d"})
    assert resp.status_code == 429
    # what a trusted proxy says is believed; the rightmost untrusted hop is the client
    assert client_address("127.0.0.1", "198.51.100.7, 10.0.0.2", ["127.0.0.1"]) == "10.0.0.2"
    assert client_address("127.0.0.1", "198.51.100.7", ["10.0.0.0/8"]) == "127.0.0.1"
    assert client_address("10.0.0.5", "198.51.100.7, 10.0.0.2", ["10.0.0.0/8"]) == (
        "198.51.100.7")


UNSTORABLE = [
    b'{"user": "alice", "password": NaN, "device_name": "x", "device_id": "d"}',
    b'{"user": "alice", "password": "x", "device_name": "x", "device_id": "d", "n": 1e400}',
    b'{"user": "\\ud800", "password": "x", "device_name": "x", "device_id": "d"}',
    b'{"user": "al\\u0000ice", "password": "x", "device_name": "x", "device_id": "d"}',
    b'{"user": "alice", "password": Infinity, "device_name": "x", "device_id": "d"}',
]


def test_unstorable_json_is_a_422_and_is_logged(live: LiveServer) -> None:
    for raw in UNSTORABLE:
        resp = requests.post(f"{live.url}/auth/login", data=raw, timeout=30,
                             headers={"Content-Type": "application/json"})
        assert resp.status_code == 422, (raw, resp.text)
    deadline = time.monotonic() + 10
    refused: list[dict[str, object]] = []
    while time.monotonic() < deadline and len(refused) < len(UNSTORABLE):
        lines = [json.loads(x) for x in live.log.read_text().splitlines() if x.startswith("{")]
        refused = [x for x in lines if x.get("status") == 422]
        time.sleep(0.05)
    assert len(refused) == len(UNSTORABLE), refused
    assert all(x["path"] == "/auth/login" and "password" not in x for x in refused)
