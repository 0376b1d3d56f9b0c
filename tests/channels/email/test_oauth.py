"""OAuth2 sign-in against a real authorization server (Authlib) over TLS on loopback."""

from __future__ import annotations

import threading
import urllib.parse

import pytest
import requests

from supportdesk.channels.email import oauth
from supportdesk.channels.email.oauth import OAuthError, OAuthProvider
from tests.servers.oauth import PUBLIC_CLIENT, SCOPES, OAuthTestServer


def provider_for(server: OAuthTestServer) -> OAuthProvider:
    """A generic provider pointing at the test server."""
    return OAuthProvider(
        key="generic",
        name="Test provider",
        authorization_endpoint=server.authorization_endpoint,
        token_endpoint=server.token_endpoint,
        device_endpoint=server.device_endpoint,
        scopes=SCOPES,
        client_id=PUBLIC_CLIENT,
    )


class Browser:
    """Follows the authorization address as a browser would: provider page, then the redirect."""

    def __init__(self, server: OAuthTestServer) -> None:
        self.server = server
        self.opened: list[str] = []
        self.final_status: int | None = None

    def __call__(self, url: str) -> None:
        self.opened.append(url)
        threading.Thread(target=self._follow, args=(url,), daemon=True).start()

    def _follow(self, url: str) -> None:
        try:
            answer = requests.get(
                url, verify=str(self.server.tls.ca_cert), allow_redirects=False, timeout=10
            )
        except requests.ConnectionError:
            self.final_status = -2  # the provider's page did not load
            return
        location = answer.headers.get("Location")
        if answer.status_code in (301, 302, 303, 307) and location:
            try:
                self.final_status = requests.get(location, timeout=10).status_code
            except requests.ConnectionError:
                self.final_status = -1  # nobody listens where the provider sent us


def test_browser_sign_in_with_pkce(oauth_server: OAuthTestServer) -> None:
    oauth_server.signed_in_user = "alice"
    browser = Browser(oauth_server)
    tokens = oauth.sign_in_browser(
        provider_for(oauth_server), browser, cafile=str(oauth_server.tls.ca_cert), timeout=20
    )
    query = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(browser.opened[0]).query))
    assert query["code_challenge_method"] == "S256"
    assert query["redirect_uri"].startswith("http://127.0.0.1:")
    assert "code_verifier" not in query
    assert tokens.refresh_token and tokens.access_token
    assert not tokens.expiring()
    info = oauth_server.introspect(tokens.access_token)
    assert info["active"] is True and info["username"] == "alice"
    assert browser.final_status == 200


def test_refresh_rotates_and_revoked_refresh_token_says_sign_in_again(
    oauth_server: OAuthTestServer,
) -> None:
    oauth_server.signed_in_user = "bob"
    provider = provider_for(oauth_server)
    cafile = str(oauth_server.tls.ca_cert)
    tokens = oauth.sign_in_browser(provider, Browser(oauth_server), cafile=cafile, timeout=20)
    fresh = oauth.refresh(provider, tokens, cafile=cafile)
    assert fresh.access_token != tokens.access_token
    assert fresh.refresh_token and fresh.refresh_token != tokens.refresh_token
    assert oauth_server.introspect(fresh.access_token)["active"] is True
    oauth_server.revoke_user("bob")
    with pytest.raises(OAuthError) as caught:
        oauth.refresh(provider, fresh, cafile=cafile)
    assert caught.value.kind == "revoked" and caught.value.needs_sign_in
    assert "Sign in again" in caught.value.user_message


def test_device_code_flow(oauth_server: OAuthTestServer) -> None:
    provider = provider_for(oauth_server)
    cafile = str(oauth_server.tls.ca_cert)
    device = oauth.start_device(provider, cafile=cafile)
    assert device.verification_uri.endswith("/activate") and device.user_code
    polls: list[float] = []

    def sleep(seconds: float) -> None:
        polls.append(seconds)
        if len(polls) == 2:  # the rep types the code on their phone meanwhile
            oauth_server.approve(device.user_code, "carol")

    tokens = oauth.poll_device(provider, device, cafile=cafile, sleep=sleep)
    assert len(polls) == 2
    assert oauth_server.introspect(tokens.access_token)["username"] == "carol"


def test_device_code_denied(oauth_server: OAuthTestServer) -> None:
    provider = provider_for(oauth_server)
    cafile = str(oauth_server.tls.ca_cert)
    device = oauth.start_device(provider, cafile=cafile)
    oauth_server.approve(device.user_code, "dave", allow=False)
    with pytest.raises(OAuthError, match="declined"):
        oauth.poll_device(provider, device, cafile=cafile, sleep=lambda s: None)


