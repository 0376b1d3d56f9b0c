"""How the sync client reaches the server: HTTP(S) with verified certificates, and
what an answer's status means for the rep."""

from __future__ import annotations

import ipaddress
from collections.abc import Mapping
from contextlib import suppress
from dataclasses import dataclass, field
from typing import Protocol
from urllib.parse import urlsplit

import requests

from supportdesk.sync.protocol import ProtocolError, loads

TIMEOUT_S = 60.0


class SyncError(Exception):
    """A sync could not finish; the message says why and what to do."""


class ServerUnreachableError(SyncError):
    """The server did not answer (offline, wrong address, down)."""


@dataclass(frozen=True)
class HttpResponse:
    """What a transport got back."""

    status: int
    body: bytes
    headers: Mapping[str, str] = field(default_factory=dict)


class Transport(Protocol):
    """How requests reach the server (requests in the app; in-process in tests)."""

    def request(
        self, method: str, url: str, *, headers: dict[str, str], body: bytes | None = None,
    ) -> HttpResponse:
        """Send one request.

        Raises:
            ServerUnreachableError: no answer.
        """
        ...


class RequestsTransport:
    """HTTP(S) through ``requests``, certificates always verified.

    ``ca_file`` trusts one more certificate authority (a team's own); it never
    turns verification off.
    """

    def __init__(self, ca_file: str | None = None, timeout: float = TIMEOUT_S) -> None:
        self.session = requests.Session()
        self.session.headers["User-Agent"] = "SupportDesk"
        self.session.headers["Accept-Encoding"] = "gzip"
        self.verify: str | bool = ca_file or True
        self.timeout = timeout
        self.sent = 0
        self.received = 0

    def request(
        self, method: str, url: str, *, headers: dict[str, str], body: bytes | None = None,
    ) -> HttpResponse:
        if body is not None and "Content-Type" not in headers:
            headers = {**headers, "Content-Type": "application/json"}
        try:
            resp = self.session.request(
                method, url, headers=headers, data=body, timeout=self.timeout, verify=self.verify
            )
        except requests.exceptions.SSLError as exc:
            raise ServerUnreachableError(
                f"The server's certificate could not be verified ({exc}). Nothing was sent."
            ) from exc
        except requests.RequestException as exc:
            raise ServerUnreachableError(
                f"The server at {_origin(url)} cannot be reached ({type(exc).__name__}). "
                "Your work is kept here and will sync when it answers."
            ) from exc
        self.sent += len(body or b"")
        self.received += len(resp.content)
        return HttpResponse(resp.status_code, resp.content, dict(resp.headers))

    def close(self) -> None:
        """Close pooled connections."""
        self.session.close()


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def check_server_url(url: str, *, insecure_http: bool = False) -> str:
    """A server URL in its canonical form.

    Plain ``http`` is allowed only to this computer (loopback); anything else
    must be ``https`` so the connection is encrypted and verified, unless the rep
    insists (``insecure_http``, the CLI's ``--insecure-http``: passwords and tokens
    then cross the network readable by anyone on the way).

    Raises:
        SyncError: the URL is not usable.
    """
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise SyncError(f"{url!r} is not a server address like https://sync.example.com")
    if parts.scheme == "http":
        host = parts.hostname
        loopback = host == "localhost"
        with suppress(ValueError):
            loopback = loopback or ipaddress.ip_address(host).is_loopback
        if not loopback and not insecure_http:
            raise SyncError(
                "The server address must start with https:// so that the connection is "
                "encrypted and the server's certificate is checked."
            )
    return f"{parts.scheme}://{parts.netloc}{parts.path.rstrip('/')}"


def error_detail(resp: HttpResponse, fallback: str) -> str:
    try:
        detail = loads(resp.body).get("detail")
    except (ProtocolError, AttributeError):
        detail = None
    return detail if isinstance(detail, str) else fallback


def check_status(resp: HttpResponse) -> None:
    if resp.status < 300:
        return
    if resp.status == 409:
        raise SyncError(error_detail(resp, "This SupportDesk and the server do not match; update."))
    if resp.status == 401:
        raise SyncError("The server refused this device's sign-in; sign in again.")
    if resp.status >= 500:
        raise ServerUnreachableError(
            f"The server had a problem (HTTP {resp.status}); your work is kept here. "
            "Try again later."
        )
    raise SyncError(error_detail(resp, f"The server refused the request (HTTP {resp.status})."))
