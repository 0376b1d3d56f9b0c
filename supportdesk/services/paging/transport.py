"""How pages travel: a mail through a team mailbox's SMTP server, a POST to an ntfy topic."""

from __future__ import annotations

import base64
from email.message import EmailMessage
from email.utils import formatdate

import requests

from supportdesk.channels.email.connection import MailboxConfig
from supportdesk.channels.email.smtp import send_mail

PUSH_TIMEOUT_S = 10.0


def _one_line(text: str) -> str:
    return " ".join(text.replace("\r", " ").replace("\n", " ").split())


class SmtpNtfyTransport:
    """Pages by mail through one mailbox's SMTP account, and by ntfy push (TLS verified)."""

    def __init__(self, cfg: MailboxConfig | None, password: str | None, ca_file: str | None = None):
        self.cfg = cfg
        self.password = password
        self.verify: str | bool = ca_file or True

    def send_mail(self, to: str, subject: str, body: str, message_id: str) -> None:
        """Mail a page; raises ``MailError`` when it could not be sent."""
        if self.cfg is None or self.password is None:
            raise RuntimeError("no mailbox to send pages from (add one, with its password)")
        msg = EmailMessage()
        msg["From"] = self.cfg.email_address
        msg["To"] = _one_line(to)
        msg["Subject"] = _one_line(subject)
        msg["Date"] = formatdate(localtime=False)
        msg["Message-ID"] = message_id
        msg["Auto-Submitted"] = "auto-generated"
        msg["X-Priority"] = "1"
        msg.set_content(body)
        send_mail(self.cfg, self.password, msg.as_bytes(), self.cfg.email_address, [to])

    def push(self, url: str, title: str, body: str, click: str) -> None:
        """POST a page to an ntfy topic URL; raises on a refusal or a network error."""
        title = _one_line(title)
        headers = {
            # One RFC 2047 word, unfolded: HTTP header values cannot continue on a new line.
            "Title": title if title.isascii() else
            "=?utf-8?b?" + base64.b64encode(title.encode("utf-8")).decode("ascii") + "?=",
            "Priority": "urgent",
            "Tags": "rotating_light",
        }
        if click:
            headers["Click"] = _one_line(click)
        resp = requests.post(url, data=body.encode("utf-8"), headers=headers,
                             timeout=PUSH_TIMEOUT_S, verify=self.verify)
        resp.raise_for_status()
