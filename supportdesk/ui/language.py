"""View → Language, the team's language and phone country, and the call's country.

The window's language comes from the profile's settings (``LANGUAGE``: "" for
the system's, else ``en``, ``ru``, ``is``) and applies when SupportDesk starts
again: every label is made once, translated, when its widget is built. The
message saying so is shown in the chosen language too.

The team's phone country and its language for reports and acknowledgements are
one synced row (``services/team_locale``), edited in Tools → Team language and
phone country….
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from supportdesk.config import DEFAULT_REGION, LANGUAGE, TEAM_TIMEZONE
from supportdesk.resources import resource_dir
from supportdesk.services import team_locale
from supportdesk.services.team_locale import CallRegion, TeamLocaleInfo
from supportdesk.services.workflow.team import fallback_zone
from supportdesk.ui.plain import PlainLabel, literal


def _t(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate: -tr-function-alias tr+=_t


#: (setting value, name in its own language); "" follows the system
LANGUAGES = (("", None), ("en", "English"), ("ru", "Русский"), ("is", "Íslenska"))
RESTART_NOTE = "SupportDesk will use the new language when you start it again."


def in_language(language: str, text: str) -> str:
    """``text`` (a catalogue source string) translated into ``language`` ("" = system)."""
    locale = QLocale(language) if language else QLocale.system()
    translator = QTranslator()
    if translator.load(locale, "supportdesk", "_", str(resource_dir() / "translations")):
        return translator.translate("", text) or text
    return text


def choose_language(window: Any, language: str) -> None:
    """Remember the window's language and say (in both languages) when it applies."""
    if window.settings.get(LANGUAGE) == language:
        return
    window.settings.set(LANGUAGE, language)
    here = _t(RESTART_NOTE)
    there = in_language(language, RESTART_NOTE)
    text = here if there == here else f"{here}\n\n{there}"
    window.statusBar().showMessage(here, 8000)
    if not getattr(window, "quiet_language_note", False):
        QMessageBox.information(window, _t("Language"), literal(text))


def call_region(window: Any, conversation_id: str | None) -> CallRegion:
    """Where a number typed on a call is read: the customer's country, else the team's."""
    settings = window.settings
    with window.store.read() as session:
        return team_locale.call_region(
            session, conversation_id, _zone(settings.get(TEAM_TIMEZONE)),
            settings.get(DEFAULT_REGION))


def team_phone_region(window_or_parts: Any) -> str:
    """The country numbers without a country code are read in: the team's (chosen, or from
    its time zone), else this device's setting. Takes anything with ``store`` and
    ``settings`` (the main window, the chat import dialog)."""
    settings = window_or_parts.settings
    with window_or_parts.store.read() as session:
        return team_locale.load_locale(
            session, _zone(settings.get(TEAM_TIMEZONE)), settings.get(DEFAULT_REGION)
        ).phone_region


def _zone(setting: str) -> Any:
    try:
        return fallback_zone(setting)
    except ValueError:
        return None


class TeamLocaleDialog(QDialog):
    """The team's phone country and language for reports and acknowledgements."""

    def __init__(self, info: TeamLocaleInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_t("Team language and phone country"))
        self.language = QComboBox()
        self.language.addItem("English", "")
        self.language.addItem("Русский", "ru")
        self.language.addItem("Íslenska", "is")
        self.language.setCurrentIndex(max(0, self.language.findData(info.language or "")))
        self.region = QComboBox()
        self.region.setEditable(False)
        for code, name in region_names():
            self.region.addItem(f"{name} ({code})", code)
        self.region.setCurrentIndex(max(0, self.region.findData(info.phone_region)))
        note = PlainLabel(_t("Phone numbers typed without a country code are read as numbers in "
                         "this country, unless the customer's country is known.")
                      if info.phone_region_chosen else
                      _t("Chosen from the team's time zone until you save another."))
        note.setWordWrap(True)
        note.setObjectName("muted")
        form = QFormLayout()
        form.addRow(_t("Reports and acknowledgements in"), self.language)
        form.addRow(_t("Phone numbers without a country code"), self.region)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)


def region_names() -> list[tuple[str, str]]:
    """(code, name) of every country phone numbers can be read in, by name."""
    import phonenumbers

    out = []
    for code in phonenumbers.SUPPORTED_REGIONS:
        territory = QLocale.codeToTerritory(code)
        name = QLocale.territoryToString(territory) if territory.value else code
        out.append((code, name))
    return sorted(out, key=lambda item: item[1].casefold())


def edit_team_locale(window: Any) -> TeamLocaleDialog:
    """Open the team's language and phone country; saving writes the synced row."""
    settings = window.settings
    with window.store.read() as session:
        info = team_locale.load_locale(session, _zone(settings.get(TEAM_TIMEZONE)),
                                       settings.get(DEFAULT_REGION))
    dialog = TeamLocaleDialog(info, window)

    def save() -> None:
        region, language = dialog.region.currentData(), dialog.language.currentData()
        window.ops.write(lambda uow: team_locale.save_locale(
            uow, phone_region=region, language=language))
        window.statusBar().showMessage(_t("Team language and phone country saved."), 4000)

    dialog.accepted.connect(save)
    dialog.open()
    return dialog


def fit_sidebar(window: Any) -> None:
    """Widen the sidebar to its longest view name and count (Russian and Icelandic
    names are longer than the English ones it was sized for)."""
    view = window.sidebar
    model = view.model()
    widest = max((view.sizeHintForIndex(model.index(r, 0)).width()
                  for r in range(model.rowCount())), default=0)
    # the item's padding and the selection's rounded edge (theme) come on top
    need = widest + 2 * view.frameWidth() + 40
    if need <= view.minimumWidth():
        return
    view.setMinimumWidth(need)
    sizes = window.splitter.sizes()
    if sum(sizes) > 0 and sizes[0] < need:  # laid out already (else the minimum does it)
        grow = need - sizes[0]
        sizes[0] = need
        sizes[-1] = max(300, sizes[-1] - grow)  # from the conversation pane, the widest
        window.splitter.setSizes(sizes)


def install(window: Any) -> None:
    """Add View → Language and Tools → Team language and phone country…, and keep the
    sidebar wide enough for the language's view names."""
    model = window.sidebar.model()
    for signal in (model.rowsInserted, model.modelReset, model.dataChanged):
        signal.connect(lambda *_a: fit_sidebar(window))
    fit_sidebar(window)
    menu = window.view_menu.addMenu(_t("Language"))
    group = QActionGroup(window)
    current = window.settings.get(LANGUAGE)
    window.language_actions = {}
    for value, name in LANGUAGES:
        act = QAction(name or _t("Follow the system"), window)
        act.setCheckable(True)
        act.setChecked(current == value)
        act.triggered.connect(lambda _c=False, v=value: choose_language(window, v))
        group.addAction(act)
        menu.addAction(act)
        window.language_actions[value] = act
    team = QAction(_t("Team language and phone country…"), window)
    team.triggered.connect(lambda: edit_team_locale(window))
    window.tools_menu.addAction(team)
    window.act_team_locale = team
