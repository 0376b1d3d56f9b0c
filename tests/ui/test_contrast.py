"""Both themes are readable: text 4.5:1, controls 3:1 (WCAG contrast), measured on pixels too."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QCheckBox, QLabel, QRadioButton, QVBoxLayout, QWidget

from supportdesk.ui import theme
from supportdesk.ui.models import PRIORITY_COLORS
from supportdesk.ui.workflow.panel import STATE_COLOURS

TEXT = 4.5
CONTROL = 3.0


def luminance(colour: QColor) -> float:
    def channel(v: int) -> float:
        c = v / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(colour.red()) + 0.7152 * channel(colour.green()) + 0.0722 * channel(
        colour.blue())


def contrast(a: str | QColor, b: str | QColor) -> float:
    la, lb = luminance(QColor(a)), luminance(QColor(b))
    return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)


def test_contrast_formula() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


@pytest.fixture(params=[False, True], ids=["light", "dark"])
def dark(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[bool]:
    theme.apply(qapp, request.param)
    yield request.param
    theme.apply(qapp, False)


def test_text_colours_are_readable(dark: bool) -> None:
    c = theme.DARK if dark else theme.LIGHT
    for fg, bg in (("text", "base"), ("text", "window"), ("muted", "base"),
                   ("muted", "window"), ("link", "base"), ("error", "window"),
                   ("hl_text", "highlight"), ("text", "sidebar"), ("text", "chip")):
        assert contrast(c[fg], c[bg]) >= TEXT, (fg, bg)
    banner = theme.BANNERS[dark]
    assert contrast(banner[1], banner[0]) >= TEXT
    note = theme.NOTES[dark]
    assert contrast(note[1], note[0]) >= TEXT
    # Due times and priorities in the list, as the current theme shows them.
    for colour in [s[0] for s in STATE_COLOURS.values()] + [
            p for p in PRIORITY_COLORS.values() if p]:
        shown = theme.text_colour(colour)
        assert contrast(shown, c["base"]) >= TEXT, (colour, shown)
        assert contrast(shown, c["alt"]) >= TEXT, (colour, shown)
    # The SLA chip: white words on the state's colour.
    for background, words in STATE_COLOURS.values():
        assert contrast(words, background) >= TEXT, background


def _indicator_contrast(widget: QWidget, background: QColor) -> float:
    """The strongest contrast between the indicator's pixels and the window behind it."""
    image = widget.grab().toImage()
    size = widget.style().pixelMetric(widget.style().PixelMetric.PM_IndicatorWidth) + 4
    best = 1.0
    for x in range(min(size, image.width())):
        for y in range(image.height()):
            best = max(best, contrast(image.pixelColor(x, y), background))
    return best


def test_check_boxes_radio_buttons_and_banners_are_visible(qtbot: QtBot, dark: bool) -> None:
    c = theme.DARK if dark else theme.LIGHT
    page = QWidget()
    qtbot.addWidget(page)
    box = QCheckBox("Remember the password")
    checked = QCheckBox("Billable")
    checked.setChecked(True)
    radio = QRadioButton("Per incident")
    banner = QLabel("No support contract for this customer")
    banner.setObjectName("workflowBanner")
    layout = QVBoxLayout(page)
    for w in (box, checked, radio, banner):
        layout.addWidget(w)
    page.show()
    qtbot.waitExposed(page)
    window = QColor(c["window"])
    for control in (box, checked, radio):
        assert _indicator_contrast(control, window) >= CONTROL, (control.text(), dark)
    # The banner is painted in the theme's colours (no light pink on a dark window).
    image = banner.grab().toImage()
    painted = image.pixelColor(image.width() // 2, 3)
    assert contrast(painted, QColor(theme.BANNERS[dark][0])) < 1.1
