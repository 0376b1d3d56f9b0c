"""A note mentioning an agent on device A reaches that agent's Mentions view on device B."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pytestqt.qtbot import QtBot
from sqlalchemy import select

from supportdesk.config import Settings
from supportdesk.models import new_id
from supportdesk.models.kb import Mention
from supportdesk.services import actions
from supportdesk.services.kb import mentions
from supportdesk.sync.client import SyncClient
from supportdesk.ui import kb
from supportdesk.ui.mainwindow import MainWindow
from tests.services.kb.helpers import make_conversation

SUBJECT = "Re: Password reset link expired"


def test_find_mentions_by_full_or_unique_first_name_folded() -> None:
    team = [("p", "Priya Raman"), ("a", "Alex Morgan"), ("s", "Þóra Jónsdóttir"),
            ("s2", "Sam Okafor"), ("s3", "Sam Lee")]
    assert mentions.find_mentions("@Priya Raman can you check?", team) == ["p"]
    assert mentions.find_mentions("cc @priya and @ALEX MORGAN, @þora", team) == ["p", "a", "s"]
    assert mentions.find_mentions("@Sam please", team) == []  # two Sams: ambiguous
    assert mentions.find_mentions("@Sam Lee please, @Sam Lee again", team) == ["s3"]
    assert mentions.find_mentions("mail priya@acme.test or @Priyanka", team) == []


def test_mention_on_device_a_shows_in_the_agents_mentions_view_on_device_b(
        qtbot: QtBot, make_client: Callable[..., SyncClient], tmp_path: Path) -> None:
    a, b = make_client("alice"), make_client("bob")
    me, priya = new_id(), new_id()
    setup = make_conversation(a.store, ids=(me, priya))
    a.sync()
    b.sync()
    b.store.set_agent(priya)
    window = MainWindow(b.store, Settings(tmp_path / "b-settings"))
    qtbot.addWidget(window)
    kb.install(window)
    window.show()
    view = window.mentions.open_view()
    assert view.subjects() == []

    # Alex, on device A, calls Priya in with a note; a note without a mention does nothing.
    a.store.write(lambda uow: actions.add_note(uow, setup.conversation,
                                               "Nothing to see here", "Alex Morgan"))
    note = a.store.write(lambda uow: actions.add_note(
        uow, setup.conversation, "@Priya Raman could you check the reset mail log?",
        "Alex Morgan"))
    a.sync()
    b.sync()
    qtbot.waitUntil(lambda: view.subjects() == [SUBJECT], timeout=10_000)
    assert "Alex Morgan mentioned you" in view.list.item(0).text()
    assert window.mentions.act_view.text() == "Mentions (1)"
    assert "mentioned you" in window.statusBar().currentMessage()

    # Opening it clears it, here and (after a sync) on device A too.
    window.mentions.open(setup.conversation)
    qtbot.waitUntil(lambda: view.subjects() == [], timeout=10_000)
    # The timeline shows who was called in, right after the note.
    text = window.pane.browser.toPlainText()
    assert text.count("Alex Morgan mentioned Priya Raman") == 1
    assert text.index("could you check the reset mail log") < text.index(
        "Alex Morgan mentioned Priya Raman")
    assert window.mentions.act_view.text() == "Mentions"
    b.sync()
    a.sync()
    with a.store.read() as s:
        rows = s.scalars(select(Mention)).all()
        assert [(m.message_id, m.agent_id, m.by_name) for m in rows] == [
            (note.id, priya, "Alex Morgan")]
        assert rows[0].seen_at is not None
        assert mentions.unseen(s, priya) == []
    window.close()


def test_typing_at_offers_the_team_and_a_saved_note_mentions(
        qtbot: QtBot, make_client: Callable[..., SyncClient], tmp_path: Path) -> None:
    a = make_client("alice")
    setup = make_conversation(a.store)
    window = MainWindow(a.store, Settings(tmp_path / "a-settings"))
    qtbot.addWidget(window)
    kb.install(window)
    window.show()
    window.reload_agents()
    window.open_conversation(setup.conversation)
    composer = window.pane.composer
    composer.setFocus()
    qtbot.keyClicks(composer, "Please look @")
    completer = window.mentions.completer
    assert completer.offers() == ["Priya Raman"]  # the team, without me
    qtbot.keyClicks(composer, "pr")
    assert completer.offers() == ["Priya Raman"]
    qtbot.keyClicks(composer, "x")
    assert completer.offers() == []
    qtbot.keyClick(composer, "\b")
    completer.choose("Priya Raman")
    assert composer.toPlainText() == "Please look @Priya Raman "
    window.pane.save_note.click()

    def agents_mentioned() -> list[str]:
        with a.store.read() as s:
            return list(s.scalars(select(Mention.agent_id)))

    qtbot.waitUntil(lambda: agents_mentioned() == [setup.other_agent], timeout=10_000)
    window.close()
