"""A real SMTP server (aiosmtpd) on a free loopback port, for tests.

Modes: 'starttls' (STARTTLS required before anything else, AUTH only after
TLS), 'tls' (implicit TLS from the first byte) and 'plain' (no TLS offered at
all: a client must refuse it). Every mode needs AUTH before MAIL.
Recipients starting with 'reject' get 550, 'busy' get 451.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Any, Literal

from tests.servers.dovecot import free_port
from tests.servers.tlsca import TlsFiles

INSTALL_HINT = "install it with `pip install aiosmtpd` (a test dependency)"
Mode = Literal["starttls", "tls", "plain"]


def smtpd_problem() -> str | None:
    """Why the test SMTP server cannot run here, or None."""
    try:
        import aiosmtpd  # noqa: F401
    except ImportError:
        return f"AIOSMTPD IS NOT INSTALLED, so the real-SMTP tests cannot run: {INSTALL_HINT}"
    return None


@dataclass(frozen=True)
class Received:
    """One message as the server accepted it."""

    mail_from: str
    rcpt_tos: list[str]
    content: bytes
    tls: bool
    login: str | None


@dataclass
class _Log:
    messages: list[Received] = field(default_factory=list)
    auth_attempts: list[str] = field(default_factory=list)
    mechanisms: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)


class _Handler:
    """aiosmtpd hooks: demand AUTH, refuse some recipients, keep every message."""

    def __init__(self, log: _Log) -> None:
        self.log = log

    async def handle_MAIL(
        self, server: Any, session: Any, envelope: Any, address: str, options: list[str]
    ) -> str:
        if not session.authenticated:
            return "530 5.7.0 Authentication required"
        envelope.mail_from = address
        envelope.mail_options.extend(options)
        return "250 OK"

    async def handle_RCPT(
        self, server: Any, session: Any, envelope: Any, address: str, options: list[str]
    ) -> str:
        if address.startswith("reject"):
            return "550 5.1.1 No such user here"
        if address.startswith("busy"):
            return "451 4.3.0 Mailbox busy, try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        login = session.auth_data.login.decode() if session.auth_data else None
        ssl_object = server.transport.get_extra_info("ssl_object") if server.transport else None
        with self.log.lock:
            self.log.messages.append(
                Received(
                    mail_from=envelope.mail_from,
                    rcpt_tos=list(envelope.rcpt_tos),
                    content=bytes(envelope.original_content or envelope.content),
                    tls=session.ssl is not None or ssl_object is not None,
                    login=login,
                )
            )
        return "250 2.0.0 Message accepted"


class _OAuthHandler(_Handler):
    """Also accepts SASL XOAUTH2 and OAUTHBEARER, checking the token by introspection."""

    def __init__(self, log: _Log, introspect: Any) -> None:
        super().__init__(log)
        self.introspect = introspect

    async def _check(self, server: Any, args: list[str], mechanism: str) -> Any:
        import asyncio
        import base64

        from aiosmtpd.smtp import AuthResult, LoginPassword

        if len(args) < 2:
            return AuthResult(success=False, handled=False)
        try:
            text = base64.b64decode(args[1], validate=True).decode()
        except ValueError:
            return AuthResult(success=False, handled=False)
        fields = dict(
            part.split("=", 1) for part in text.split("\x01") if "=" in part
        )
        user = fields.get("user", "")
        if mechanism == "OAUTHBEARER":
            gs2 = text.split("\x01", 1)[0]
            user = gs2.split("a=", 1)[1].rstrip(",") if "a=" in gs2 else ""
            user = user.replace("=2C", ",").replace("=3D", "=")
        token = fields.get("auth", "").removeprefix("Bearer ")
        with self.log.lock:
            self.log.auth_attempts.append(user)
        info = await asyncio.get_running_loop().run_in_executor(None, self.introspect, token)
        ok = bool(info.get("active")) and info.get("username") == user
        with self.log.lock:
            self.log.mechanisms.append(f"{mechanism} {'ok' if ok else 'refused'}")
        if ok:
            return AuthResult(success=True, auth_data=LoginPassword(user.encode(), b""))
        return AuthResult(success=False, handled=False)

    async def auth_XOAUTH2(self, server: Any, args: list[str]) -> Any:
        return await self._check(server, args, "XOAUTH2")


class _BearerHandler(_OAuthHandler):
    async def auth_OAUTHBEARER(self, server: Any, args: list[str]) -> Any:
        return await self._check(server, args, "OAUTHBEARER")


class SmtpServer:
    """An aiosmtpd server that a test can stop and start again on the same port."""

    def __init__(
        self,
        tls: TlsFiles | None,
        mode: Mode = "starttls",
        introspect: Any = None,
        oauthbearer: bool = False,
    ) -> None:
        """Args:
        introspect: when set, a function(token) -> RFC 7662 answer; XOAUTH2
            (and with `oauthbearer` also OAUTHBEARER) is offered and checked with it.
        """
        self.introspect = introspect
        self.oauthbearer = oauthbearer
        if mode != "plain" and tls is None:
            raise ValueError(f"mode {mode!r} needs TLS files")
        self.tls = tls
        self.mode = mode
        self.port = free_port()
        self.users: dict[str, str] = {}
        self._log = _Log()
        self._controller: Any = None

    @property
    def messages(self) -> list[Received]:
        """Messages accepted so far."""
        with self._log.lock:
            return list(self._log.messages)

    @property
    def mechanisms(self) -> list[str]:
        """OAuth2 SASL attempts as 'MECHANISM ok|refused'."""
        with self._log.lock:
            return list(self._log.mechanisms)

    @property
    def auth_attempts(self) -> list[str]:
        """User names that tried AUTH, whether or not it worked."""
        with self._log.lock:
            return list(self._log.auth_attempts)

    def add_user(self, name: str, password: str) -> None:
        """Accept `name`/`password` at AUTH."""
        self.users[name] = password

    def _authenticate(
        self, server: Any, session: Any, envelope: Any, mechanism: str, auth_data: Any
    ) -> Any:
        from aiosmtpd.smtp import AuthResult

        login = auth_data.login.decode(errors="replace")
        with self._log.lock:
            self._log.auth_attempts.append(login)
        ok = self.users.get(login) == auth_data.password.decode(errors="replace")
        # handled=False: let aiosmtpd send the 235/535 reply itself.
        return AuthResult(success=ok, handled=False, auth_data=auth_data if ok else None)

    def start(self) -> None:
        """Listen on 127.0.0.1:`port` (same port after a restart)."""
        from aiosmtpd.controller import Controller

        if self._controller is not None:
            return
        options: dict[str, Any] = {
            "hostname": "127.0.0.1",
            "port": self.port,
            "server_hostname": "localhost",
            "authenticator": self._authenticate,
            "ready_timeout": 10.0,
        }
        if self.mode == "starttls":
            assert self.tls is not None
            options |= {
                "tls_context": self.tls.server_context(),
                "require_starttls": True,
                "auth_required": True,
            }
        elif self.mode == "tls":
            assert self.tls is not None
            # Implicit TLS: aiosmtpd only counts STARTTLS as TLS, so allow AUTH
            # on this (already encrypted) connection; handle_MAIL still demands it.
            options |= {"ssl_context": self.tls.server_context(), "auth_require_tls": False}
        else:
            # No TLS at all, yet AUTH is offered: a client that sent its password
            # here would show up in `auth_attempts`.
            options["auth_require_tls"] = False
        handler: _Handler = _Handler(self._log)
        if self.introspect is not None:
            kind = _BearerHandler if self.oauthbearer else _OAuthHandler
            handler = kind(self._log, self.introspect)
        controller = Controller(handler, **options)
        controller.start()
        self._controller = controller

    def stop(self) -> None:
        """Stop listening; connections are refused until `start` is called."""
        controller, self._controller = self._controller, None
        if controller is not None:
            controller.stop()

    @property
    def running(self) -> bool:
        """True while the server listens."""
        return self._controller is not None
