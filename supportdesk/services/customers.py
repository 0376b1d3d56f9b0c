"""Customers and their identities: matching, creating, normalising phone numbers."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from supportdesk.models import Customer, Identity, IdentityKind, derived_id
from supportdesk.services.natural_ids import natural_id
from supportdesk.store import UnitOfWork


class InvalidPhoneNumberError(ValueError):
    """A phone number that cannot be understood; the message says why."""


@dataclass(frozen=True)
class PhoneNumber:
    """A parsed phone number."""

    e164: str
    display: str


def normalize_phone(text: str, default_region: str = "US") -> PhoneNumber:
    """Parse what a rep typed into an E.164 number.

    Raises:
        InvalidPhoneNumberError: with a sentence a rep can act on.
    """
    import phonenumbers  # its metadata takes a while to load; only calls need it

    cleaned = text.strip()
    if not cleaned:
        raise InvalidPhoneNumberError("Enter the caller's phone number.")
    if cleaned.startswith("00"):
        cleaned = "+" + cleaned[2:]
    try:
        parsed = phonenumbers.parse(cleaned, default_region.upper() or None)
    except phonenumbers.NumberParseException as exc:
        raise InvalidPhoneNumberError(
            f"'{text}' is not a phone number SupportDesk can read. Type it with its country "
            "code, like +44 20 7946 0958."
        ) from exc
    if not phonenumbers.is_possible_number(parsed):
        raise InvalidPhoneNumberError(
            f"'{text}' has the wrong number of digits for a phone number in "
            f"{phonenumbers.region_code_for_number(parsed) or default_region}. Check it, or "
            "add the country code."
        )
    e164 = phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)
    display = phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    return PhoneNumber(e164, display)


def normalize_email(text: str) -> str:
    """An address in the form identities are matched by."""
    return text.strip().lower()


def identity_search_key(kind: str, value: str) -> str:
    """The form partial searches match (digits only for phones)."""
    if kind == IdentityKind.PHONE:
        return re.sub(r"\D", "", value)
    return value.lower()


def find_customer_id(session: Session, kind: str, value: str) -> str | None:
    """The customer an identity belongs to, following merges."""
    customer_id = session.scalar(
        select(Identity.customer_id).where(Identity.kind == kind, Identity.value == value)
    )
    return None if customer_id is None else _root(session, customer_id)


def find_or_create_customer(
    uow: UnitOfWork,
    kind: str,
    value: str,
    display: str,
    name: str,
    language: str | None = None,
) -> tuple[str, bool]:
    """The customer with this identity, created (with the identity) when unknown.

    A new customer and its identity get ids derived from the identity
    (``customer_id_for`` and ``identity_id_for``), the same ids mail ingest
    and chat import make: two laptops that each meet a new caller or address
    offline create the same rows, and sync merges them into one customer
    (each field last-writer-wins). When the derived customer is already here
    (another device made it for this identity), the identity joins it.

    Returns:
        The customer's id and whether it was created now.
    """
    existing = find_customer_id(uow.session, kind, value)
    if existing is not None:
        return existing, False
    session = uow.session
    derived = derived_id("customer", str(kind), value)
    if session.scalar(select(Customer.id).where(Customer.id == derived)) is not None:
        customer_id, created = derived, False
    else:
        customer_id = customer_id_for(session, kind, value)
        uow.add(Customer(id=customer_id, name=name or display, language=language))
        created = True
    _add_identity_row(uow, customer_id, kind, value, display)
    return _root(session, customer_id), created


def customer_id_for(session: Session, kind: str, value: str) -> str:
    """The id of the customer made for a new identity (derived from it, see ``natural_ids``)."""
    return natural_id(session, "customers", "customer", str(kind), value)


def identity_id_for(session: Session, kind: str, value: str) -> str:
    """The id of a new identity row, derived from (kind, value).

    An identity never moves to another customer and is never deleted, and
    ``UNIQUE(kind, value)`` allows one row per value, so an identity added
    to an existing customer later can derive its id from the value too: two
    devices that add the same number to a customer make one row, and if they
    add it to different customers the merge keeps one owner and logs the
    other in the conflict view, instead of hiding a row.
    """
    return natural_id(session, "identities", "identity", str(kind), value)


def _add_identity_row(
    uow: UnitOfWork, customer_id: str, kind: str, value: str, display: str
) -> None:
    uow.add(
        Identity(
            id=identity_id_for(uow.session, kind, value),
            customer_id=customer_id,
            kind=kind,
            value=value,
            display=display,
            search_key=identity_search_key(kind, value),
        )
    )


def _root(session: Session, customer_id: str) -> str:
    """The customer that ``customer_id`` was merged into, following merges."""
    seen: set[str] = set()
    while customer_id not in seen:
        seen.add(customer_id)
        merged = session.scalar(select(Customer.merged_into_id).where(Customer.id == customer_id))
        if merged is None:
            break
        customer_id = merged
    return customer_id


def add_identity(uow: UnitOfWork, customer_id: str, kind: str, value: str, display: str) -> bool:
    """Attach another identity to a customer; False when it already belongs to someone."""
    if find_customer_id(uow.session, kind, value) is not None:
        return False
    _add_identity_row(uow, customer_id, kind, value, display)
    return True


def merge_customers(uow: UnitOfWork, keep_id: str, merge_id: str) -> None:
    """Merge one customer into another, reversibly: the merged one points at the kept one."""
    merged = uow.session.scalars(select(Customer).where(Customer.id == merge_id)).one()
    uow.update(merged, merged_into_id=keep_id)


def unmerge_customer(uow: UnitOfWork, customer_id: str) -> None:
    """Undo a merge."""
    customer = uow.session.scalars(select(Customer).where(Customer.id == customer_id)).one()
    uow.update(customer, merged_into_id=None)


def customer_name_for(session: Session, kind: str, value: str) -> str | None:
    """The name of the customer an identity belongs to, if any."""
    customer_id = find_customer_id(session, kind, value)
    if customer_id is None:
        return None
    return session.scalar(select(Customer.name).where(Customer.id == customer_id))
