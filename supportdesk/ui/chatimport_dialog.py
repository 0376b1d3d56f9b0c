"""The import dialog: preview an export, say who is who, pick the zone, import.

Reading the export, matching people and importing run on a worker thread
(the import hands its batches to the store's writer); the worker only emits
signals, which arrive here on the GUI thread. Widgets are touched only here.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from datetime import tzinfo
from html import escape
from pathlib import Path
from zoneinfo import available_timezones

from PySide6.QtCore import (
    QCoreApplication,
    QLocale,
    QObject,
    Qt,
    Signal,
)
from PySide6.QtGui import QCloseEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from supportdesk.channels.chat import (
    FORMATS,
    ChatImportError,
    CsvMapping,
    guess_mapping,
)
from supportdesk.config import TEAM_TIMEZONE, Settings
from supportdesk.services.chat_import import (
    DEFAULT_BATCH,
    DEFAULT_HISTORY_DAYS,
    FORMAT_LABELS,
    ChatImportInterruptedError,
    ChatImportRefusedError,
    ExportPreview,
    ImportOptions,
    ImportSummary,
    PersonChoice,
    UnknownZoneError,
    csv_headers,
    import_chat_export,
    inspect_export,
    local_zone,
    match_people,
    zone_name,
    zone_named,
)
from supportdesk.store import Store, StoreError
from supportdesk.ui.chatimport_preview import COL_AUTHOR, COL_TEXT, COL_TIME, PreviewModel
from supportdesk.ui.i18n import _n
from supportdesk.ui.language import team_phone_region
from supportdesk.ui.plain import PlainLabel, literal

log = logging.getLogger(__name__)

__all__ = ["COL_AUTHOR", "COL_TEXT", "COL_TIME", "ChatImportDialog", "PreviewModel"]

PERSON_NAME, PERSON_US, PERSON_CUSTOMER = range(3)


def _t(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate: -tr-function-alias tr+=_t


def side_title(side: str) -> str:
    """How a participant's side is shown."""
    return {"agent": _t("us"), "customer": _t("customer"), "unknown": _t("participant")}.get(
        side, side
    )


def describe_summary(s: ImportSummary) -> str:
    """The summary a rep reads after an import, one fact a line."""
    label = FORMAT_LABELS.get(s.format, s.format)
    lines = []
    if s.cancelled:
        lines.append(
            _n("Import cancelled. %Ln messages were saved; import the file again to finish.",
               "", s.added)
            if s.added
            else _t("Import cancelled. Nothing was imported.")
        )
    else:
        lines.append(_n("%Ln messages added from the {0} export, {1} were already here.", "",
               s.added).format(label, QLocale().toString(s.skipped_duplicates)))  # fmt: skip
    if s.sides_resolved:
        lines.append(_n("%Ln messages imported before now show who wrote them.", "",
               s.sides_resolved))  # fmt: skip
    for c in s.conversations:
        how = _t("new conversation") if c.created else _t("added to the existing conversation")
        lines.append(f"{c.ticket} · {c.title} · {how}")
    if s.customers_created or s.agents_created:
        lines.append(_t("New customers: {0}. New team members: {1}.").format(
            s.customers_created, s.agents_created))  # fmt: skip
    if s.attachments_stored or s.attachments_missing:
        lines.append(_t("Files stored: {0}. Named in the export but not included: {1}.").format(
            s.attachments_stored, s.attachments_missing))  # fmt: skip
    if s.timezone:
        lines.append(_t("Times without a zone were read as {0}.").format(s.timezone))
    for item, reason in s.failed[:5]:
        lines.append(_t("Not imported: {0} ({1})").format(item, reason))
    if len(s.failed) > 5:
        lines.append(_t("…and {0} more not imported.").format(len(s.failed) - 5))
    return "\n".join(lines)


def _visible_box(check: QCheckBox) -> None:
    """Give a check box an outline that shows on a dark table.

    Fusion draws the box's edge a shade darker than the window colour, which
    disappears on the dark theme's table background.
    """
    pal = check.palette()
    if pal.color(QPalette.ColorRole.Base).lightness() < 128:
        pal.setColor(QPalette.ColorRole.Window, pal.color(QPalette.ColorRole.PlaceholderText))
        check.setPalette(pal)


