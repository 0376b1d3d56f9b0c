"""The support workflow in the window: SLA strip, escalation, canned answers, time, on-call.

``install(window)`` is called once by ``app.install_extensions``. Other UI
code reaches the workflow through ``window.workflow`` (a
:class:`~supportdesk.ui.workflow.controller.WorkflowController`), e.g. the
email controller calls ``attach_composer(composer, conversation_id)`` when a
composer opens: it adds "Canned answer…" (Ctrl+Shift+K), the cover warning,
and the check before sending (unfilled placeholders, messages that arrived
since the draft began). Tools → "Canned answers…" and "Contracts…" and the
customer panel's "Contract…" live in :mod:`supportdesk.ui.workflow.manage`.
"""

from __future__ import annotations

from typing import Any

from supportdesk.ui.workflow.controller import WorkflowController


def install(window: Any) -> WorkflowController:
    """Add the workflow to a main window; returns its controller (also ``window.workflow``)."""
    controller = WorkflowController(window)
    window.workflow = controller
    return controller


__all__ = ["WorkflowController", "install"]
