"""A real OAuth2 authorization server (Authlib on Flask) over TLS on loopback, for tests.

It issues tokens with the authorization-code grant (PKCE required), the
device-code grant (RFC 8628) and refresh tokens (rotated), and answers token
introspection (RFC 7662) for Dovecot's ``oauth2`` passdb and the test SMTP
server. The "browser" side is driven by the test: `signed_in_user` is who is
signed in at the provider and consents; `approve` confirms a device code.
"""

from __future__ import annotations

import json
import secrets
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from typing import Any

from tests.servers.dovecot import free_port
from tests.servers.tlsca import TlsFiles

INSTALL_HINT = "install the test dependencies: `pip install authlib flask` (pinned in lock.txt)"
PUBLIC_CLIENT = "supportdesk-test-app"
RESOURCE_CLIENT = "mail-servers"
SCOPES = ("mail.imap", "mail.smtp", "offline_access")
REDIRECT_PATH = "/oauth2/callback"


def oauth_server_problem() -> str | None:
    """Why the test authorization server cannot run here, or None."""
    try:
        import authlib  # noqa: F401
        import flask  # noqa: F401
    except ImportError:
        return f"AUTHLIB/FLASK ARE NOT INSTALLED, so the OAuth2 tests cannot run: {INSTALL_HINT}"
    return None


@dataclass
class Token:
    """An issued token pair."""

    client_id: str
    user: str
    scope: str
    access_token: str
    refresh_token: str | None
    issued_at: float
    expires_in: int
    revoked: bool = False

    # TokenMixin
    def check_client(self, client: Any) -> bool:
        return bool(client.get_client_id() == self.client_id)

    def get_scope(self) -> str:
        return self.scope

    def get_expires_in(self) -> int:
        return self.expires_in

    def is_expired(self) -> bool:
        return time.time() >= self.issued_at + self.expires_in

    def is_revoked(self) -> bool:
        return self.revoked

    def get_user(self) -> str:
        return self.user


@dataclass
class Code:
    """An authorization code with its PKCE challenge."""

    code: str
    client_id: str
    user: str
    redirect_uri: str
    scope: str
    code_challenge: str | None
    code_challenge_method: str | None
    created: float = field(default_factory=time.time)

    def get_redirect_uri(self) -> str:
        return self.redirect_uri

    def get_scope(self) -> str:
        return self.scope

    def get_auth_time(self) -> int:
        return int(self.created)

    def get_nonce(self) -> None:
        return None

    def get_acr(self) -> None:
        return None

    def get_amr(self) -> None:
        return None


