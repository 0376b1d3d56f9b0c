"""A local stand-in for an ntfy server (none installs here from the package registries)."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Push:
    path: str
    headers: dict[str, str]
    body: bytes


@dataclass
class PushServer:
    """Records every POST; answers 200 like ntfy does."""

    pushes: list[Push] = field(default_factory=list)
    server: Any = None

    def start(self) -> PushServer:
        log = self.pushes

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                size = int(self.headers.get("Content-Length") or 0)
                log.append(Push(self.path, dict(self.headers.items()), self.rfile.read(size)))
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.end_headers()
                self.wfile.write(b'{"id":"x","event":"message"}')

            def log_message(self, *_args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
