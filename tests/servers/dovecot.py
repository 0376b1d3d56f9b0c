"""A real Dovecot IMAP server from a temporary config, for tests.

Needs root (Dovecot switches to its own users) and `apt-get install -y
dovecot-imapd`. Listens on 127.0.0.1 only: an implicit-TLS port (`imaps_port`)
and a STARTTLS port (`imap_port`); plaintext login is refused on both.
"""

from __future__ import annotations

import contextlib
import os
import pwd
import secrets
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from tests.servers.tlsca import TlsFiles

INSTALL_HINT = "install it with `apt-get install -y dovecot-imapd` (as root)"
MAIL_UID_USER = "nobody"
DH_FILE = Path("/usr/share/dovecot/dh.pem")
DIR_PREFIX = "sd-dovecot-"

CONFIG = """\
protocols = imap
listen = 127.0.0.1
instance_name = {instance}
base_dir = {root}/run
state_dir = {root}/state
log_path = {root}/dovecot.log
info_log_path = {root}/dovecot.log
default_login_user = dovenull
default_internal_user = dovecot
ssl = required
ssl_cert = <{cert}
ssl_key = <{key}
{dh_line}
ssl_min_protocol = TLSv1.2
disable_plaintext_auth = yes
auth_mechanisms = {auth_mechanisms}
auth_failure_delay = 0
mail_location = maildir:~/Maildir
mailbox_idle_check_interval = 1 secs
first_valid_uid = 1
# One passwd-file per user: Dovecot rereads a changed file at most once a
# second, but opens a new per-user file at once.
passdb {{
  driver = passwd-file
  args = scheme=PLAIN {root}/users/%u
  mechanisms = plain login
}}
{oauth_passdb}
userdb {{
  driver = passwd-file
  args = {root}/users/%u
}}
service imap-login {{
  inet_listener imap {{
    address = 127.0.0.1
    port = {imap_port}
  }}
  inet_listener imaps {{
    address = 127.0.0.1
    port = {imaps_port}
    ssl = yes
  }}
}}
# No growing delay for an address after failed logins (tests fail logins on purpose).
service anvil {{
  unix_listener anvil-auth-penalty {{
    mode = 0
  }}
}}
protocol imap {{
  mail_max_userip_connections = 200
}}
namespace inbox {{
  inbox = yes
  separator = /
  mailbox "Sent Messages" {{
    special_use = \\Sent
  }}
  mailbox Drafts {{
    special_use = \\Drafts
  }}
}}
"""


OAUTH_PASSDB = """\
passdb {{
  driver = oauth2
  mechanisms = xoauth2 oauthbearer
  args = {root}/oauth2.conf.ext
}}
"""

# Dovecot asks the authorization server about each token (RFC 7662), signed in
# as the resource client with HTTP basic credentials in the URL.
OAUTH_CONF = """\
introspection_mode = post
introspection_url = {url}
username_attribute = username
active_attribute = active
active_value = true
tls_ca_cert_file = {ca}
"""


@dataclass(frozen=True)
class MailUser:
    """A mailbox user on the test server."""

    name: str
    password: str


def dovecot_problem() -> str | None:
    """Why a test Dovecot cannot run here, or None."""
    if shutil.which("dovecot") is None and not Path("/usr/sbin/dovecot").exists():
        return f"DOVECOT IS NOT INSTALLED, so the real-IMAP tests cannot run: {INSTALL_HINT}"
    if os.geteuid() != 0:
        return "the test Dovecot must be started as root (it switches to its own users)"
    for user in ("dovenull", "dovecot", MAIL_UID_USER):
        try:
            pwd.getpwnam(user)
        except KeyError:
            return f"system user {user!r} is missing; reinstall Dovecot: {INSTALL_HINT}"
    return None


