"""Write a reply, reply to all, forward or new mail; it is stored at once and sent when possible."""

from __future__ import annotations

import dataclasses
import mimetypes
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from supportdesk.channels.email.compose import OutgoingAttachment
from supportdesk.channels.email.parse import safe_filename
from supportdesk.services.mail.mailboxes import MailboxInfo
from supportdesk.services.mail.outgoing import Draft, parse_recipients
from supportdesk.ui.mail.richtext import RichBody
from supportdesk.ui.mail.view import size_text
from supportdesk.ui.plain import PlainLabel


def _t(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate: -tr-function-alias tr+=_t


MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024
#: Opens the canned-answer picker for the composer's body (Ctrl+Shift+K).
CANNED_KEYS = "Ctrl+Shift+K"


def mode_title(mode: str) -> str:
    """The composer's title for a way of writing."""
    return {
        "reply": _t("Reply"),
        "reply_all": _t("Reply to all"),
        "forward": _t("Forward"),
        "new": _t("New mail"),
    }.get(mode, mode)


def _split(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in text.replace(";", ",").split(",") if part.strip())


class ComposerDialog(QDialog):
    """The composer. ``send_requested(Draft)`` asks the controller to store and queue it.

    The dialog stays open until the controller calls ``done_sending`` (stored)
    or ``show_error`` (refused, with the reason). Other capabilities may hook
    in: ``enable_canned`` adds the "Canned answer…" button, ``send_guard``
    is asked before ``send_requested`` (the workflow refuses unfilled
    placeholders and asks about messages that arrived meanwhile), and
    ``set_notice`` shows a warning above the form (work not covered).
    """

    send_requested = Signal(object)

    def __init__(
        self, draft: Draft, mailboxes: list[MailboxInfo], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.draft = draft
        self.setWindowTitle(mode_title(draft.mode))
        self.setMinimumSize(640, 520)
        self.attachments: list[OutgoingAttachment] = list(draft.attachments)
        #: ``(draft) -> may it be sent?``; it shows its own reason when not
        self.send_guard: Callable[[Draft], bool] | None = None
        #: ``() -> may it close?`` asked on Cancel, Escape and closing (keep or discard a draft)
        self.close_guard: Callable[[], bool] | None = None
        self._canned_handler: Callable[[QPlainTextEdit | QTextEdit], object] | None = None
        self.notice = PlainLabel()
        self.notice.setObjectName("composerNotice")
        self.notice.setWordWrap(True)
        self.notice.hide()

        self.from_box = QComboBox()
        for box in mailboxes:
            shown = f"{box.display_name or box.name} <{box.address}>"
            self.from_box.addItem(shown, box.id)
        self.from_box.setCurrentIndex(max(0, self.from_box.findData(draft.mailbox_id)))
        self.to = QLineEdit(", ".join(draft.to))
        self.to.setPlaceholderText(_t("name@example.com, another@example.org"))
        self.cc = QLineEdit(", ".join(draft.cc))
        self.bcc = QLineEdit(", ".join(draft.bcc))
        self.subject = QLineEdit(draft.subject)
        self.body = RichBody(self)
        self.body.setPlainText(draft.body_text)
        self.body.setObjectName("mailBody")
        self.body.files_dropped.connect(self.add_files)
        self.setAcceptDrops(True)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(_t("From"), self.from_box)
        form.addRow(_t("To"), self.to)
        form.addRow(_t("Cc"), self.cc)
        if draft.mode == "new":
            form.addRow(_t("Bcc"), self.bcc)
        form.addRow(_t("Subject"), self.subject)

        self.files = QListWidget()
        self.files.setMaximumHeight(70)
        self.files.setVisible(bool(self.attachments))
        attach = QPushButton(_t("Attach files…"))
        attach.clicked.connect(self.choose_files)
        remove = QPushButton(_t("Remove file"))
        remove.clicked.connect(self.remove_file)
        self._remove_button = remove
        remove.setVisible(bool(self.attachments))
        self.canned_button = QPushButton(_t("Canned answer…"))
        self.canned_button.setObjectName("composerCanned")
        self.canned_button.setToolTip(
            _t("Insert a canned answer at the cursor ({0})").format(CANNED_KEYS))
        self.canned_button.clicked.connect(self.insert_canned)
        self.canned_button.hide()
        QShortcut(QKeySequence(CANNED_KEYS), self, self.insert_canned)
        self.error = PlainLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.error.hide()
        hint = PlainLabel(
            _t("Saved in the conversation when you press Send; it waits in the outbox "
               "until the mail server can be reached.")
        )  # fmt: skip
        hint.setObjectName("muted")
        hint.setWordWrap(True)
        self.send = QPushButton(_t("Send"))
        self.send.setDefault(True)
        self.send.setToolTip(_t("Send (Ctrl+Enter)"))
        self.send.clicked.connect(self.request_send)
        cancel = QPushButton(_t("Cancel"))
        cancel.clicked.connect(self.reject)
        QShortcut(QKeySequence("Ctrl+Return"), self, self.request_send)
        QShortcut(QKeySequence("Ctrl+Enter"), self, self.request_send)

        buttons = QHBoxLayout()
        buttons.addWidget(attach)
        buttons.addWidget(remove)
        buttons.addWidget(self.canned_button)
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.send)
        layout = QVBoxLayout(self)
        layout.addWidget(self.notice)
        layout.addLayout(form)
        layout.addWidget(self.body.format_bar())
        layout.addWidget(self.body, 1)
        layout.addWidget(self.files)
        layout.addWidget(self.error)
        layout.addWidget(hint)
        layout.addLayout(buttons)
        self._refresh_files()
        (self.body if draft.to else self.to).setFocus(Qt.FocusReason.OtherFocusReason)
        self.body.moveCursor(self.body.textCursor().MoveOperation.Start)

    # -- hooks ---------------------------------------------------------------------------

    def enable_canned(self, handler: Callable[[QPlainTextEdit | QTextEdit], object]) -> None:
        """Show "Canned answer…"; ``handler(body)`` lets the rep pick one for the cursor."""
        self._canned_handler = handler
        self.canned_button.show()

    def insert_canned(self) -> None:
        """Pick a canned answer to insert at the cursor (when a capability offers them)."""
        if self._canned_handler is not None:
            self._canned_handler(self.body)

    def set_notice(self, text: str) -> None:
        """A warning above the form (hidden when empty)."""
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    # -- files ---------------------------------------------------------------------------

    def add_file(self, path: Path) -> str | None:
        """Attach a file; returns why not, or None."""
        try:
            size = path.stat().st_size
            if size > MAX_ATTACHMENT_BYTES:
                return _t("{0} is larger than {1}; most mail servers refuse that.").format(
                    path.name, size_text(MAX_ATTACHMENT_BYTES)
                )
            data = path.read_bytes()
        except OSError as exc:
            return _t("{0} could not be read ({1}).").format(path.name, exc.strerror or exc)
        mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        self.attachments.append(OutgoingAttachment(safe_filename(path.name), mime, data))
        self._refresh_files()
        return None

    def add_files(self, paths: list[Path]) -> None:
        """Attach dropped or chosen files; say which could not be attached."""
        problems = [p for p in (self.add_file(path) for path in paths) if p]
        if problems:
            self.show_error(" ".join(problems))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and all(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        self.add_files([Path(u.toLocalFile()) for u in event.mimeData().urls()])
        event.acceptProposedAction()

    def choose_files(self) -> None:
        """Pick files to attach."""
        names, _ = QFileDialog.getOpenFileNames(self, _t("Attach files"))
        problems = [p for p in (self.add_file(Path(n)) for n in names) if p]
        if problems:
            self.show_error(" ".join(problems))

    def remove_file(self) -> None:
        """Drop the highlighted attachment."""
        row = self.files.currentRow()
        if 0 <= row < len(self.attachments):
            del self.attachments[row]
            self._refresh_files()

    def _refresh_files(self) -> None:
        self.files.clear()
        for item in self.attachments:
            QListWidgetItem(f"{item.filename} ({size_text(len(item.data))})", self.files)
        self.files.setVisible(bool(self.attachments))
        self._remove_button.setVisible(bool(self.attachments))

    # -- sending -------------------------------------------------------------------------

    def result_draft(self) -> Draft:
        """The draft as the rep left it."""
        return dataclasses.replace(
            self.draft,
            mailbox_id=self.from_box.currentData() or self.draft.mailbox_id,
            to=_split(self.to.text()),
            cc=_split(self.cc.text()),
            bcc=_split(self.bcc.text()) if self.draft.mode == "new" else (),
            subject=self.subject.text(),
            body_text=self.body.toPlainText(),
            body_html=self.body.toHtml() if self.body.has_formatting() else None,
            attachments=tuple(self.attachments),
        )

    def request_send(self) -> None:
        """Check the recipients, then ask for the mail to be stored and queued."""
        draft = self.result_draft()
        if not parse_recipients(draft.to + draft.cc + draft.bcc):
            self.show_error(_t("Add at least one recipient."))
            return
        if not draft.subject.strip() and draft.mode == "new":
            self.show_error(_t("Give the mail a subject."))
            return
        self.error.hide()
        if self.send_guard is not None and not self.send_guard(draft):
            return
        self.send.setEnabled(False)
        self.send_requested.emit(draft)

    def show_error(self, message: str) -> None:
        """Say why the mail was not stored; the rep can fix it and send again."""
        self.error.setText(message)
        self.error.show()
        self.send.setEnabled(True)

    def done_sending(self) -> None:
        """The mail is stored and queued: close."""
        self.accept()

    def reject(self) -> None:
        """Cancel, Escape or the close button: ask the guard first (text may be kept)."""
        if self.close_guard is not None and not self.close_guard():
            return
        super().reject()

    def typed_fields(self) -> dict[str, str]:
        """The text boxes as they are now (what a draft keeps)."""
        return {
            "to": self.to.text(), "cc": self.cc.text(), "bcc": self.bcc.text(),
            "subject": self.subject.text(), "body": self.body.toPlainText(),
            "mailbox_id": str(self.from_box.currentData() or self.draft.mailbox_id),
            "original_row_id": self.draft.original_row_id or "",
            "message_id": self.draft.message_id,
        }  # fmt: skip

    def restore_fields(self, fields: dict[str, str]) -> None:
        """Fill the text boxes from a kept draft."""
        for box, key in ((self.to, "to"), (self.cc, "cc"), (self.bcc, "bcc"),
                         (self.subject, "subject")):
            if key in fields:
                box.setText(fields[key])
        if "body" in fields:
            self.body.setPlainText(fields["body"])
        index = self.from_box.findData(fields.get("mailbox_id"))
        if index >= 0:
            self.from_box.setCurrentIndex(index)
        self.draft = dataclasses.replace(
            self.draft,
            original_row_id=fields.get("original_row_id") or self.draft.original_row_id,
            message_id=fields.get("message_id") or self.draft.message_id,
        )