def test_server_down_is_a_clear_message(oauth_server: OAuthTestServer) -> None:
    provider = provider_for(oauth_server)
    oauth_server.stop()
    with pytest.raises(OAuthError) as caught:
        oauth.start_device(provider, cafile=str(oauth_server.tls.ca_cert))
    assert caught.value.kind == "unreachable"
    assert "could not be reached" in caught.value.user_message


def test_untrusted_certificate_sends_nothing(oauth_server: OAuthTestServer) -> None:
    with pytest.raises(OAuthError, match="could not be verified"):
        oauth.start_device(provider_for(oauth_server))  # system CAs do not know the test CA


def test_error_answer_wrong_state_and_other_port(oauth_server: OAuthTestServer) -> None:
    provider = provider_for(oauth_server)
    cafile = str(oauth_server.tls.ca_cert)
    # Nobody signed in at the provider and the code was made up: the token
    # endpoint answers with an OAuth error.
    with pytest.raises(OAuthError) as caught:
        oauth.exchange_code(
            provider, "made-up", oauth.Pkce.make(), "http://127.0.0.1:1/oauth2/callback",
            cafile=cafile,
        )  # fmt: skip
    assert caught.value.kind == "refused" and "invalid_grant" in caught.value.user_message

    # A redirect carrying another sign-in's state is ignored.
    with oauth.LoopbackRedirect() as loop:
        requests.get(f"{loop.redirect_uri}?code=abc&state=someone-else", timeout=10)
        with pytest.raises(OAuthError) as caught:
            loop.wait_for_code("mine", timeout=5)
    assert caught.value.kind == "state"

    # The provider sends the browser to another port: no answer ever comes.
    oauth_server.signed_in_user = "erin"
    oauth_server.redirect_port = 9  # discard port: nothing listens
    browser = Browser(oauth_server)
    with pytest.raises(OAuthError) as caught:
        oauth.sign_in_browser(provider, browser, cafile=cafile, timeout=3)
    assert caught.value.kind == "timeout" and "redirect address" in caught.value.user_message


def test_token_without_mail_scope_is_refused(oauth_server: OAuthTestServer) -> None:
    oauth_server.signed_in_user = "frank"
    oauth_server.grant_scope = "offline_access"
    with pytest.raises(OAuthError) as caught:
        oauth.sign_in_browser(
            provider_for(oauth_server), Browser(oauth_server),
            cafile=str(oauth_server.tls.ca_cert), timeout=20,
        )  # fmt: skip
    assert caught.value.kind == "scope" and "mail.imap" in caught.value.user_message


def test_settings_are_checked_before_anything_is_sent() -> None:
    with pytest.raises(OAuthError, match="No client id"):
        oauth.check_provider(oauth.google())
    insecure = oauth.with_client(oauth.microsoft(), "abc")
    insecure = OAuthProvider(**{**insecure.__dict__, "token_endpoint": "http://example.com/t"})
    with pytest.raises(OAuthError, match="not https"):
        oauth.check_provider(insecure)
    assert oauth.microsoft("id", tenant="contoso.example").token_endpoint == (
        "https://login.microsoftonline.com/contoso.example/oauth2/v2.0/token"
    )


def test_sasl_strings() -> None:
    assert oauth.xoauth2("a@b.c", "T") == b"user=a@b.c\x01auth=Bearer T\x01\x01"
    assert oauth.oauthbearer("a,b=c", "T", "h", 993) == (
        b"n,a=a=2Cb=3Dc,\x01host=h\x01port=993\x01auth=Bearer T\x01\x01"
    )




def test_microsoft_redirect_is_localhost_on_any_port() -> None:
    from supportdesk.services.mail.oauth import OAuthSettings

    provider = OAuthSettings.from_provider(oauth.microsoft("id")).provider_for()
    assert (provider.redirect_host, provider.redirect_path) == ("localhost", "/")
    google = OAuthSettings.from_provider(oauth.google("id")).provider_for()
    assert ("access_type", "offline") in google.extra
    with oauth.LoopbackRedirect("localhost", "/") as loop:
        assert loop.redirect_uri == f"http://localhost:{loop.port}/"
        url = oauth.authorization_url(provider, loop.redirect_uri, "st", oauth.Pkce.make())
        assert "redirect_uri=http%3A%2F%2Flocalhost%3A" in url
        requests.get(f"http://127.0.0.1:{loop.port}/?code=c0de&state=st", timeout=10)
        assert loop.wait_for_code("st", timeout=5) == "c0de"