def free_port() -> int:
    """A TCP port on 127.0.0.1 that was free a moment ago."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def reap_orphans() -> None:
    """Stop test Dovecots left by test runs that died without cleaning up.

    Only a Dovecot whose owner process is gone and whose command line names
    its own temporary config is stopped; then its folder is removed.
    """
    for root in Path(tempfile.gettempdir()).glob(f"{DIR_PREFIX}*"):
        owner = _read_pid(root / "owner.pid")
        if owner is not None and _alive(owner):
            continue
        master = _read_pid(root / "run" / "master.pid")
        if master is not None and _alive(master):
            cmdline = Path(f"/proc/{master}/cmdline")
            with contextlib.suppress(OSError):
                if str(root / "dovecot.conf").encode() in cmdline.read_bytes():
                    os.kill(master, signal.SIGTERM)
        shutil.rmtree(root, ignore_errors=True)


def _read_pid(path: Path) -> int | None:
    try:
        return int(path.read_text().strip())
    except (OSError, ValueError):
        return None


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _binary(name: str) -> str:
    return shutil.which(name) or f"/usr/bin/{name}"


class DovecotServer:
    """One Dovecot instance in its own temporary folder."""

    def __init__(self, tls: TlsFiles, introspection_url: str | None = None) -> None:
        """Args:
        introspection_url: when set, XOAUTH2 and OAUTHBEARER sign-ins are
            checked against this RFC 7662 endpoint (Dovecot's oauth2 passdb).
        """
        self.tls = tls
        self.introspection_url = introspection_url
        self.root = Path(tempfile.mkdtemp(prefix=DIR_PREFIX))
        self.root.chmod(0o755)  # the login and mail users must reach it
        self.imap_port = free_port()
        self.imaps_port = free_port()
        self.config = self.root / "dovecot.conf"
        self.users_dir = self.root / "users"
        self._process: subprocess.Popen[bytes] | None = None
        nobody = pwd.getpwnam(MAIL_UID_USER)
        self._uid, self._gid = nobody.pw_uid, nobody.pw_gid
        self.homes = self.root / "home"

    # -- lifecycle -------------------------------------------------------

    def start(self, timeout: float = 15.0) -> None:
        """Write the config, start Dovecot in the foreground and wait for its ports."""
        self.homes.mkdir()
        (self.root / "owner.pid").write_text(str(os.getpid()))
        self.users_dir.mkdir()
        dh_line = f"ssl_dh = <{DH_FILE}" if DH_FILE.exists() else ""
        mechanisms, oauth_passdb = "plain login", ""
        if self.introspection_url:
            ca = self.root / "oauth-ca.pem"
            shutil.copyfile(self.tls.ca_cert, ca)
            ca.chmod(0o644)
            conf = self.root / "oauth2.conf.ext"
            conf.write_text(OAUTH_CONF.format(url=self.introspection_url, ca=ca))
            conf.chmod(0o644)
            mechanisms = "plain login xoauth2 oauthbearer"
            oauth_passdb = OAUTH_PASSDB.format(root=self.root)
        self.config.write_text(
            CONFIG.format(
                instance=f"sdtest{os.getpid()}{secrets.token_hex(3)}",
                root=self.root,
                cert=self.tls.server_cert,
                key=self.tls.server_key,
                dh_line=dh_line,
                auth_mechanisms=mechanisms,
                oauth_passdb=oauth_passdb,
                imap_port=self.imap_port,
                imaps_port=self.imaps_port,
            )
        )
        with open(self.root / "stdout.log", "wb") as out:
            self._process = subprocess.Popen(
                [_binary("dovecot"), "-F", "-c", str(self.config)],
                stdout=out,
                stderr=subprocess.STDOUT,
            )
        deadline = time.monotonic() + timeout
        while not (self._accepts(self.imaps_port) and self._accepts(self.imap_port)):
            if self._process.poll() is not None:
                raise RuntimeError(f"Dovecot exited at start:\n{self.log_text()}")
            if time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"Dovecot did not listen in {timeout}s:\n{self.log_text()}")
            time.sleep(0.05)

    def stop(self) -> None:
        """Stop Dovecot (SIGTERM to the pid in master.pid) and wait for it."""
        process, self._process = self._process, None
        if process is None:
            return
        pid_file = self.root / "run" / "master.pid"
        pid = int(pid_file.read_text().strip()) if pid_file.exists() else process.pid
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)

    def cleanup(self) -> None:
        """Stop and delete the temporary folder."""
        self.stop()
        shutil.rmtree(self.root, ignore_errors=True)

    def log_text(self) -> str:
        """Dovecot's own log and its console output, for failure messages."""
        parts = []
        for name in ("dovecot.log", "stdout.log"):
            path = self.root / name
            if path.exists():
                parts.append(path.read_text(errors="replace"))
        return "\n".join(parts)

    @staticmethod
    def _accepts(port: int) -> bool:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return True
        except OSError:
            return False

    # -- users and mail ----------------------------------------------------

    def add_user(self, name: str | None = None, password: str | None = None) -> MailUser:
        """Create a user with an empty mailbox (Dovecot rereads the users file)."""
        user = MailUser(
            name or f"user{secrets.token_hex(4)}", password or secrets.token_urlsafe(12)
        )
        home = self.homes / user.name
        home.mkdir()
        os.chown(home, self._uid, self._gid)
        line = f"{user.name}:{{PLAIN}}{user.password}:{self._uid}:{self._gid}::{home}::\n"
        (self.users_dir / user.name).write_text(line)
        return user

    @contextlib.contextmanager
    def client(self, user: MailUser) -> Iterator[Any]:
        """A separate IMAPClient connection signed in as `user` (trusting the test CA)."""
        from imapclient import IMAPClient

        with IMAPClient(
            "127.0.0.1", self.imaps_port, ssl_context=self.tls.client_context(), timeout=10
        ) as client:
            client.login(user.name, user.password)
            yield client

    def append(
        self,
        user: MailUser,
        raw: bytes,
        folder: str = "INBOX",
        flags: Sequence[bytes] = (),
        when: datetime | None = None,
    ) -> None:
        """Deliver `raw` into `folder` over IMAP APPEND, like new mail arriving."""
        with self.client(user) as client:
            client.append(folder, raw, flags=tuple(flags), msg_time=when)

    def create_folder(self, user: MailUser, folder: str) -> None:
        """Create a folder for `user`."""
        with self.client(user) as client:
            client.create_folder(folder)

    def messages(self, user: MailUser, folder: str = "INBOX") -> list[tuple[bytes, set[bytes]]]:
        """Every message in `folder` as (raw, flags), in UID order."""
        with self.client(user) as client:
            client.select_folder(folder, readonly=True)
            uids = client.search(["ALL"])
            data = client.fetch(uids, ["BODY.PEEK[]", "FLAGS"]) if uids else {}
            return [(data[uid][b"BODY[]"], set(data[uid][b"FLAGS"])) for uid in sorted(data)]

    def folders(self, user: MailUser) -> dict[str, set[bytes]]:
        """The user's folders and their LIST flags."""
        with self.client(user) as client:
            return {name: set(flags) for flags, _, name in client.list_folders()}

    def uidvalidity(self, user: MailUser, folder: str = "INBOX") -> int:
        """The folder's current UIDVALIDITY."""
        with self.client(user) as client:
            status = client.folder_status(folder, [b"UIDVALIDITY"])
            return int(status[b"UIDVALIDITY"])

    def bump_uidvalidity(self, user: MailUser, folder: str = "INBOX") -> int:
        """Give `folder` a new UIDVALIDITY, as a server rebuild would; return it."""
        new = self.uidvalidity(user, folder) + 1000
        subprocess.run(
            [_binary("doveadm"), "-c", str(self.config), "mailbox", "update",
             "-u", user.name, "--uid-validity", str(new), folder],
            check=True,
            capture_output=True,
        )  # fmt: skip
        return new

    def kick(self, user: MailUser) -> None:
        """Disconnect every IMAP session of `user`, as a server restart would."""
        subprocess.run(
            [_binary("doveadm"), "-c", str(self.config), "kick", user.name],
            check=False,
            capture_output=True,
        )
