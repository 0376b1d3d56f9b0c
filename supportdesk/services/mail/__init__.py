"""The email channel's use cases.

- ``ingest``: raw mail -> deduplicated, threaded rows (``Ingestor`` for batches);
- ``importer``: ``import_mail_path`` for .eml files, folders and mbox files;
- ``fetch`` / ``watch``: IMAP into the store, first a date window, then IDLE or polling;
- ``outgoing`` / ``sender``: write mail (stored at once), the outgoing queue, SMTP;
- ``manage``: split a message off, move it to another conversation;
- ``mailboxes`` / ``passwords``: settings, and passwords in the OS keyring only;
- ``view``: what the conversation view shows of a mail (safe HTML, files, notes).

Submodules are imported where they are used, so a command that only imports
files does not load the IMAP or keyring libraries.
"""

from supportdesk.services.mail.importer import ImportSummary, import_mail_path

__all__ = ["ImportSummary", "import_mail_path"]
