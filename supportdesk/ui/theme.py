"""Light and dark themes: a Fusion palette plus a small style sheet."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

LIGHT = {
    "window": "#f6f7f9", "base": "#ffffff", "alt": "#f3f5f8", "text": "#1f2328",
    "muted": "#6b7280", "button": "#eef0f3", "highlight": "#2b6cb0", "hl_text": "#ffffff",
    "border": "#d6dae0", "sidebar": "#eceff3", "link": "#1f5fa8", "error": "#c0392b",
    "chip": "#e3ebf6",
}
DARK = {
    "window": "#1e2126", "base": "#16181c", "alt": "#1b1e22", "text": "#e6e6e6",
    "muted": "#9aa3ad", "button": "#2a2e35", "highlight": "#3d7ccc", "hl_text": "#ffffff",
    "border": "#353a42", "sidebar": "#191c20", "link": "#7fb2f0", "error": "#ff7b72",
    "chip": "#263447",
}


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
        """
    )
