"""Deterministic ids: the same mail gives the same ids on every machine, forever."""

from __future__ import annotations

import re
import uuid

from supportdesk.channels.email.ids import (
    conversation_id_for_root,
    message_row_id,
    ticket_tag_for,
)


def test_ids_are_pinned() -> None:
    # If these change, every stored id changes: existing profiles would duplicate mail.
    assert message_row_id("imap://desk@mail.example/INBOX", "abc@example.com") == (
        "e5449596-a74d-5f71-a47f-7bcb5bb4f866"
    )
    assert conversation_id_for_root("abc@example.com") == "2e65c0cd-33c1-5f1a-813d-032689871557"


def test_ids_are_uuid5_strings() -> None:
    value = uuid.UUID(conversation_id_for_root("root@example.com"))
    assert value.version == 5


def test_message_ids_are_normalised_before_hashing() -> None:
    box = "imap://desk@mail.example/INBOX"
    assert message_row_id(box, "<Abc@Example.COM>") == message_row_id(box, "Abc@example.com")
    assert message_row_id(box, "Abc@example.com") != message_row_id(box, "abc@example.com")
    assert conversation_id_for_root("<r@X.org>") == conversation_id_for_root("r@x.org")


def test_mailbox_and_message_cannot_be_confused() -> None:
    assert message_row_id("a:", "b@c") != message_row_id("a", ":b@c")
    assert message_row_id("box1", "m@x") != message_row_id("box2", "m@x")
    assert conversation_id_for_root("m@x") != message_row_id("", "m@x")


def test_ticket_tags() -> None:
    tag = ticket_tag_for(conversation_id_for_root("root@example.com"))
    assert re.fullmatch(r"SD-[0-9A-HJKMNP-TV-Z]{8}", tag)
    assert tag == ticket_tag_for(conversation_id_for_root("root@example.com"))
    tags = {ticket_tag_for(str(uuid.UUID(int=i))) for i in range(2000)}
    assert len(tags) == 2000
