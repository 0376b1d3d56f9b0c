"""The team server dialog (sign in and out) and the conflict list (restore or dismiss)."""

from __future__ import annotations

import json
from datetime import datetime
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from supportdesk.services.sync_conflicts import ConflictRow, conflict_rows
from supportdesk.sync import conflicts
from supportdesk.sync.client import SyncError, check_server_url
from supportdesk.ui.conversation import status_title
from supportdesk.ui.i18n import local_when
from supportdesk.ui.models import priority_title
from supportdesk.ui.plain import PlainLabel, literal

if TYPE_CHECKING:
    from supportdesk.models import SyncPeer
    from supportdesk.sync.client import SyncClient


class SyncController(Protocol):
    """What the dialogs need of the sync controller (which imports them, not the
    other way round)."""

    demo: bool
    client: SyncClient
    signed_in: bool | None
    window: Any

    def login(self, *args: Any, **kwargs: Any) -> None: ...

    def logout(self, *args: Any, **kwargs: Any) -> None: ...

    def _refresh_conflicts(self) -> None: ...

    def _changed(self) -> None: ...


def _t(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate: -tr-function-alias tr+=_t


class TeamServerDialog(QDialog):
    """Sign this profile in to the team's server, see who is signed in, sign out.

    The password is only passed to the sign-in request: it is never stored; the
    tokens the server gives go to the system keyring.
    """

    def __init__(self, controller: SyncController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setWindowTitle(_t("Team server"))
        self.setMinimumWidth(520)
        intro = PlainLabel(_t(
            "Share this inbox with your team: your work syncs in the background with the "
            "server your team runs. Everything keeps working offline."
        ))
        intro.setWordWrap(True)
        intro.setObjectName("muted")
        self.who = PlainLabel()
        self.who.setObjectName("sectionTitle")
        self.who.setWordWrap(True)
        self.who.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.url = QLineEdit()
        self.url.setPlaceholderText("https://sync.example.com")
        self.user = QLineEdit()
        self.user.setPlaceholderText(_t("your user name on the server"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(_t("not stored; only used to sign in"))
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(_t("Server address"), self.url)
        form.addRow(_t("User"), self.user)
        form.addRow(_t("Password"), self.password)
        self.error = PlainLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error.hide()
        self.progress = PlainLabel()
        self.progress.setObjectName("muted")
        self.progress.hide()
        self.login_button = QPushButton(_t("Sign in"))
        self.login_button.setDefault(True)
        self.login_button.clicked.connect(self.login)
        self.logout_button = QPushButton(_t("Sign out"))
        self.logout_button.setToolTip(_t("Forget this device's sign-in; local work is kept"))
        self.logout_button.clicked.connect(self.logout)
        close = QPushButton(_t("Close"))
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.logout_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        buttons.addWidget(self.login_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addSpacing(4)
        layout.addWidget(self.who)
        layout.addSpacing(4)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.progress)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.password.returnPressed.connect(self.login)

    def refresh(self) -> None:
        """Show the current sign-in."""
        c = self.controller
        if c.demo:
            self.who.setText(_t(
                "This profile holds a generated demo workspace, which never syncs with a team "
                "server (its made-up data would mix with real work). Start SupportDesk with a "
                "new, empty profile (--profile FOLDER) to connect to your team."
            ))
            for w in (self.url, self.user, self.password, self.login_button,
                      self.logout_button):
                w.setEnabled(False)
            return
        peer = c.client.peer()
        self._show_peer(peer)

    def _show_peer(self, peer: SyncPeer | None) -> None:
        signed_in = peer is not None and self.controller.signed_in is not False
        if peer is None:
            self.who.setText(_t("Not connected to a team server."))
        elif signed_in:
            self.who.setText(_t("Signed in to {0} as {1} (team {2}).").format(
                peer.server_url, peer.user, peer.team or "?"))
        else:
            self.who.setText(_t("Signed out of {0}. Sign in again to sync.").format(
                peer.server_url))
        if peer is not None:
            if not self.url.text():
                self.url.setText(peer.server_url)
            if not self.user.text():
                self.user.setText(peer.user)
        self.logout_button.setEnabled(signed_in)
        self.login_button.setText(_t("Sign in again") if signed_in else _t("Sign in"))

    def _say(self, error: str | None) -> None:
        self.error.setText(error or "")
        self.error.setVisible(bool(error))

    def _busy(self, text: str | None) -> None:
        self.progress.setText(text or "")
        self.progress.setVisible(bool(text))
        for w in (self.login_button, self.logout_button, self.url, self.user, self.password):
            w.setEnabled(text is None)
        if text is None:
            self.refresh()

    def login(self) -> None:
        """Check the fields, then sign in on the sync worker."""
        url, user, password = self.url.text().strip(), self.user.text().strip(), \
            self.password.text()
        if not url or not user or not password:
            self._say(_t("Enter the server address, your user name and your password."))
            return
        try:
            url = check_server_url(url)
        except SyncError as exc:
            self._say(str(exc))
            return
        self._say(None)
        self._busy(_t("Signing in…"))

        def done(peer: SyncPeer) -> None:
            self.password.clear()
            self._busy(None)
            self._show_peer(peer)

        def failed(error: BaseException) -> None:
            self.password.clear()
            self._busy(None)
            self._say(str(error) if isinstance(error, SyncError)
                      else _t("Signing in failed: {0}").format(error))
            self.password.setFocus()

        self.controller.login(url, user, password, done, failed)

    def logout(self) -> None:
        """Sign this device out."""
        self._say(None)
        self._busy(_t("Signing out…"))

        def done(error: Any) -> None:
            self._busy(None)
            if isinstance(error, BaseException):
                self._say(str(error))

        self.controller.logout(done)


# -- conflicts ---------------------------------------------------------------------------------

COL_RECORD, COL_FIELD, COL_LOST, COL_KEPT, COL_WHO = range(5)


def entity_title(entity: str) -> str:
    """What kind of record a synced table holds, for a rep."""
    return {
        "conversations": _t("Conversation"), "conversation_tags": _t("Conversation"),
        "messages": _t("Message"), "activities": _t("Activity"), "customers": _t("Customer"),
        "identities": _t("Customer contact"), "agents": _t("Agent"),
        "attachments": _t("Attachment"), "mailboxes": _t("Mailbox"),
    }.get(entity, entity.replace("_", " ").capitalize())


def field_title(row: ConflictRow) -> str:
    """The changed field, for a rep."""
    if row.field == "*":
        return _t("Whole change")
    if row.entity == "conversation_tags":
        return _t("Tag #{0}").format(row.field)
    return {
        "status": _t("Status"), "priority": _t("Priority"), "assignee_id": _t("Assignee"),
        "subject": _t("Subject"), "customer_id": _t("Customer"), "name": _t("Name"),
        "organization": _t("Organisation"), "language": _t("Language"), "unread": _t("Unread"),
        "body_text": _t("Text"), "notes": _t("Notes"),
    }.get(row.field, row.field.replace("_", " ").capitalize())


def value_words(row: ConflictRow, value: Any, *, lost: bool) -> str:
    """A value as a rep reads it."""
    if row.reason == "rejected":
        if lost:
            return _t("your change")
        reason = value.get("reason") if isinstance(value, dict) else value
        return _t("refused by the server: {0}").format(reason)
    if row.entity == "conversation_tags":
        return _t("tag on") if value else _t("tag off")
    if row.reason == "deleted" and not lost:
        return _t("deleted")
    if value is None or value == "":
        return _t("(empty)")
    if isinstance(value, bool):
        return _t("yes") if value else _t("no")
    if row.field == "status":
        return status_title(str(value))
    if row.field == "priority":
        return priority_title(str(value))
    if isinstance(value, dict | list):
        value = json.dumps(value, ensure_ascii=False)
    text = str(value)
    return text if len(text) <= 160 else text[:157] + "…"


def _when(at: datetime | None) -> str:
    return local_when(at, "day_month_time") if at else "?"


def who_words(row: ConflictRow) -> str:
    """Who made the lost change and when, and the same of the kept one."""
    lost_by = _t("this computer") if row.lost_here else _t("another device")
    kept_by = _t("this computer") if row.won_here else _t("another device")
    return _t("lost: {0}, {1}; kept: {2}, {3}").format(
        lost_by, _when(row.lost_at), kept_by, _when(row.won_at))


class ConflictDialog(QDialog):
    """Values that lost a merge: restore one (a new change that syncs) or dismiss it."""

    def __init__(self, controller: SyncController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.window_ = controller.window
        self.rows: list[ConflictRow] = []
        self.setWindowTitle(_t("Sync conflicts"))
        self.resize(1060, 420)
        intro = PlainLabel(_t(
            "When two people changed the same thing, the later change was kept. The "
            "changes that lost are listed here; restore one to make it the current value "
            "again (it then syncs to everyone), or dismiss it."
        ))
        intro.setWordWrap(True)
        intro.setObjectName("muted")
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [_t("Record"), _t("What"), _t("Lost value"), _t("Kept value"), _t("Who and when")]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_RECORD, QHeaderView.ResizeMode.Stretch)
        for col, width in ((COL_FIELD, 110), (COL_LOST, 130), (COL_KEPT, 130), (COL_WHO, 400)):
            header.resizeSection(col, width)
        self.table.itemSelectionChanged.connect(self._selection)
        self.table.itemDoubleClicked.connect(lambda _i: self.open_record())
        self.empty = PlainLabel(_t("No conflicts: nothing anyone typed was overwritten."))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setObjectName("muted")
        self.note = PlainLabel()
        self.note.setObjectName("muted")
        self.note.setWordWrap(True)
        self.restore_button = QPushButton(_t("Restore"))
        self.restore_button.setToolTip(_t("Make the lost value the current one again"))
        self.restore_button.clicked.connect(self.restore)
        self.dismiss_button = QPushButton(_t("Dismiss"))
        self.dismiss_button.setToolTip(_t("Keep the current value and remove this line"))
        self.dismiss_button.clicked.connect(self.dismiss)
        self.open_button = QPushButton(_t("Open conversation"))
        self.open_button.clicked.connect(self.open_record)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        box.rejected.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.restore_button)
        buttons.addWidget(self.dismiss_button)
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        buttons.addWidget(box)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty, 1)
        layout.addWidget(self.note)
        layout.addLayout(buttons)

    def reload(self) -> None:
        """Read the open conflicts again."""
        keep = self.selected()
        with self.window_.store.read() as session:
            self.rows = conflict_rows(session, self.window_.store.device_id)
        self.table.setRowCount(len(self.rows))
        for i, row in enumerate(self.rows):
            record = row.record or row.entity_id[:8]
            cells = [
                f"{entity_title(row.entity)}: {record}",
                field_title(row),
                value_words(row, row.lost_value, lost=True),
                value_words(row, row.won_value, lost=False),
                who_words(row),
            ]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(literal(text))
                item.setData(Qt.ItemDataRole.UserRole, row.id)
                self.table.setItem(i, col, item)
        self.table.setVisible(bool(self.rows))
        self.empty.setVisible(not self.rows)
        target = next((i for i, r in enumerate(self.rows) if keep and r.id == keep.id), 0)
        if self.rows:
            self.table.selectRow(target)
        self._selection()

    def selected(self) -> ConflictRow | None:
        """The conflict the rep picked."""
        rows = self.table.selectionModel().selectedRows() if self.rows else []
        if not rows or rows[0].row() >= len(self.rows):
            return None
        return self.rows[rows[0].row()]

    def _selection(self) -> None:
        row = self.selected()
        self.restore_button.setEnabled(row is not None and row.restorable)
        self.dismiss_button.setEnabled(row is not None)
        self.open_button.setEnabled(row is not None and row.conversation_id is not None)
        if row is not None and not row.restorable:
            self.note.setText(_t(
                "This one cannot be put back with one click; copy what you need from it, "
                "then dismiss it."))
        else:
            self.note.clear()

    def restore(self) -> None:
        """Put the selected lost value back as this rep's new change."""
        row = self.selected()
        if row is None:
            return
        cid = row.id
        self.window_.ops.write(lambda uow: conflicts.restore(uow, cid), lambda _r: self._done(
            _t("Restored; it syncs to the team with the next sync.")))

    def dismiss(self) -> None:
        """Mark the selected conflict as seen."""
        row = self.selected()
        if row is None:
            return
        cid = row.id
        self.window_.ops.write(lambda uow: conflicts.dismiss(uow, cid),
                               lambda _r: self._done(_t("Dismissed.")))

    def _done(self, message: str) -> None:
        self.window_.statusBar().showMessage(message, 5000)
        self.controller._refresh_conflicts()
        self.controller._changed()
        self.reload()

    def open_record(self) -> None:
        """Show the conversation the selected conflict belongs to."""
        row = self.selected()
        if row is not None and row.conversation_id:
            self.window_.open_conversation(row.conversation_id)
