"""Errors the store raises, worded for the person at the keyboard."""


class StoreError(Exception):
    """The profile cannot be opened or written; the message says why and what to do."""


class ProfileLockedError(StoreError):
    """Another SupportDesk already has this profile open."""


class NewerDatabaseError(StoreError):
    """The database was written by a newer SupportDesk than this one."""
