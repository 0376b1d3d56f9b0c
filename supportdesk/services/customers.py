"""Customers and their identities: matching, creating, normalising phone numbers."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from supportdesk.models import Customer, Identity, IdentityKind, new_id
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
    seen: set[str] = set()
    while customer_id is not None and customer_id not in seen:
        seen.add(customer_id)
        merged = session.scalar(select(Customer.merged_into_id).where(Customer.id == customer_id))
        if merged is None:
            break
        customer_id = merged
    return customer_id


def find_or_create_customer(
    uow: UnitOfWork,
    kind: str,
    value: str,
    display: str,
    name: str,
    language: str | None = None,
) -> tuple[str, bool]:
    """The customer with this identity, created (with the identity) when unknown.

    Returns:
        The customer's id and whether it was created now.
    """
    existing = find_customer_id(uow.session, kind, value)
    if existing is not None:
        return existing, False
    customer = uow.add(Customer(id=new_id(), name=name or display, language=language))
    uow.add(
        Identity(
            id=new_id(),
            customer_id=customer.id,
            kind=kind,
            value=value,
            display=display,
            search_key=identity_search_key(kind, value),
        )
    )
    return customer.id, True


def add_identity(uow: UnitOfWork, customer_id: str, kind: str, value: str, display: str) -> bool:
    """Attach another identity to a customer; False when it already belongs to someone."""
    if find_customer_id(uow.session, kind, value) is not None:
        return False
    uow.add(
        Identity(
            id=new_id(),
            customer_id=customer_id,
            kind=kind,
            value=value,
            display=display,
            search_key=identity_search_key(kind, value),
        )
    )
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
