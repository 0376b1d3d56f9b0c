"""OAuth2 sign-in for mailboxes: provider presets, PKCE loopback redirect, device code, refresh.

Blocking (requests); the app runs these in an executor. Nothing here touches
the store, the keyring or Qt: callers keep the tokens (services/mail/oauth.py
puts them in the keyring). Every HTTP call verifies TLS and every endpoint
must be https; only the loopback redirect that the browser comes back to is
plain http on 127.0.0.1 (RFC 8252, section 7.3).
"""

from __future__ import annotations

import base64
import hashlib
import http.server
import secrets
import threading
import time
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any, Literal

import requests

from supportdesk.channels.email.connection import server_text

ProviderKey = Literal["google", "microsoft", "generic"]
ErrorKind = Literal[
    "unreachable", "refused", "revoked", "state", "scope", "timeout", "cancelled", "settings",
    "pending",
]  # fmt: skip

DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code"
#: A token is refreshed when it has less than this many seconds left.
REFRESH_MARGIN = 120.0
_MAX_RESPONSE = 64 * 1024
#: Scopes a server may leave out of its answer without the mailbox losing anything.
_OPTIONAL_SCOPES = frozenset({"offline_access", "openid", "email", "profile"})


@dataclass(frozen=True)
class OAuthProvider:
    """Where a mailbox signs in and which mail servers the preset fills in.

    `client_id` (and for Google's desktop apps the not-really-secret
    `client_secret`) come from the app the shop registered with the provider.
    """

    key: ProviderKey
    name: str
    authorization_endpoint: str
    token_endpoint: str
    device_endpoint: str = ""
    scopes: tuple[str, ...] = ()
    client_id: str = ""
    client_secret: str = ""
    imap_host: str = ""
    imap_port: int = 993
    imap_security: str = "tls"
    smtp_host: str = ""
    smtp_port: int = 587
    smtp_security: str = "starttls"
    #: extra query parameters of the authorization request
    extra: tuple[tuple[str, str], ...] = field(default=())
    #: how the loopback redirect is written (the listener is always on 127.0.0.1):
    #: Entra matches a registered ``http://localhost`` on any port, Google takes 127.0.0.1
    redirect_host: str = "127.0.0.1"
    redirect_path: str = "/oauth2/callback"


def google(client_id: str = "", client_secret: str = "") -> OAuthProvider:
    """Google Workspace / Gmail: endpoints, the full-mail scope and Gmail's servers."""
    return OAuthProvider(
        key="google",
        name="Google",
        authorization_endpoint="https://accounts.google.com/o/oauth2/v2/auth",
        token_endpoint="https://oauth2.googleapis.com/token",  # noqa: S106 (an address)
        device_endpoint="https://oauth2.googleapis.com/device/code",
        scopes=("https://mail.google.com/",),
        client_id=client_id,
        client_secret=client_secret,
        imap_host="imap.gmail.com",
        imap_port=993,
        imap_security="tls",
        smtp_host="smtp.gmail.com",
        smtp_port=465,
        smtp_security="tls",
        # Ask for a refresh token every time, so a new sign-in always gets one.
        extra=(("access_type", "offline"), ("prompt", "consent")),
    )


def microsoft(client_id: str = "", tenant: str = "organizations") -> OAuthProvider:
    """Microsoft 365 / Exchange Online: the Entra endpoints for `tenant`, IMAP and SMTP scopes."""
    tenant = urllib.parse.quote(tenant.strip() or "organizations", safe="")
    base = f"https://login.microsoftonline.com/{tenant}/oauth2/v2.0"
    return OAuthProvider(
        key="microsoft",
        name="Microsoft",
        authorization_endpoint=f"{base}/authorize",
        token_endpoint=f"{base}/token",
        device_endpoint=f"{base}/devicecode",
        scopes=(
            "https://outlook.office.com/IMAP.AccessAsUser.All",
            "https://outlook.office.com/SMTP.Send",
            "offline_access",
        ),
        client_id=client_id,
        imap_host="outlook.office365.com",
        imap_port=993,
        imap_security="tls",
        smtp_host="smtp.office365.com",
        smtp_port=587,
        smtp_security="starttls",
        redirect_host="localhost",
        redirect_path="/",
    )


PRESETS: dict[str, Callable[[], OAuthProvider]] = {"google": google, "microsoft": microsoft}


