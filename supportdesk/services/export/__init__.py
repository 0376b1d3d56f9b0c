"""Exports for the customer or a lawyer: a conversation as PDF, HTML, .eml or mbox;
a customer's whole history as one PDF or a zip."""

from supportdesk.services.export.timeline import (
    ConversationExport,
    ExportError,
    customer_conversations,
    load_conversation,
)

__all__ = ["ConversationExport", "ExportError", "customer_conversations", "load_conversation"]
