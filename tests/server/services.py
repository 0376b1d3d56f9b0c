"""Real services for server tests: the sync server as a uvicorn process, PostgreSQL.

Tests that need a service skip loudly when it is missing, and fail instead
when the environment variable ``CI`` is set.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
import requests

ROOT = Path(__file__).resolve().parents[2]
PG_BIN = Path("/usr/lib/postgresql/15/bin")


def unavailable(reason: str) -> None:
    """Skip (loudly) or, under CI, fail."""
    message = f"REAL SERVICE UNAVAILABLE: {reason}"
    if os.environ.get("CI"):
        pytest.fail(message)
    print(f"\n*** {message} ***", file=sys.stderr)
    pytest.skip(message)


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def python_env() -> dict[str, str]:
    """The environment for child Pythons: this checkout importable."""
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return env


class LiveServer:
    """``supportdesk-server`` running under uvicorn on loopback."""

    def __init__(self, data: Path, database: str | None = None, port: int | None = None) -> None:
        self.data = data
        self.database = database
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.proc: subprocess.Popen[bytes] | None = None
        self.log = data / f"server-{self.port}.log"

    def start(self) -> LiveServer:
        return self.launch().wait_ready()

    def launch(self, log_level: str = "warning") -> LiveServer:
        """Start the process without waiting for it to answer."""
        cmd = [sys.executable, "-m", "supportdesk.server.cli", "--data", str(self.data),
               "--port", str(self.port), "--log-level", log_level]
        if self.database:
            cmd += ["--database", self.database]
        self.data.mkdir(parents=True, exist_ok=True)
        with open(self.log, "ab") as log:
            self.proc = subprocess.Popen(cmd, stdout=log, stderr=log, env=python_env())
        return self

    def wait_ready(self) -> LiveServer:
        """Wait until ``/health`` answers (the process failing is an error)."""
        assert self.proc is not None
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"server exited: {self.log.read_text()[-2000:]}")
            try:
                if requests.get(f"{self.url}/health", timeout=1).status_code == 200:
                    return self
            except requests.RequestException:
                time.sleep(0.1)
        raise RuntimeError("server did not answer /health in 30 s")

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.proc = None


class PostgresCluster:
    """A throwaway PostgreSQL cluster owned by the postgres user, on a free port."""

    def __init__(self) -> None:
        self.dir = Path(tempfile.mkdtemp(prefix="sd-pg-"))
        self.port = free_port()
        self.started = False

    @staticmethod
    def available() -> str | None:
        """Why PostgreSQL cannot be used here, or None."""
        if not (PG_BIN / "initdb").exists():
            return "PostgreSQL 15 is not installed (apt-get install -y postgresql)"
        if os.geteuid() != 0 and shutil.which("sudo") is None:
            return "cannot run initdb as the postgres user"
        return None

    def _as_postgres(self, *args: str) -> subprocess.CompletedProcess[bytes]:
        cmd = list(args)
        if os.geteuid() == 0:
            cmd = ["runuser", "-u", "postgres", "--", *cmd]
        return subprocess.run(cmd, capture_output=True, check=False, timeout=120)

    def start(self) -> PostgresCluster:
        shutil.chown(self.dir, "postgres", "postgres")
        data = self.dir / "data"
        r = self._as_postgres(str(PG_BIN / "initdb"), "-D", str(data), "-A", "trust",
                              "-U", "postgres")
        if r.returncode:
            raise RuntimeError(r.stderr.decode())
        r = self._as_postgres(
            str(PG_BIN / "pg_ctl"), "-D", str(data), "-l", str(self.dir / "pg.log"), "-w",
            "-o", f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 -c fsync=off",
            "start",
        )
        if r.returncode:
            raise RuntimeError(r.stderr.decode() + (self.dir / "pg.log").read_text())
        self.started = True
        return self

    def create_database(self, name: str) -> str:
        """A new database; returns its SQLAlchemy URL."""
        r = self._as_postgres(str(PG_BIN / "createdb"), "-h", "127.0.0.1", "-p",
                              str(self.port), "-U", "postgres", name)
        if r.returncode:
            raise RuntimeError(r.stderr.decode())
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{name}"

    def stop(self) -> None:
        if self.started:
            self._as_postgres(str(PG_BIN / "pg_ctl"), "-D", str(self.dir / "data"), "-m",
                              "fast", "stop")
            self.started = False
        shutil.rmtree(self.dir, ignore_errors=True)