class OAuthError(Exception):
    """A sign-in failure in words a rep can act on.

    Attributes:
        kind: 'unreachable' (server down), 'refused' (an error answer),
            'revoked' (the refresh token no longer works: sign in again),
            'state' (an answer that is not for this sign-in), 'scope'
            (consent missing), 'timeout', 'cancelled', 'settings', 'pending'.
        user_message: plain words for a dialog or the status bar.
    """

    def __init__(self, kind: ErrorKind, user_message: str, detail: str = "") -> None:
        super().__init__(user_message)
        self.kind: ErrorKind = kind
        self.user_message = user_message
        self.detail = detail

    @property
    def needs_sign_in(self) -> bool:
        """True when only a new interactive sign-in can fix it."""
        return self.kind in ("revoked", "scope")


@dataclass(frozen=True)
class TokenSet:
    """What a token endpoint gave: keep it in the keyring, never on disk."""

    access_token: str
    refresh_token: str
    expires_at: float
    scope: str = ""
    #: seconds the access token was issued for
    lifetime: float = 3600.0

    def expiring(self, now: float | None = None) -> bool:
        """True when the access token is within its renewal margin of expiring.

        The margin is two minutes, or a quarter of the lifetime for short-lived tokens.
        """
        margin = min(REFRESH_MARGIN, self.lifetime / 4)
        return (time.time() if now is None else now) >= self.expires_at - margin

    def to_dict(self) -> dict[str, Any]:
        """Plain values for JSON (the keyring entry)."""
        return {
            "access_token": self.access_token,
            "refresh_token": self.refresh_token,
            "expires_at": self.expires_at,
            "scope": self.scope,
            "lifetime": self.lifetime,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> TokenSet:
        """Read what `to_dict` wrote; raises ValueError on anything else."""
        try:
            return cls(
                str(data["access_token"]),
                str(data.get("refresh_token") or ""),
                float(data["expires_at"]),
                str(data.get("scope") or ""),
                float(data.get("lifetime", 3600.0)),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise ValueError("not a stored token") from exc


@dataclass(frozen=True)
class Pkce:
    """An RFC 7636 code verifier and its S256 challenge."""

    verifier: str
    challenge: str

    @classmethod
    def make(cls) -> Pkce:
        """A fresh verifier (43+ characters of base64url) and its challenge."""
        verifier = secrets.token_urlsafe(48)
        digest = hashlib.sha256(verifier.encode("ascii")).digest()
        return cls(verifier, base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii"))


def check_provider(provider: OAuthProvider, *, device: bool = False) -> None:
    """Raise OAuthError('settings') when the provider settings cannot work."""
    if not provider.client_id.strip():
        raise OAuthError(
            "settings",
            f"No client id is set for {provider.name}. Register an app with {provider.name} "
            "(the README says how) and enter its client id in the mailbox settings.",
        )
    urls = [provider.token_endpoint]
    urls.append(provider.device_endpoint if device else provider.authorization_endpoint)
    if device and not provider.device_endpoint:
        raise OAuthError(
            "settings",
            f"{provider.name} has no device-code endpoint set, so it cannot be signed in "
            "without a browser on this computer.",
        )
    for url in urls:
        if urllib.parse.urlsplit(url).scheme != "https":
            raise OAuthError(
                "settings",
                f"The sign-in address {server_text(url)} is not https. SupportDesk only "
                "signs in over an encrypted, verified connection.",
            )
    if not provider.scopes:
        raise OAuthError("settings", f"No scopes are set for {provider.name}.")


# -- token endpoint -------------------------------------------------------------------------


def _post(
    provider: OAuthProvider, url: str, data: dict[str, str], cafile: str | None, timeout: float
) -> tuple[int, dict[str, Any]]:
    """POST a form; return (status, JSON object). Raises OAuthError('unreachable')."""
    host = urllib.parse.urlsplit(url).hostname or url
    form = dict(data)
    auth: tuple[str, str] | None = None
    if provider.client_secret:
        auth = (provider.client_id, provider.client_secret)
    else:
        form["client_id"] = provider.client_id
    try:
        response = requests.post(
            url,
            data=form,
            auth=auth,
            headers={"Accept": "application/json"},
            timeout=timeout,
            verify=cafile or True,
            allow_redirects=False,
        )
    except requests.exceptions.SSLError as exc:
        raise OAuthError(
            "unreachable",
            f"The sign-in server {host} could not be verified as genuine (its certificate "
            "was not accepted). Nothing was sent.",
            detail=str(exc),
        ) from exc
    except requests.RequestException as exc:
        raise OAuthError(
            "unreachable",
            f"The sign-in server {host} could not be reached. Check that this computer is "
            "online and try again.",
            detail=f"{type(exc).__name__}: {exc}",
        ) from exc
    body = response.content[:_MAX_RESPONSE]
    try:
        payload = response.json() if len(response.content) <= _MAX_RESPONSE else None
    except ValueError:
        payload = None
    if not isinstance(payload, dict):
        raise OAuthError(
            "refused",
            f"The sign-in server {host} gave an answer SupportDesk does not understand "
            f"(HTTP {response.status_code}).",
            detail=server_text(body),
        )
    return response.status_code, payload


def _error_text(payload: dict[str, Any]) -> str:
    code = server_text(payload.get("error", "error"))
    text = server_text(payload.get("error_description", ""))
    return f"{code}: {text}" if text else code


def _tokens(
    provider: OAuthProvider,
    payload: dict[str, Any],
    old_refresh: str = "",
    now: float | None = None,
) -> TokenSet:
    """Check a token answer (type, scope) and turn it into a TokenSet."""
    access = payload.get("access_token")
    if not isinstance(access, str) or not access:
        raise OAuthError("refused", "The sign-in server answered without an access token.")
    kind = str(payload.get("token_type", "bearer")).lower()
    if kind != "bearer":
        raise OAuthError("refused", f"The sign-in server gave a token of type {server_text(kind)}.")
    granted = str(payload.get("scope") or " ".join(provider.scopes))
    missing = missing_scopes(provider.scopes, granted)
    if missing:
        raise OAuthError(
            "scope",
            f"{provider.name} did not grant access to mail ({', '.join(missing)} is missing). "
            "Sign in again and allow every permission SupportDesk asks for; in a company "
            "account an administrator may have to grant consent for the app first.",
        )
    refresh = payload.get("refresh_token") or old_refresh
    try:
        lifetime = float(payload.get("expires_in", 3600))
    except (TypeError, ValueError):
        lifetime = 3600.0
    started = time.time() if now is None else now
    lifetime = max(0.0, lifetime)
    return TokenSet(access, str(refresh), started + lifetime, granted, lifetime)


def missing_scopes(wanted: tuple[str, ...], granted: str) -> list[str]:
    """The scopes in `wanted` that `granted` lacks (optional ones like offline_access aside)."""
    have = {s.lower() for s in granted.split()}
    return [s for s in wanted if s.lower() not in have and s.lower() not in _OPTIONAL_SCOPES]


def exchange_code(
    provider: OAuthProvider,
    code: str,
    pkce: Pkce,
    redirect_uri: str,
    *,
    cafile: str | None = None,
    timeout: float = 30.0,
) -> TokenSet:
    """Trade an authorization code for tokens (with the PKCE verifier)."""
    status, payload = _post(
        provider,
        provider.token_endpoint,
        {
            "grant_type": "authorization_code",
            "code": code,
            "redirect_uri": redirect_uri,
            "code_verifier": pkce.verifier,
        },
        cafile,
        timeout,
    )
    if status != 200 or "error" in payload:
        raise OAuthError(
            "refused",
            f"{provider.name} refused the sign-in ({_error_text(payload)}). Nothing was stored; "
            "try again.",
        )
    tokens = _tokens(provider, payload)
    if not tokens.refresh_token:
        raise OAuthError(
            "refused",
            f"{provider.name} gave no refresh token, so the mailbox would stop working within "
            "the hour. Check that the app may stay signed in (offline access).",
        )
    return tokens


def refresh(
    provider: OAuthProvider, tokens: TokenSet, *, cafile: str | None = None, timeout: float = 30.0
) -> TokenSet:
    """Get a new access token with the refresh token.

    Raises:
        OAuthError: 'revoked' when the refresh token no longer works (the rep
            must sign in again), 'unreachable' or 'refused' otherwise.
    """
    if not tokens.refresh_token:
        raise OAuthError("revoked", f"{provider.name} sign-in has expired. Sign in again.")
    status, payload = _post(
        provider,
        provider.token_endpoint,
        {"grant_type": "refresh_token", "refresh_token": tokens.refresh_token},
        cafile,
        timeout,
    )
    if status != 200 or "error" in payload:
        if payload.get("error") in ("invalid_grant", "unauthorized_client", "invalid_client"):
            raise OAuthError(
                "revoked",
                f"{provider.name} no longer accepts this mailbox's sign-in "
                f"({_error_text(payload)}). Sign in again.",
            )
        raise OAuthError(
            "refused",
            f"{provider.name} could not renew the sign-in ({_error_text(payload)}). "
            "It will be tried again.",
        )
    return _tokens(provider, payload, old_refresh=tokens.refresh_token)


# -- loopback redirect with PKCE (RFC 8252 + RFC 7636) ---------------------------------------


_PAGE = (
    "<!doctype html><meta charset=utf-8><title>SupportDesk</title>"
    "<p>{}</p><p>You can close this tab and go back to SupportDesk.</p>"
)


@dataclass
class _Answer:
    query: dict[str, str] | None = None
    event: threading.Event = field(default_factory=threading.Event)


class LoopbackRedirect:
    """A one-shot http listener on 127.0.0.1 that receives the browser's redirect.

    Usage::

        with LoopbackRedirect() as loop:
            url = authorization_url(provider, loop.redirect_uri, state, pkce)
            open_browser(url)
            code = loop.wait_for_code(state, timeout=300)
    """

    PATH = "/oauth2/callback"

    def __init__(self, host_name: str = "127.0.0.1", path: str = PATH) -> None:
        """Args:
        host_name: how the redirect address names this computer (127.0.0.1
            or localhost); the listener is on 127.0.0.1 either way.
        path: the redirect address's path.
        """
        answer = _Answer()
        self._answer = answer
        path = path if path.startswith("/") else "/" + path

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                parts = urllib.parse.urlsplit(self.path)
                if parts.path != path or answer.event.is_set():
                    self.send_error(404)
                    return
                query = dict(urllib.parse.parse_qsl(parts.query, keep_blank_values=True))
                answer.query = query
                answer.event.set()
                ok = "code" in query and "error" not in query
                text = "Signed in." if ok else "The sign-in did not complete."
                body = _PAGE.format(text).encode("utf-8")
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: Any) -> None:
                return  # the query holds the code: never log it

        self._server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
        self._server.timeout = 0.2
        self.port = int(self._server.server_address[1])
        host = "localhost" if host_name == "localhost" else "127.0.0.1"
        self.redirect_uri = f"http://{host}:{self.port}{path}"
        self._thread = threading.Thread(target=self._serve, name="oauth-loopback", daemon=True)
        self._stop = threading.Event()

    def _serve(self) -> None:
        while not self._stop.is_set() and not self._answer.event.is_set():
            self._server.handle_request()

    def __enter__(self) -> LoopbackRedirect:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Stop listening."""
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout=2.0)
        self._server.server_close()

    def wait_for_code(
        self, state: str, timeout: float = 300.0, cancel: threading.Event | None = None
    ) -> str:
        """Wait for the redirect and return its code.

        Raises:
            OAuthError: 'timeout' (no answer came), 'cancelled', 'state' (an
                answer for another sign-in), 'refused' (the provider said no).
        """
        deadline = time.monotonic() + timeout
        while not self._answer.event.wait(0.2):
            if cancel is not None and cancel.is_set():
                raise OAuthError("cancelled", "The sign-in was cancelled. Nothing was stored.")
            if time.monotonic() > deadline:
                raise OAuthError(
                    "timeout",
                    "No answer came back from the sign-in page in time. If the browser showed "
                    "an error or went to another address, check the app registration's "
                    "redirect address (http://127.0.0.1, any port). Nothing was stored.",
                )
        query = self._answer.query or {}
        if not secrets.compare_digest(query.get("state", ""), state):
            raise OAuthError(
                "state",
                "The answer that came back does not belong to this sign-in (its state does not "
                "match), so it was ignored. Nothing was stored; start the sign-in again.",
            )
        if "error" in query:
            raise OAuthError(
                "refused",
                f"The sign-in was refused ({_error_text(query)}). Nothing was stored.",
            )
        code = query.get("code", "")
        if not code:
            raise OAuthError("refused", "The sign-in page answered without a code.")
        return code


def authorization_url(
    provider: OAuthProvider, redirect_uri: str, state: str, pkce: Pkce, login_hint: str = ""
) -> str:
    """The address to open in the browser (authorization code with PKCE S256)."""
    params = [
        ("response_type", "code"),
        ("client_id", provider.client_id),
        ("redirect_uri", redirect_uri),
        ("scope", " ".join(provider.scopes)),
        ("state", state),
        ("code_challenge", pkce.challenge),
        ("code_challenge_method", "S256"),
        *provider.extra,
    ]
    if login_hint:
        params.append(("login_hint", login_hint))
    sep = "&" if urllib.parse.urlsplit(provider.authorization_endpoint).query else "?"
    return provider.authorization_endpoint + sep + urllib.parse.urlencode(params)


def sign_in_browser(
    provider: OAuthProvider,
    open_url: Callable[[str], object],
    *,
    login_hint: str = "",
    cafile: str | None = None,
    timeout: float = 300.0,
    cancel: threading.Event | None = None,
) -> TokenSet:
    """The whole loopback + PKCE sign-in: open the browser, wait, trade the code.

    Args:
        open_url: opens the address in the system browser (``webbrowser.open``).
    """
    check_provider(provider)
    pkce = Pkce.make()
    state = secrets.token_urlsafe(24)
    with LoopbackRedirect(provider.redirect_host, provider.redirect_path) as loop:
        open_url(authorization_url(provider, loop.redirect_uri, state, pkce, login_hint))
        code = loop.wait_for_code(state, timeout, cancel)
        redirect_uri = loop.redirect_uri
    return exchange_code(provider, code, pkce, redirect_uri, cafile=cafile)


# -- device code (RFC 8628) ------------------------------------------------------------------


@dataclass(frozen=True)
class DeviceCode:
    """What to show the rep: go to `verification_uri` and type `user_code`."""

    device_code: str
    user_code: str
    verification_uri: str
    verification_uri_complete: str
    expires_at: float
    interval: float


def start_device(
    provider: OAuthProvider, *, cafile: str | None = None, timeout: float = 30.0
) -> DeviceCode:
    """Ask for a device code (the rep signs in on any other device)."""
    check_provider(provider, device=True)
    status, payload = _post(
        provider, provider.device_endpoint, {"scope": " ".join(provider.scopes)}, cafile, timeout
    )
    if status != 200 or "error" in payload:
        raise OAuthError(
            "refused", f"{provider.name} refused to start the sign-in ({_error_text(payload)})."
        )
    try:
        return DeviceCode(
            device_code=str(payload["device_code"]),
            user_code=str(payload["user_code"]),
            verification_uri=str(
                payload.get("verification_uri") or payload["verification_url"]
            ),
            verification_uri_complete=str(payload.get("verification_uri_complete", "")),
            expires_at=time.time() + float(payload.get("expires_in", 900)),
            interval=max(1.0, float(payload.get("interval", 5))),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise OAuthError(
            "refused", f"{provider.name} gave an incomplete device-code answer."
        ) from exc


def poll_device(
    provider: OAuthProvider,
    device: DeviceCode,
    *,
    cafile: str | None = None,
    cancel: threading.Event | None = None,
    sleep: Callable[[float], object] = time.sleep,
    timeout: float = 30.0,
) -> TokenSet:
    """Poll the token endpoint until the rep has signed in, refused, or the code expired."""
    interval = device.interval
    while True:
        if cancel is not None and cancel.is_set():
            raise OAuthError("cancelled", "The sign-in was cancelled. Nothing was stored.")
        if time.time() > device.expires_at:
            raise OAuthError(
                "timeout", "The sign-in code expired before it was used. Start again."
            )
        status, payload = _post(
            provider,
            provider.token_endpoint,
            {"grant_type": DEVICE_GRANT, "device_code": device.device_code},
            cafile,
            timeout,
        )
        error = payload.get("error")
        if status == 200 and not error:
            tokens = _tokens(provider, payload)
            if not tokens.refresh_token:
                raise OAuthError("refused", f"{provider.name} gave no refresh token.")
            return tokens
        if error == "authorization_pending":
            pass
        elif error == "slow_down":
            interval += 5.0
        elif error == "access_denied":
            raise OAuthError("refused", "The sign-in was declined. Nothing was stored.")
        elif error == "expired_token":
            raise OAuthError("timeout", "The sign-in code expired before it was used. Start again.")
        else:
            raise OAuthError(
                "refused", f"{provider.name} refused the sign-in ({_error_text(payload)})."
            )
        sleep(interval)


# -- SASL (RFC 7628 OAUTHBEARER, and Google's/Microsoft's XOAUTH2) ---------------------------


def xoauth2(user: str, token: str) -> bytes:
    """The XOAUTH2 initial response (before base64)."""
    return f"user={user}\x01auth=Bearer {token}\x01\x01".encode()


def oauthbearer(user: str, token: str, host: str, port: int) -> bytes:
    """The RFC 7628 OAUTHBEARER initial response (before base64)."""
    safe = user.replace("=", "=3D").replace(",", "=2C")
    return f"n,a={safe},\x01host={host}\x01port={port}\x01auth=Bearer {token}\x01\x01".encode()


def with_client(provider: OAuthProvider, client_id: str, client_secret: str = "") -> OAuthProvider:
    """The provider with the shop's own app registration filled in."""
    return replace(provider, client_id=client_id.strip(), client_secret=client_secret.strip())
