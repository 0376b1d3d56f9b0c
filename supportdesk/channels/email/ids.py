"""Deterministic ids for ingested mail.

Two laptops that fetch the same mailbox must create the same rows, so these
ids are UUIDv5 values under one fixed project namespace, computed only from
what is in the mail. Never change ``NAMESPACE`` or the name layouts below:
every stored id depends on them.
"""

from __future__ import annotations

import uuid

from supportdesk.channels.email.headers import normalise_message_id
from supportdesk.models import ticket_ref

NAMESPACE = uuid.UUID("f78503d1-01fa-4d60-a63b-54f869095b33")
"""The SupportDesk email namespace (made once with uuid4; fixed forever)."""

TICKET_TAG_PREFIX = "SD-"
#: The alphabet of ticket references (Crockford base32).
CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def _name(kind: str, *parts: str) -> str:
    """Join parts unambiguously: each is length-prefixed."""
    return kind + "".join(f":{len(part)}:{part}" for part in parts)


def message_row_id(mailbox_key: str, message_id: str) -> str:
    """Return the id of the row for ``message_id`` fetched from ``mailbox_key``.

    ``message_id`` is normalised first, so ``<A@X.org>`` and ``A@x.org`` agree.
    Two different messages that share a Message-ID in one mailbox share a row
    id; the store should keep the first.
    """
    name = _name("message", mailbox_key, normalise_message_id(message_id))
    return str(uuid.uuid5(NAMESPACE, name))


def conversation_id_for_root(root_message_id: str) -> str:
    """Return the conversation id for a thread whose first message is ``root_message_id``."""
    name = _name("conversation", normalise_message_id(root_message_id))
    return str(uuid.uuid5(NAMESPACE, name))


def ticket_tag_for(conversation_id: str) -> str:
    """Return the subject tag ``SD-XXXXXXXX`` of a conversation.

    The same reference the app shows everywhere (``models.ticket_ref``): 40 bits
    of a hash of the id, so lookups prefer References and treat the tag as a hint.
    """
    return ticket_ref(conversation_id)
