"""What the server refuses before it does any work: big bodies, bad JSON, hash floods.

``RequestGuard`` is an ASGI middleware in front of the app. It answers 413 (JSON)
when a body is larger than its route allows, before reading it (from
Content-Length) or as soon as a chunked body passes the cap; 401 for a protected
route without a bearer token, before reading the body; 422 for JSON that holds
NaN, Infinity, a number that overflows to infinity, a lone surrogate or a NUL
(PostgreSQL and the merge cannot store them); and a logged 500 for anything that
escapes the app. Every 4xx and 5xx it sends or sees is logged, without secrets.

``HashGate`` lets only a few argon2 checks run at once and queues a few more;
the rest get 429 at once, so a login flood cannot take the server's memory.
"""

from __future__ import annotations

import ipaddress
import json
import math
import threading
from collections.abc import Awaitable, Callable, Iterable, MutableMapping
from dataclasses import dataclass, field
from typing import Any

from supportdesk.server import logs

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

KIB = 1024
MIB = 1024 * KIB


@dataclass(frozen=True)
class Limits:
    """Body caps per route (bytes) and the argon2 pool's size."""

    login: int = 16 * KIB
    push: int = 32 * MIB
    blob: int = 64 * MIB + 64 * KIB
    other: int = 1 * MIB
    hash_workers: int = 2
    hash_queue: int = 8
    #: peers whose X-Forwarded-For is believed (``--trusted-proxy``)
    trusted_proxies: tuple[str, ...] = field(default_factory=tuple)

    def body_cap(self, method: str, path: str) -> int:
        """The largest body this route takes."""
        if path.startswith("/auth/"):
            return self.login
        if path == "/sync/push":
            return self.push
        if method == "PUT" and path.startswith("/blobs/"):
            return self.blob
        return self.other


#: routes that need a bearer token (everything but health, the docs and sign-in)
PUBLIC = ("/health", "/openapi.json", "/docs", "/redoc", "/auth/login", "/auth/refresh")


class BodyRefusedError(Exception):
    """A request refused before the app saw it."""

    def __init__(self, status: int, detail: str) -> None:
        super().__init__(detail)
        self.status = status
        self.detail = detail


def _bad_constant(name: str) -> Any:
    raise BodyRefusedError(422, f"JSON {name} is not a number SupportDesk accepts")


def _finite(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise BodyRefusedError(422, "a JSON number is too large")
    return value


def _check_strings(value: Any) -> None:
    """Refuse lone surrogates and NUL characters anywhere (keys too), without recursion."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            if "\x00" in item:
                raise BodyRefusedError(422, "a JSON string holds a NUL character")
            try:
                item.encode("utf-8")
            except UnicodeEncodeError:
                raise BodyRefusedError(422, "a JSON string holds a lone surrogate") from None
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)


def check_json(body: bytes) -> None:
    """Raise BodyRefusedError (422) for JSON the server must not take in."""
    try:
        parsed = json.loads(body, parse_constant=_bad_constant, parse_float=_finite)
    except BodyRefusedError:
        raise
    except (ValueError, RecursionError):
        return  # malformed JSON: FastAPI answers 422 with its own words
    _check_strings(parsed)


class RequestGuard:
    """The ASGI middleware described in the module docstring."""

    def __init__(self, app: ASGIApp, limits: Limits) -> None:
        self.app = app
        self.limits = limits

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        method, path = scope.get("method", "GET"), scope.get("path", "")
        headers = {k.decode("latin-1").lower(): v.decode("latin-1")
                   for k, v in scope.get("headers", [])}
        status = [0]

        async def watched_send(message: Message) -> None:
            if message["type"] == "http.response.start":
                status[0] = int(message["status"])
            await send(message)

        try:
            body = await self._admit(method, path, headers, receive)
        except BodyRefusedError as exc:
            await _answer(send, exc.status, exc.detail)
            _log(method, path, exc.status, exc.detail)
            return
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        try:
            await self.app(scope, replay, watched_send)
        except Exception as exc:
            _log(method, path, 500, f"{type(exc).__name__}", error=True)
            if status[0] == 0:
                await _answer(send, 500, "The server failed; the error is in its log.")
            return
        if status[0] >= 400:
            _log(method, path, status[0], "")

    async def _admit(self, method: str, path: str, headers: dict[str, str],
                     receive: Receive) -> bytes:
        cap = self.limits.body_cap(method, path)
        length = headers.get("content-length")
        if length is not None:
            if not length.isdigit():
                raise BodyRefusedError(400, "Content-Length is not a number.")
            if int(length) > cap:
                raise BodyRefusedError(413, f"The body is larger than this route takes "
                                            f"({cap:,} bytes).")
        if not path.startswith(PUBLIC) and not headers.get("authorization", "").lower(
                ).startswith("bearer "):
            raise BodyRefusedError(401, "Sign in first.")
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                break
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > cap:
                raise BodyRefusedError(413, f"The body is larger than this route takes "
                                            f"({cap:,} bytes).")
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        if body and headers.get("content-type", "").startswith("application/json"):
            check_json(body)
        return body


async def _answer(send: Send, status: int, detail: str) -> None:
    payload = json.dumps({"detail": detail}).encode()
    headers = [(b"content-type", b"application/json"),
               (b"content-length", str(len(payload)).encode())]
    if status == 401:
        headers.append((b"www-authenticate", b"Bearer"))
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": payload})


def _log(method: str, path: str, status: int, reason: str, *, error: bool = False) -> None:
    level = 40 if error or status >= 500 else 30  # logging.ERROR / WARNING
    logs.event("refused" if status < 500 else "server_error", level, method=method,
               path=path, status=status, reason=reason)


class HashGate:
    """At most ``workers`` argon2 checks at once and ``queue`` waiting; the rest are refused."""

    def __init__(self, workers: int, queue: int) -> None:
        self._run = threading.BoundedSemaphore(workers)
        self._admitted = threading.BoundedSemaphore(workers + queue)

    def __enter__(self) -> HashGate:
        if not self._admitted.acquire(blocking=False):
            raise BodyRefusedError(429, "The server is busy checking sign-ins; try again soon.")
        self._run.acquire()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._run.release()
        self._admitted.release()


def client_address(peer: str, forwarded_for: str | None, trusted: Iterable[str]) -> str:
    """The client's address: the peer, or what a trusted proxy says it forwarded.

    The rightmost address in X-Forwarded-For that is not itself a trusted proxy is the
    client; a header from any other peer is ignored.
    """
    nets = []
    for item in trusted:
        try:
            nets.append(ipaddress.ip_network(item, strict=False))
        except ValueError:
            continue

    def is_trusted(address: str) -> bool:
        try:
            ip = ipaddress.ip_address(address)
        except ValueError:
            return False
        return any(ip in net for net in nets)

    if not forwarded_for or not is_trusted(peer):
        return peer
    hops = [h.strip() for h in forwarded_for.split(",") if h.strip()]
    for hop in reversed(hops):
        if not is_trusted(hop):
            return hop
    return hops[0] if hops else peer