class _Relay(QObject):
    """Signals a worker emits; connected slots run on the GUI thread."""

    loaded = Signal(object, object)  # ExportPreview | None, error message | None
    progress = Signal(int, int)
    imported = Signal(object, object)  # ImportSummary | None, error message | None


class ChatImportDialog(QDialog):
    """Import one chat export: preview, people, zone, progress, summary.

    ``imported(conversation_id)`` is emitted after a successful import with the
    conversation to open.
    """

    imported = Signal(str)

    def __init__(
        self,
        store: Store,
        settings: Settings,
        path: Path | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_t("Import a chat export"))
        self.setMinimumSize(880, 640)
        self.store = store
        self.settings = settings
        self.batch_size = DEFAULT_BATCH
        self.history_days: int | None = DEFAULT_HISTORY_DAYS  # (ui/history.py asks the rep)
        self.path: Path | None = None
        self.found: ExportPreview | None = None
        self.csv_mapping: CsvMapping | None = None
        self.summary: ImportSummary | None = None
        self.state = "empty"
        self._cancel = threading.Event()
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="chat-import")
        # Not a child of the dialog: a worker may still hold it after the dialog is gone.
        self._relay = _Relay()
        self._relay.loaded.connect(self._loaded)
        self._relay.progress.connect(self._progressed)
        self._relay.imported.connect(self._finished)
        self._build()
        if path is not None:
            self.load(path)

    # -- layout ---------------------------------------------------------------------------

    def _build(self) -> None:
        self.file_label = PlainLabel(_t("Choose an export, or drop it on the main window."))
        self.file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.choose_button = QPushButton(_t("Choose file…"))
        self.choose_button.clicked.connect(self.choose_file)
        self.format_combo = QComboBox()
        for fmt in FORMATS:
            label = FORMAT_LABELS.get(fmt, fmt) + (" (CSV)" if fmt == "discord_csv" else "")
            self.format_combo.addItem(label, fmt)
        self.format_combo.activated.connect(self._format_chosen)
        self.chats_label = PlainLabel()
        self.chats_label.setObjectName("muted")
        self.chats_label.setWordWrap(True)

        top = QGridLayout()
        top.addWidget(PlainLabel(_t("File:")), 0, 0)
        top.addWidget(self.file_label, 0, 1)
        top.addWidget(self.choose_button, 0, 2)
        top.addWidget(PlainLabel(_t("Format:")), 1, 0)
        fmt_row = QHBoxLayout()
        fmt_row.addWidget(self.format_combo)
        fmt_row.addWidget(self.chats_label, 1)
        top.addLayout(fmt_row, 1, 1, 1, 2)
        # A generic CSV says nothing about its columns: the rep confirms them here.
        self.columns_box = QWidget()
        columns_row = QHBoxLayout(self.columns_box)
        columns_row.setContentsMargins(0, 0, 0, 0)
        self.time_column = QComboBox()
        self.author_column = QComboBox()
        self.text_column = QComboBox()
        for label, combo in ((_t("Time"), self.time_column), (_t("Author"), self.author_column),
                             (_t("Text"), self.text_column)):  # fmt: skip
            columns_row.addWidget(PlainLabel(label))
            columns_row.addWidget(combo, 1)
        self.columns_button = QPushButton(_t("Use these columns"))
        self.columns_button.clicked.connect(self.apply_columns)
        columns_row.addWidget(self.columns_button)
        self.columns_label = PlainLabel(_t("Columns:"))
        top.addWidget(self.columns_label, 2, 0)
        top.addWidget(self.columns_box, 2, 1, 1, 2)
        self.columns_label.hide()
        self.columns_box.hide()
        top.setColumnStretch(1, 1)

        self.preview_model = PreviewModel(self)
        self.preview = QTableView()
        self.preview.setModel(self.preview_model)
        self.preview.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.preview.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview.setWordWrap(False)
        self.preview.setShowGrid(False)
        self.preview.setAlternatingRowColors(True)
        self.preview.verticalHeader().hide()
        self.preview.verticalHeader().setDefaultSectionSize(24)
        header = self.preview.horizontalHeader()
        header.setSectionResizeMode(COL_TEXT, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(COL_TIME, 140)
        header.resizeSection(COL_AUTHOR, 170)

        self.people = QTableWidget(0, 3)
        self.people.setHorizontalHeaderLabels([_t("Participant"), _t("Us"), _t("Customer")])
        self.people.verticalHeader().hide()
        self.people.verticalHeader().setDefaultSectionSize(30)
        self.people.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.people.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.people.setShowGrid(False)
        pheader = self.people.horizontalHeader()
        pheader.setSectionResizeMode(PERSON_NAME, QHeaderView.ResizeMode.Stretch)
        pheader.setSectionResizeMode(PERSON_US, QHeaderView.ResizeMode.Fixed)
        pheader.resizeSection(PERSON_US, 48)
        pheader.setSectionResizeMode(PERSON_CUSTOMER, QHeaderView.ResizeMode.Stretch)
        self.people_hint = PlainLabel()
        self.people_hint.setObjectName("muted")
        self.people_hint.setWordWrap(True)

        self.zone_label = PlainLabel(_t("Time zone:"))
        self.zone_combo = QComboBox()
        self.zone_combo.setEditable(True)
        self.zone_combo.addItems(sorted(available_timezones()))
        self.zone_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        completer = self.zone_combo.completer()
        if completer is not None:
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.zone_combo.setMinimumWidth(240)
        self.zone_combo.currentTextChanged.connect(self._zone_changed)
        self.zone_hint = PlainLabel(
            _t("The export's times carry no zone (they are the phone's clock).")
        )
        self.zone_hint.setObjectName("muted")
        zone_row = QHBoxLayout()
        zone_row.addWidget(self.zone_label)
        zone_row.addWidget(self.zone_combo)
        zone_row.addWidget(self.zone_hint, 1)

        # A single file names its attachments by file name; they are read from its
        # folder only when the rep says so (a hostile export could name any file there).
        self.beside = QCheckBox()
        self.beside.setVisible(False)
        self.beside.toggled.connect(self._beside_toggled)
        self.warnings = PlainLabel()
        self.warnings.setObjectName("muted")
        self.warnings.setWordWrap(True)
        self.status = PlainLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.progress = QProgressBar()
        self.progress.setTextVisible(True)
        keep = self.progress.sizePolicy()
        keep.setRetainSizeWhenHidden(True)  # the buttons stay at the right, the same size
        self.progress.setSizePolicy(keep)
        self.import_button = QPushButton(_t("Import"))
        self.import_button.setDefault(True)
        self.import_button.clicked.connect(self.start_import)
        self.cancel_button = QPushButton(_t("Cancel"))
        self.cancel_button.clicked.connect(self.cancel)
        buttons = QHBoxLayout()
        buttons.addWidget(self.progress, 1)
        buttons.addSpacing(12)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.cancel_button)

        def title(text: str) -> QLabel:
            label = PlainLabel(text)
            label.setObjectName("sectionTitle")
            return label

        setup = QWidget()
        setup_layout = QVBoxLayout(setup)
        setup_layout.setContentsMargins(0, 0, 0, 0)
        setup_layout.addWidget(title(_t("Preview (as it will be imported)")))
        setup_layout.addWidget(self.preview, 3)
        setup_layout.addWidget(title(_t("Who is who")))
        setup_layout.addWidget(self.people, 2)
        setup_layout.addWidget(self.people_hint)
        setup_layout.addLayout(zone_row)

        self.result_title = PlainLabel()
        self.result_title.setObjectName("subject")
        self.result_text = PlainLabel()
        self.result_text.setWordWrap(True)
        self.result_text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.result_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        done = QWidget()
        done_layout = QVBoxLayout(done)
        done_layout.setContentsMargins(0, 12, 0, 0)
        done_layout.addWidget(self.result_title)
        done_layout.addSpacing(8)
        done_layout.addWidget(self.result_text, 1)

        self.pages = QStackedWidget()
        self.pages.addWidget(setup)
        self.pages.addWidget(done)

        layout = QVBoxLayout(self)
        layout.setSpacing(8)
        layout.addLayout(top)
        layout.addSpacing(4)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.beside)
        layout.addWidget(self.warnings)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self._set_state("empty")

    def _set_state(self, state: str) -> None:
        """Enable what makes sense: empty, loading, ready, importing, done, failed."""
        self.state = state
        idle = state in ("empty", "ready", "failed")
        self.choose_button.setEnabled(idle or state == "done")
        self.format_combo.setEnabled(idle and self.found is not None)
        self.people.setEnabled(state == "ready")
        self.zone_combo.setEnabled(state == "ready")
        self.import_button.setEnabled(state == "ready")
        self.import_button.setVisible(state != "done")
        self.cancel_button.setEnabled(True)
        self.cancel_button.setText(
            _t("Cancel import") if state == "importing" else
            _t("Close") if state == "done" else _t("Cancel")
        )  # fmt: skip
        self.progress.setVisible(state in ("loading", "importing", "done"))
        if state == "loading":
            self.progress.setRange(0, 0)
        self.pages.setCurrentIndex(1 if state == "done" else 0)
        self.warnings.setVisible(bool(self.warnings.text()))
        needs_zone = self.found is not None and self.found.needs_timezone
        for widget in (self.zone_label, self.zone_combo, self.zone_hint):
            widget.setVisible(needs_zone)

    # -- reading the export ----------------------------------------------------------------

    def choose_file(self) -> None:
        """Ask for an export file."""
        name, _ = QFileDialog.getOpenFileName(
            self, _t("Import a chat export"), str(self.path.parent if self.path else Path.home()),
            _t("Chat exports (*.txt *.zip *.json *.csv);;All files (*)"),
        )  # fmt: skip
        if name:
            self.load(Path(name))

    def load(self, path: Path, fmt: str | None = None) -> None:
        """Read an export in the background, then show it."""
        if path != self.path:
            self.csv_mapping = None
        mapping = self.csv_mapping if fmt in (None, "csv") else None
        if path != self.path:
            self.beside.blockSignals(True)
            self.beside.setChecked(False)
            self.beside.blockSignals(False)
        self.beside.setText(_t("Also attach the files it names from its folder, {0}").format(
            str(path.parent)))
        self.beside.setVisible(path.is_file() and path.suffix.lower() != ".zip")
        attachments = self.attachments_from(path)
        self.path = path
        self.found = None
        self.file_label.setText(str(path))
        self._set_status(_t("Reading {0}…").format(path.name))
        self.warnings.clear()
        self.preview_model.set_lines([], self._zone())
        self.people.setRowCount(0)
        self._set_state("loading")
        region = team_phone_region(self)
        store, relay = self.store, self._relay

        def work() -> None:
            try:
                found = inspect_export(path, fmt=fmt, csv_mapping=mapping,
                                       attachments_from=attachments)
                with store.read() as session:
                    found = match_people(session, found, region)
            except ChatImportError as exc:
                relay.loaded.emit(None, str(exc))
                return
            except Exception as exc:
                log.exception("reading %s failed", path)
                relay.loaded.emit(None, _t("Could not read {0}: {1}").format(path.name, exc))
                return
            relay.loaded.emit(found, None)

        self._submit(work)

    def attachments_from(self, path: Path | None) -> Path | None:
        """The folder to read attachments from: only for a single file, only if confirmed."""
        single = path is not None and path.is_file() and path.suffix.lower() != ".zip"
        return path.parent if path is not None and single and self.beside.isChecked() else None

    def _beside_toggled(self, _checked: bool) -> None:
        if self.path is not None and self.state in ("ready", "failed"):
            self.load(self.path, self.found.format if self.found is not None else None)

    def _show_columns(self, fmt: str | None) -> None:
        """Offer the column choice for generic CSV files; hide it otherwise."""
        path = self.path
        is_csv = path is not None and path.suffix.lower() == ".csv"
        show = fmt == "csv" or (fmt is None and is_csv)
        self.columns_label.setVisible(show)
        self.columns_box.setVisible(show)
        if not show or path is None:
            return
        headers = csv_headers(path)
        chosen = self.csv_mapping or guess_mapping(headers)
        picks = (
            (self.time_column, chosen.time_col if chosen else None),
            (self.author_column, chosen.author_col if chosen else None),
            (self.text_column, chosen.text_col if chosen else None),
        )
        for i, (combo, pick) in enumerate(picks):
            combo.clear()
            combo.addItems(headers)
            index = combo.findText(pick) if pick else -1
            combo.setCurrentIndex(index if index >= 0 else min(i, len(headers) - 1))

    def apply_columns(self) -> None:
        """Read the CSV again with the columns the rep chose."""
        if self.path is None or self.text_column.count() == 0:
            return
        self.csv_mapping = CsvMapping(
            time_col=self.time_column.currentText(),
            author_col=self.author_column.currentText(),
            text_col=self.text_column.currentText(),
        )
        self.load(self.path, "csv")

    def _loaded(self, found: ExportPreview | None, error: str | None) -> None:
        self._show_columns(found.format if found is not None else None)
        if found is None:
            self._show_error(error or "")
            self._set_state("failed")
            return
        self.found = found
        self.format_combo.setCurrentIndex(max(0, self.format_combo.findData(found.format)))
        self._describe_chats(found)
        self.zone_combo.setCurrentText(self._default_zone_name())
        self.preview_model.set_lines(found.lines, self._zone())
        self.preview.resizeColumnToContents(COL_AUTHOR)
        self.preview.setColumnWidth(COL_AUTHOR, min(260, self.preview.columnWidth(COL_AUTHOR)))
        self._fill_people(found)
        self.warnings.setText("\n".join(f"⚠ {w}" for w in found.warnings[:6]))
        self._set_status(
            _n("%Ln messages ready to import.", "", found.total_lines)
        )
        self.progress.setRange(0, max(1, found.total_lines))
        self.progress.setValue(0)
        self._set_state("ready")

    def _describe_chats(self, found: ExportPreview) -> None:
        if len(found.chats) == 1:
            chat = found.chats[0]
            where = (
                _t("adds to the existing conversation") if chat.exists
                else _t("a new conversation")
            )  # fmt: skip
            text = _n("“{0}”: %Ln messages, {1}", "", chat.lines).format(chat.title, where)
        else:
            existing = sum(c.exists for c in found.chats)
            text = _n("{0} chats, %Ln messages; {1} of them already have a conversation", "",
               found.total_lines).format(len(found.chats), existing)  # fmt: skip
        self.chats_label.setText(text)

    def _fill_people(self, found: ExportPreview) -> None:
        self.people.setRowCount(len(found.people))
        for row, person in enumerate(found.people):
            p = person.participant
            digits = "".join(ch for ch in p.name if ch.isdigit())
            extra = [
                v for v in (p.phone, p.handle)
                if v and v != p.name and "".join(ch for ch in v if ch.isdigit()) != digits
            ]  # fmt: skip
            name = QTableWidgetItem(p.name + (f"  ({', '.join(extra)})" if extra else ""))
            name.setToolTip(literal(p.key))
            self.people.setItem(row, PERSON_NAME, name)
            check = QCheckBox()
            _visible_box(check)
            check.setChecked(person.suggested_us)
            check.setToolTip(_t("This participant is one of us (the team)"))
            check.toggled.connect(self._people_changed)
            holder = QWidget()
            box = QHBoxLayout(holder)
            box.setContentsMargins(0, 0, 0, 0)
            box.addWidget(check, 0, Qt.AlignmentFlag.AlignCenter)
            self.people.setCellWidget(row, PERSON_US, holder)
            combo = QComboBox()
            if person.customer_id:
                ways = {"phone": _t("phone number"), "handle": _t("chat handle"),
                        "email": _t("email address"), "name": _t("name")}  # fmt: skip
                how = ways.get(person.matched_by, person.matched_by)
                combo.addItem(_t("{0} (matched by {1})").format(person.customer_name, how),
                              ("match", person.customer_id))  # fmt: skip
            combo.addItem(_t("New customer"), ("new", None))
            combo.addItem(_t("Keep as a participant only"), ("unknown", None))
            self.people.setCellWidget(row, PERSON_CUSTOMER, combo)
        self._people_changed()

    def _check(self, row: int) -> QCheckBox:
        holder = self.people.cellWidget(row, PERSON_US)
        check = holder.findChild(QCheckBox)
        assert isinstance(check, QCheckBox)
        return check

    def _combo(self, row: int) -> QComboBox:
        combo = self.people.cellWidget(row, PERSON_CUSTOMER)
        assert isinstance(combo, QComboBox)
        return combo

    def set_us(self, name: str, us: bool = True) -> None:
        """Mark a participant (by name or key) as one of us; for tests and scripts."""
        assert self.found is not None
        for row, person in enumerate(self.found.people):
            if name in (person.participant.name, person.participant.key):
                self._check(row).setChecked(us)

    def _people_changed(self) -> None:
        rows = range(self.people.rowCount())
        anyone = any(self._check(r).isChecked() for r in rows)
        for r in rows:
            self._combo(r).setEnabled(anyone and not self._check(r).isChecked())
        self.people_hint.setText(
            _t("Everyone not marked as us is filed as a customer (matched or new).") if anyone
            else _t("Nobody is marked as us: everyone is kept as a participant, "
                    "to sort out later. Tick who speaks for the team.")
        )  # fmt: skip

    def _format_chosen(self) -> None:
        fmt = self.format_combo.currentData()
        if self.path is not None and (self.found is None or fmt != self.found.format):
            self.load(self.path, fmt)

    def _default_zone_name(self) -> str:
        team = self.settings.get(TEAM_TIMEZONE)
        return team or zone_name(local_zone())

    def _zone(self) -> tzinfo:
        try:
            return zone_named(self.zone_combo.currentText())
        except UnknownZoneError:
            return local_zone()

    def _zone_changed(self, _text: str) -> None:
        self.preview_model.set_zone(self._zone())

    # -- importing -------------------------------------------------------------------------

    def options(self) -> ImportOptions:
        """The import options from what the rep chose."""
        assert self.found is not None
        people: dict[str, PersonChoice] = {}
        rows = range(len(self.found.people))
        if any(self._check(r).isChecked() for r in rows):
            for r, person in zip(rows, self.found.people, strict=True):
                key = person.participant.key
                if self._check(r).isChecked():
                    people[key] = PersonChoice("agent")
                    continue
                kind, customer_id = self._combo(r).currentData()
                if kind == "match":
                    people[key] = PersonChoice("customer", customer_id=customer_id)
                elif kind == "new":
                    people[key] = PersonChoice("customer", new_customer=person.customer_id
                                               is not None)  # fmt: skip
                else:
                    people[key] = PersonChoice("unknown")
        zone: tzinfo | None = None
        if self.found.needs_timezone:
            zone = zone_named(self.zone_combo.currentText())
        return ImportOptions(
            csv_mapping=self.csv_mapping if self.found.format == "csv" else None,
            fmt=self.found.format,
            tz=zone,
            people=people,
            default_region=team_phone_region(self),
            batch_size=self.batch_size,
            attachments_from=self.attachments_from(self.path),
            history_days=self.history_days,
        )

    def start_import(self) -> None:
        """Import with what was chosen, in the background."""
        if self.found is None or self.path is None or self.state != "ready":
            return
        try:
            options = self.options()
        except UnknownZoneError as exc:
            self._show_error(str(exc))
            return
        found, path, store, relay, cancel = self.found, self.path, self.store, self._relay, \
            self._cancel  # fmt: skip
        cancel.clear()
        self.progress.setRange(0, max(1, found.total_lines))
        self.progress.setValue(0)
        self._set_status(_t("Importing…"))
        self._set_state("importing")

        def work() -> None:
            try:
                summary = import_chat_export(
                    store, path, options, progress=relay.progress.emit, cancel=cancel.is_set,
                    transcript=found.transcript,
                )  # fmt: skip
            except (ChatImportError, ChatImportRefusedError, StoreError) as exc:
                relay.imported.emit(None, str(exc))
                return
            except ChatImportInterruptedError as exc:
                relay.imported.emit(exc.summary, str(exc))
                return
            except Exception as exc:
                log.exception("importing %s failed", path)
                relay.imported.emit(None, _t("The import failed: {0}").format(exc))
                return
            relay.imported.emit(summary, None)

        self._submit(work)

    def _progressed(self, done: int, total: int) -> None:
        if self.state != "importing":
            return
        self.progress.setRange(0, max(1, total))
        self.progress.setValue(min(done, total))
        if done >= total:
            self._set_status(_t("Saving…"))
        elif not self._cancel.is_set():
            self._set_status(_n("Importing… {0} of %Ln messages", "", total).format(
                QLocale().toString(done)))  # fmt: skip

    def _finished(self, summary: ImportSummary | None, error: str | None) -> None:
        self.summary = summary
        if error is not None:
            self._show_error(error)
            self._set_state("ready" if self.found is not None else "failed")
            return
        assert summary is not None
        self.progress.setValue(self.progress.maximum() if not summary.cancelled else 0)
        self.result_title.setText(
            _t("Import cancelled") if summary.cancelled else _t("Import finished")
        )
        self.result_text.setText(
            "".join(f"<p style='margin-bottom:6px'>{escape(line)}</p>"
                    for line in describe_summary(summary).splitlines())
        )  # fmt: skip
        self._set_status(
            _t("The conversation is open in the main window.")
            if summary.conversations and not summary.cancelled else ""
        )  # fmt: skip
        self.warnings.setText("\n".join(f"⚠ {w}" for w in summary.warnings[:6]))
        self._set_state("done")
        if not summary.cancelled and summary.conversations:
            best = max(summary.conversations, key=lambda c: c.added)
            self.imported.emit(best.conversation_id)

    def cancel(self) -> None:
        """Stop the import when one runs; otherwise close."""
        if self.state == "importing":
            self._cancel.set()
            self.cancel_button.setEnabled(False)
            self._set_status(_t("Cancelling…"))
            return
        self.reject()

    def _show_error(self, message: str) -> None:
        self._set_status(message, error=True)

    def _set_status(self, text: str, *, error: bool = False) -> None:
        name = "error" if error else ""
        if self.status.objectName() != name:
            self.status.setObjectName(name)
            self.status.style().unpolish(self.status)
            self.status.style().polish(self.status)
        self.status.setText(text)

    def _submit(self, work: Callable[[], None]) -> Future[None]:
        return self._pool.submit(work)

    def reject(self) -> None:
        """Close, unless an import is running (then cancel it first)."""
        if self.state in ("importing", "loading"):
            self._cancel.set()
            if self.state == "importing":
                return
        self._pool.shutdown(wait=False)
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Refuse to close while importing; ask the import to stop instead."""
        if self.state == "importing":
            self.cancel()
            event.ignore()
            return
        self._pool.shutdown(wait=False)
        super().closeEvent(event)

    def shutdown(self) -> None:
        """Stop a running import and wait for it (the window is closing).

        The batch being written still commits; the rest is not imported, and
        importing the file again finishes the job.
        """
        self._cancel.set()
        with self.store.foreground.waiting():
            self._pool.shutdown(wait=True)

    def wait_idle(self) -> None:
        """Block until background work is done (tests and shutdown only)."""
        with self.store.foreground.waiting():
            try:
                self._pool.submit(lambda: None).result()
            except RuntimeError:  # already shut down (closed): wait for what still runs
                self._pool.shutdown(wait=True)
