"""Light and dark themes: a Fusion palette plus a small style sheet."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from supportdesk.resources import resource_dir

LIGHT = {
    "window": "#f6f7f9", "base": "#ffffff", "alt": "#f3f5f8", "text": "#1f2328",
    "muted": "#6b7280", "button": "#eef0f3", "highlight": "#2b6cb0", "hl_text": "#ffffff",
    "border": "#d6dae0", "sidebar": "#eceff3", "link": "#1f5fa8", "error": "#c0392b",
    "chip": "#e3ebf6",
}
DARK = {
    "window": "#1e2126", "base": "#16181c", "alt": "#1b1e22", "text": "#e6e6e6",
    "muted": "#9aa3ad", "button": "#2a2e35", "highlight": "#2f6db5", "hl_text": "#ffffff",
    "border": "#353a42", "sidebar": "#191c20", "link": "#7fb2f0", "error": "#ff7b72",
    "chip": "#263447",
}


#: warning banners (contract not covering, composer notices): background, text, border
BANNERS = {
    False: ("#fdecea", "#8a1c13", "#f5c2bd"),
    True: ("#3b1d1c", "#ffb4ab", "#7a3a35"),
}
#: notes that ask for attention without alarm (amber)
NOTES = {
    False: ("#fff4e5", "#663c00", "#ffd699"),
    True: ("#3a2a12", "#ffd8a8", "#7a5a2a"),
}
#: coloured text made for a light background -> the same meaning, readable on a dark one
DARK_TEXT = {
    "#c62828": "#ff8a80", "#d64545": "#ff8a80", "#b45309": "#ffb86b", "#ef6c00": "#ffb86b",
    "#e08a1e": "#ffb86b", "#2e7d32": "#81c995", "#616161": "#b8bec6", "#757575": "#b8bec6",
    "#6b6b6b": "#b8bec6", "#9e9e9e": "#b8bec6", "#8a8f98": "#b8bec6",
}
#: coloured text too faint on a light background -> a darker shade of it (4.5:1)
LIGHT_TEXT = {"#d64545": "#c62828", "#e08a1e": "#b45309", "#ef6c00": "#b45309",
              "#8a8f98": "#5f6670", "#9e9e9e": "#6b6b6b"}
#: the border of check boxes and radio buttons (3:1 against the window), light and dark
CONTROL_BORDER = {False: "#79828f", True: "#8b95a3"}
_state = {"dark": False}


def is_dark() -> bool:
    """Whether the dark theme is applied now."""
    return _state["dark"]


def text_colour(colour: str) -> str:
    """A text colour as shown in the current theme (lighter variants in the dark one)."""
    key = colour.lower()
    return DARK_TEXT.get(key, colour) if _state["dark"] else LIGHT_TEXT.get(key, colour)


def _controls(c: dict[str, str], dark: bool) -> str:
    icons = (resource_dir() / "icons").as_posix()
    return f"""
        QCheckBox::indicator, QRadioButton::indicator, QGroupBox::indicator {{
            width: 14px; height: 14px; background: {c["base"]};
            border: 1px solid {CONTROL_BORDER[dark]}; }}
        QCheckBox::indicator, QGroupBox::indicator {{ border-radius: 3px; }}
        QRadioButton::indicator {{ border-radius: 8px; }}
        QCheckBox::indicator:checked, QGroupBox::indicator:checked {{
            background: {c["highlight"]}; border-color: {c["highlight"]};
            image: url({icons}/check-dark.svg); }}
        QRadioButton::indicator:checked {{ background: {c["highlight"]};
            border-color: {c["highlight"]}; image: url({icons}/radio-dark.svg); }}
        QCheckBox::indicator:disabled, QRadioButton::indicator:disabled {{
            border-color: {c["muted"]}; background: {c["window"]}; }}
        QCheckBox::indicator:focus, QRadioButton::indicator:focus {{
            border-color: {c["link"]}; }}
    """


def system_prefers_dark() -> bool:
    """Whether the desktop asks for a dark scheme."""
    hints = QGuiApplication.styleHints()
    return hints.colorScheme() == Qt.ColorScheme.Dark


def resolve(choice: str) -> bool:
    """True for dark, given the setting (light, dark or system)."""
    if choice == "dark":
        return True
    if choice == "light":
        return False
    return system_prefers_dark()


def apply(app: QApplication, dark: bool) -> None:
    """Colour the whole application."""
    c = DARK if dark else LIGHT
    _state["dark"] = dark
    banner, note = BANNERS[dark], NOTES[dark]
    app.setStyle("Fusion")
    pal = QPalette()
    role = QPalette.ColorRole
    pal.setColor(role.Window, QColor(c["window"]))
    pal.setColor(role.WindowText, QColor(c["text"]))
    pal.setColor(role.Base, QColor(c["base"]))
    pal.setColor(role.AlternateBase, QColor(c["alt"]))
    pal.setColor(role.Text, QColor(c["text"]))
    pal.setColor(role.Button, QColor(c["button"]))
    pal.setColor(role.ButtonText, QColor(c["text"]))
    pal.setColor(role.Highlight, QColor(c["highlight"]))
    pal.setColor(role.HighlightedText, QColor(c["hl_text"]))
    pal.setColor(role.ToolTipBase, QColor(c["base"]))
    pal.setColor(role.ToolTipText, QColor(c["text"]))
    pal.setColor(role.PlaceholderText, QColor(c["muted"]))
    pal.setColor(role.Link, QColor(c["link"]))
    pal.setColor(QPalette.ColorGroup.Disabled, role.Text, QColor(c["muted"]))
    pal.setColor(QPalette.ColorGroup.Disabled, role.ButtonText, QColor(c["muted"]))
    pal.setColor(QPalette.ColorGroup.Disabled, role.WindowText, QColor(c["muted"]))
    app.setPalette(pal)
    app.setStyleSheet(
        f"""
        QListView#sidebar {{ background: {c["sidebar"]}; border: none; padding: 6px 0; }}
        QListView#sidebar::item {{ padding: 5px 10px; border-radius: 4px; margin: 0 6px; }}
        QListView#sidebar::item:selected {{ background: {c["highlight"]};
            color: {c["hl_text"]}; }}
        QTableView#inbox {{ border: none; gridline-color: transparent; }}
        QTableView#inbox::item {{ padding: 0 6px; }}
        QHeaderView::section {{ background: {c["window"]}; color: {c["muted"]};
            border: none; border-bottom: 1px solid {c["border"]}; padding: 4px 6px; }}
        QLabel#subject {{ font-size: 15pt; font-weight: 600; }}
        QLabel#customerName {{ font-size: 13pt; font-weight: 600; }}
        QLabel#muted {{ color: {c["muted"]}; }}
        QLabel#sectionTitle {{ color: {c["muted"]}; font-weight: 600; }}
        QLabel#error {{ color: {c["error"]}; }}
        QFrame#customerPanel {{ background: {c["alt"]};
            border-left: 1px solid {c["border"]}; }}
        QTextBrowser#timeline {{ border: 1px solid {c["border"]}; border-radius: 4px;
            background: {c["base"]}; }}
        QToolButton#tagChip {{ background: {c["chip"]}; border-radius: 9px;
            padding: 2px 8px; border: none; }}
        QLineEdit#search {{ padding: 4px 8px; border-radius: 6px;
            border: 1px solid {c["border"]}; background: {c["base"]}; min-width: 320px; }}
        QSplitter::handle {{ background: {c["border"]}; }}
        QLabel#workflowBanner, QLabel#composerNotice, QLabel#workflowWarning {{
            background: {banner[0]}; color: {banner[1]}; border: 1px solid {banner[2]};
            border-radius: 4px; padding: 6px 8px; }}
        QLabel#workflowNote {{ background: {note[0]}; color: {note[1]};
            border: 1px solid {note[2]}; border-radius: 4px; padding: 6px; }}
        """
        + _controls(c, dark)
    )
