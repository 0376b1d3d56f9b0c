"""The support workflow in the window: SLA strip, escalation, canned answers, time, on-call.

``install(window)`` is called once by ``app.install_extensions``. Other UI
code reaches the workflow through ``window.workflow`` (a
:class:`~supportdesk.ui.workflow.controller.WorkflowController`), e.g. the
email composer calls ``window.workflow.insert_canned_answer(editor)`` and,
before sending, ``send_guard.confirm_send(...)``.
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