class OAuthTestServer:
    """Authlib's authorization server with in-memory clients, codes and tokens."""

    def __init__(self, tls: TlsFiles) -> None:
        self.tls = tls
        self.port = free_port()
        self.base = f"https://127.0.0.1:{self.port}"
        self.resource_secret = secrets.token_urlsafe(16)
        self.signed_in_user: str | None = None
        self.access_lifetime = 3600
        #: when set, tokens are issued with this scope instead of the one asked for
        self.grant_scope: str | None = None
        #: when set, the browser is sent to this port instead of the one asked for
        self.redirect_port: int | None = None
        self.tokens: list[Token] = []
        self.codes: dict[str, Code] = {}
        self.devices: dict[str, Any] = {}
        self.device_grants: dict[str, tuple[str, bool]] = {}
        self.introspections = 0
        self.lock = threading.RLock()
        self._server: Any = None
        self._thread: threading.Thread | None = None

    # -- what a test uses --------------------------------------------------------------------

    @property
    def authorization_endpoint(self) -> str:
        return f"{self.base}/authorize"

    @property
    def token_endpoint(self) -> str:
        return f"{self.base}/token"

    @property
    def device_endpoint(self) -> str:
        return f"{self.base}/device"

    @property
    def introspection_url(self) -> str:
        return f"{self.base}/introspect"

    def approve(self, user_code: str, user: str, allow: bool = True) -> None:
        """The rep typed the code at the verification page and allowed (or denied) access."""
        with self.lock:
            self.device_grants[user_code] = (user, allow)

    def revoke_user(self, user: str) -> None:
        """Revoke every token of `user`, as an administrator or a password change would."""
        with self.lock:
            for token in self.tokens:
                if token.user == user:
                    token.revoked = True

    def expire_access_tokens(self, user: str) -> None:
        """Make every access token of `user` expired now (refresh tokens stay valid)."""
        with self.lock:
            for token in self.tokens:
                if token.user == user:
                    token.expires_in = 0

    def introspect(self, access_token: str) -> dict[str, Any]:
        """What the introspection endpoint says about a token (for the SMTP test server)."""
        import requests

        response = requests.post(
            self.introspection_url,
            data={"token": access_token},
            auth=(RESOURCE_CLIENT, self.resource_secret),
            verify=str(self.tls.ca_cert),
            timeout=10,
        )
        result: dict[str, Any] = response.json()
        return result

    # -- the Authlib server ------------------------------------------------------------------

    def _app(self) -> Any:
        from authlib.integrations.flask_oauth2 import AuthorizationServer
        from authlib.oauth2.rfc6749 import ClientMixin, OAuth2Error, grants
        from authlib.oauth2.rfc6750 import BearerTokenGenerator
        from authlib.oauth2.rfc7636 import CodeChallenge
        from authlib.oauth2.rfc7662 import IntrospectionEndpoint
        from authlib.oauth2.rfc8628 import (
            DEVICE_CODE_GRANT_TYPE,
            DeviceAuthorizationEndpoint,
            DeviceCodeGrant,
            DeviceCredentialDict,
        )
        from flask import Flask, redirect, request

        outer = self

        class Client(ClientMixin):  # type: ignore[misc]
            def __init__(self, client_id: str, secret: str | None, grants_: set[str]) -> None:
                self.client_id, self.secret, self.grants = client_id, secret, grants_

            def get_client_id(self) -> str:
                return self.client_id

            def get_default_redirect_uri(self) -> None:
                return None

            def get_allowed_scope(self, scope: str) -> str:
                return " ".join(s for s in (scope or "").split() if s in SCOPES)

            def check_redirect_uri(self, redirect_uri: str) -> bool:
                parts = urllib.parse.urlsplit(redirect_uri)  # RFC 8252: any loopback port
                return parts.scheme == "http" and parts.hostname == "127.0.0.1" and (
                    parts.path == REDIRECT_PATH
                )

            def check_client_secret(self, client_secret: str) -> bool:
                return self.secret is not None and secrets.compare_digest(
                    client_secret, self.secret
                )

            def check_endpoint_auth_method(self, method: str, endpoint: str) -> bool:
                return method == ("none" if self.secret is None else "client_secret_basic")

            def check_response_type(self, response_type: str) -> bool:
                return response_type == "code" and self.secret is None

            def check_grant_type(self, grant_type: str) -> bool:
                return grant_type in self.grants

        clients = {
            PUBLIC_CLIENT: Client(
                PUBLIC_CLIENT, None,
                {"authorization_code", "refresh_token", DEVICE_CODE_GRANT_TYPE},
            ),
            RESOURCE_CLIENT: Client(RESOURCE_CLIENT, self.resource_secret, set()),
        }  # fmt: skip

        def find_token(value: str, field_name: str) -> Token | None:
            with outer.lock:
                for token in outer.tokens:
                    if getattr(token, field_name) == value:
                        return token
            return None

        def save_token(data: dict[str, Any], req: Any) -> None:
            with outer.lock:
                outer.tokens.append(
                    Token(
                        client_id=req.client.get_client_id(),
                        user=req.user,
                        scope=data.get("scope", ""),
                        access_token=data["access_token"],
                        refresh_token=data.get("refresh_token"),
                        issued_at=time.time(),
                        expires_in=int(data["expires_in"]),
                    )
                )

        class AuthCode(grants.AuthorizationCodeGrant):  # type: ignore[misc]
            TOKEN_ENDPOINT_AUTH_METHODS = ("none",)

            def save_authorization_code(self, code: str, req: Any) -> None:
                with outer.lock:
                    outer.codes[code] = Code(
                        code, req.client.get_client_id(), req.user,
                        req.payload.redirect_uri, req.payload.scope,
                        req.payload.data.get("code_challenge"),
                        req.payload.data.get("code_challenge_method"),
                    )  # fmt: skip

            def query_authorization_code(self, code: str, client: Any) -> Code | None:
                with outer.lock:
                    found = outer.codes.get(code)
                if found and found.client_id == client.get_client_id():
                    return found
                return None

            def delete_authorization_code(self, code: Code) -> None:
                with outer.lock:
                    outer.codes.pop(code.code, None)

            def authenticate_user(self, code: Code) -> str:
                return code.user

        class Refresh(grants.RefreshTokenGrant):  # type: ignore[misc]
            TOKEN_ENDPOINT_AUTH_METHODS = ("none",)
            INCLUDE_NEW_REFRESH_TOKEN = True

            def authenticate_refresh_token(self, refresh_token: str) -> Token | None:
                token = find_token(refresh_token, "refresh_token")
                return token if token and not token.revoked else None

            def authenticate_user(self, token: Token) -> str:
                return token.user

            def revoke_old_credential(self, token: Token) -> None:
                with outer.lock:
                    token.revoked = True

        class DeviceGrant(DeviceCodeGrant):  # type: ignore[misc]
            TOKEN_ENDPOINT_AUTH_METHODS = ("none",)

            def query_device_credential(self, device_code: str) -> Any:
                with outer.lock:
                    return outer.devices.get(device_code)

            def query_user_grant(self, user_code: str) -> tuple[str, bool] | None:
                with outer.lock:
                    return outer.device_grants.get(user_code)

            def should_slow_down(self, credential: Any) -> bool:
                return False

        class DeviceEndpoint(DeviceAuthorizationEndpoint):  # type: ignore[misc]
            CLIENT_AUTH_METHODS = ("none",)
            INTERVAL = 1

            def get_verification_uri(self) -> str:
                return f"{outer.base}/activate"

            def save_device_credential(self, client_id: str, scope: str, data: Any) -> None:
                credential = DeviceCredentialDict(
                    client_id=client_id, scope=scope, expires_at=time.time() + 600, **data
                )
                with outer.lock:
                    outer.devices[data["device_code"]] = credential

        class Introspect(IntrospectionEndpoint):  # type: ignore[misc]
            CLIENT_AUTH_METHODS = ("client_secret_basic",)

            def query_token(self, token_string: str, hint: str | None) -> Token | None:
                with outer.lock:
                    outer.introspections += 1
                return find_token(token_string, "access_token")

            def check_permission(self, token: Token, client: Any, req: Any) -> bool:
                return bool(client.get_client_id() == RESOURCE_CLIENT)

            def introspect_token(self, token: Token) -> dict[str, Any]:
                return {
                    "active": True,
                    "client_id": token.client_id,
                    "token_type": "Bearer",
                    "username": token.user,
                    "scope": token.scope,
                    "exp": int(token.issued_at + token.expires_in),
                    "iat": int(token.issued_at),
                }

        app = Flask("supportdesk-test-oauth")
        server = AuthorizationServer(
            app, query_client=lambda cid: clients.get(cid), save_token=save_token
        )

        def expires(client: Any, grant_type: str) -> int:
            return outer.access_lifetime

        generator = BearerTokenGenerator(
            access_token_generator=lambda **kw: secrets.token_urlsafe(32),
            refresh_token_generator=lambda **kw: secrets.token_urlsafe(32),
            expires_generator=expires,
        )
        server.register_token_generator("default", generator)
        server.register_grant(AuthCode, [CodeChallenge(required=True)])
        server.register_grant(Refresh)
        server.register_grant(DeviceGrant)
        server.register_endpoint(DeviceEndpoint)
        server.register_endpoint(Introspect)

        @app.get("/authorize")
        def authorize() -> Any:
            user = outer.signed_in_user
            if user is None:
                return "not signed in", 401
            try:
                grant = server.get_consent_grant(end_user=user)
            except OAuth2Error as error:
                return server.handle_error_response(None, error)
            response = server.create_authorization_response(grant=grant, grant_user=user)
            location = response.headers.get("Location", "")
            if outer.redirect_port is not None and location:
                parts = urllib.parse.urlsplit(location)
                moved = parts._replace(netloc=f"127.0.0.1:{outer.redirect_port}")
                return redirect(urllib.parse.urlunsplit(moved))
            return response

        @app.post("/token")
        def token() -> Any:
            if outer.grant_scope is not None:
                # Issue what the token endpoint decides, then narrow the scope as a
                # provider does when the user unticked a permission.
                response = server.create_token_response()
                data = response.get_json(silent=True) or {}
                if "access_token" in data:
                    found = find_token(data["access_token"], "access_token")
                    if found is not None:
                        found.scope = outer.grant_scope
                    data["scope"] = outer.grant_scope
                    response.set_data(json.dumps(data))
                return response
            return server.create_token_response()

        @app.post("/device")
        def device() -> Any:
            return server.create_endpoint_response(DeviceEndpoint.ENDPOINT_NAME)

        @app.post("/introspect")
        def introspect() -> Any:
            return server.create_endpoint_response(Introspect.ENDPOINT_NAME)

        @app.get("/activate")
        def activate() -> Any:
            code = request.args.get("user_code", "")
            return f"enter code {code}", 200

        return app

    # -- lifecycle ---------------------------------------------------------------------------

    def start(self) -> None:
        """Serve over TLS on 127.0.0.1:`port` in a thread."""
        from werkzeug.serving import make_server

        self._server = make_server(
            "127.0.0.1", self.port, self._app(), threaded=True,
            ssl_context=self.tls.server_context(),
        )  # fmt: skip
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """Stop serving (the port then refuses connections)."""
        server, self._server = self._server, None
        if server is not None:
            server.shutdown()
            server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=10)
