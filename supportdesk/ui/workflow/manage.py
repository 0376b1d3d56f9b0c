"""Owners' management dialogs in the window: canned answers, contracts, contract SLA policies.

Every write is a service call on the store's single writer; a refused write
comes back to the dialog that asked (in its own words, nothing half-written)
instead of a message box over the window.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable
from concurrent.futures import Future
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QPushButton, QVBoxLayout

from supportdesk.models.workflow import UsageKind
from supportdesk.services.workflow import canned, contracts, team, tracking
from supportdesk.services.workflow.contracts import HolderChoice
from supportdesk.services.workflow.team import WorkflowError
from supportdesk.store import StoreError, UnitOfWork
from supportdesk.ui.workflow.canned_dialog import CannedAnswersDialog, CannedEdit
from supportdesk.ui.workflow.contracts_dialog import (
    ContractDetails,
    ContractEdit,
    ContractsDialog,
    UsageEdit,
)
from supportdesk.ui.workflow.editors import PolicyEdit, SlaPolicyDialog
from supportdesk.ui.workflow.panel import cover_text

if TYPE_CHECKING:
    from supportdesk.ui.workflow.controller import WorkflowController

log = logging.getLogger(__name__)


def _t(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate: -tr-function-alias tr+=_t


def _words(error: BaseException) -> str:
    if isinstance(error, WorkflowError | StoreError | ValueError):
        return str(error)
    log.error("workflow write failed", exc_info=error)
    return _t("The change could not be saved: {0}").format(error)


class WorkflowManagement(QObject):
    """Opens the management dialogs and runs what they ask for."""

    _done = Signal(object, object, object, object)  # on_done, on_error, result, error

    def __init__(self, controller: WorkflowController) -> None:
        super().__init__(controller)
        self.controller = controller
        self.window = controller.window
        self.store = controller.store
        self.canned_dialog: CannedAnswersDialog | None = None
        self.contracts_dialog: ContractsDialog | None = None
        self.policy_dialog: SlaPolicyDialog | None = None
        self._done.connect(self._finish)
        self.act_canned = controller._action(_t("Canned answers…"), self.open_canned_manager)
        self.act_contracts = controller._action(_t("Contracts…"), self.open_contracts)
        self.contract_button = QPushButton(_t("Contract…"))
        self.contract_button.setObjectName("customerContract")
        self.contract_button.setToolTip(
            _t("This customer's contract, balance and SLA policy; create one if none"))
        self.contract_button.clicked.connect(self.open_customer_contracts)
        panel_layout = self.window.pane.customer.layout()
        if isinstance(panel_layout, QVBoxLayout):
            at = panel_layout.indexOf(self.window.pane.customer.details)
            panel_layout.insertWidget(at + 1, self.contract_button)

    # -- plumbing ------------------------------------------------------------------------

    def submit(
        self,
        work: Callable[[UnitOfWork], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[str], None] | None = None,
    ) -> None:
        """Run ``work`` on the writer; callbacks on the GUI thread (errors in words)."""
        future = self.store.submit(work)

        def report(f: Future[Any]) -> None:
            error = f.exception()
            self._done.emit(on_done, on_error, None if error else f.result(), error)

        future.add_done_callback(report)

    def _finish(self, on_done: Any, on_error: Any, result: Any, error: Any) -> None:
        if error is None:
            if on_done is not None:
                on_done(result)
            self.controller.refresh()
        elif on_error is not None:
            on_error(_words(error))
        else:
            self.window.show_error(_words(error))

    def update_customer(self) -> None:
        """Enable "Contract…" when the shown conversation has a customer."""
        detail = self.window.pane.detail
        self.contract_button.setEnabled(detail is not None and detail.customer is not None)

    # -- canned answers ------------------------------------------------------------------

    def open_canned_manager(self) -> CannedAnswersDialog:
        """Tools → Canned answers… (non-blocking); returns the dialog."""

        def load() -> list[canned.CannedInfo]:
            with self.store.read() as session:
                return canned.list_canned(session)

        with self.store.read() as session:
            languages = canned.canned_languages(session)
        dialog = CannedAnswersDialog(load, languages, self.window)
        dialog.save_requested.connect(lambda edit: self.save_canned(dialog, edit))
        dialog.delete_requested.connect(lambda cid: self.delete_canned(dialog, cid))
        self.canned_dialog = dialog
        dialog.open()
        return dialog

    def save_canned(self, dialog: CannedAnswersDialog, edit: CannedEdit) -> None:
        """Store a canned answer from the dialog."""

        def work(uow: UnitOfWork) -> str:
            row = canned.save_canned(
                uow, title=edit.title, body=edit.body, shortcut=edit.shortcut,
                language=edit.language, canned_id=edit.canned_id,
                allow_unknown=edit.allow_unknown,
            )
            return row.id

        self.submit(work, dialog.saved, dialog.show_error)

    def delete_canned(self, dialog: CannedAnswersDialog, canned_id: str) -> None:
        """Retire a canned answer (a tombstone that syncs; its uses stay counted)."""
        self.submit(lambda uow: canned.retire_canned(uow, canned_id),
                    lambda _r: dialog.deleted(canned_id), dialog.show_error)

    # -- contracts -----------------------------------------------------------------------

    def open_customer_contracts(self) -> ContractsDialog | None:
        """The customer panel's "Contract…": this customer's contracts, or a new one."""
        detail = self.window.pane.detail
        if detail is None or detail.customer is None:
            self.window.statusBar().showMessage(
                _t("This conversation has no customer to make a contract with."), 5000)
            return None
        c = detail.customer
        org = c.organization.strip() if c.organization else ""
        others = [HolderChoice(org, None, org)] if org else []
        return self.open_contracts(HolderChoice(c.name, c.id, None), others)

    def open_contracts(
        self, holder: HolderChoice | None = None, other_holders: list[HolderChoice] | None = None
    ) -> ContractsDialog:
        """Tools → Contracts… (or one customer's); non-blocking, returns the dialog."""
        now = self.controller.clock()
        with self.store.read() as session:
            cfg = team.load_team(session, self.controller._fallback_zone())
            policies = team.list_policies(session, cfg)
        today = cfg.today(now)
        customer_id = holder.customer_id if holder else None

        def load() -> list[contracts.ContractListItem]:
            with self.store.read() as session:
                return contracts.list_contracts(session, customer_id=customer_id)

        def details(contract_id: str) -> ContractDetails:
            with self.store.read() as session:
                bal = contracts.balance(session, contract_id)
                history = contracts.balance_history(session, contract_id)
            return ContractDetails(bal, history, self.status_sentence(bal, today))

        def holders(text: str) -> list[HolderChoice]:
            with self.store.read() as session:
                return contracts.find_holders(session, text)

        dialog = ContractsDialog(load, details, holders, policies, today, self.window,
                                 holder=holder, other_holders=other_holders or [])
        dialog.save_requested.connect(lambda edit: self.save_contract(dialog, edit))
        dialog.usage_requested.connect(lambda edit: self.save_usage(dialog, edit))
        dialog.new_policy_requested.connect(lambda: self.open_contract_policy(dialog, None))
        dialog.edit_policy_requested.connect(lambda pid: self.open_contract_policy(dialog, pid))
        self.contracts_dialog = dialog
        dialog.open()
        return dialog

    @staticmethod
    def status_sentence(bal: contracts.Balance, today: Any) -> str:
        """Whether work under this contract is covered today, in words."""
        c = bal.contract
        if c.in_force(today):
            status: contracts.CoverStatus = "covered"
            if c.kind == "none":
                status = "no_cover"
            elif c.kind == "per_incident":
                status = "per_incident"
            elif bal.remaining is not None and bal.remaining <= 0:
                status = "exhausted"
        else:
            status = "not_started" if c.starts_on > today else "expired"
        banner = cover_text(contracts.Coverage(status, c, bal))[1]
        return banner or _t("In force today: work is covered.")

    def save_contract(self, dialog: ContractsDialog, edit: ContractEdit) -> None:
        """Store a contract, then move the due times of the conversations it covers."""
        now = self.controller.clock()

        def work(uow: UnitOfWork) -> str:
            before = None
            if edit.contract_id:
                before = contracts.contract_item(uow.session, edit.contract_id).info
            row = contracts.save_contract(
                uow, name=edit.name, kind=edit.kind, starts_on=edit.starts_on,
                customer_id=edit.customer_id, organization=edit.organization,
                expires_on=edit.expires_on, price_cents=edit.price_cents,
                currency=edit.currency, prepaid_quantity=edit.prepaid_quantity,
                sla_policy_id=edit.sla_policy_id, notes=edit.notes,
                contract_id=edit.contract_id,
            )
            ids = set(contracts.open_conversations_covered(
                uow.session, customer_id=edit.customer_id, organization=edit.organization))
            if before is not None:
                ids |= set(contracts.open_conversations_covered(
                    uow.session, customer_id=before.customer_id,
                    organization=before.organization))
            tracking.refresh_many(uow, sorted(ids), now)
            return row.id

        self.submit(work, dialog.saved, dialog.show_error)

    def save_usage(self, dialog: ContractsDialog, edit: UsageEdit) -> None:
        """Store a top-up or an adjustment."""
        now = self.controller.clock()

        def work(uow: UnitOfWork) -> str:
            if edit.kind == UsageKind.TOPUP:
                contracts.top_up(uow, edit.contract_id, edit.amount, now, edit.note)
            else:
                contracts.adjust(uow, edit.contract_id, edit.amount, now, edit.note)
            return edit.contract_id

        self.submit(work, dialog.saved, dialog.show_error)

    # -- contract policies --------------------------------------------------------------

    def make_contract_policy_dialog(self, policy_id: str | None) -> SlaPolicyDialog:
        """The policy editor for one contract policy (a new one when ``policy_id`` is None)."""
        with self.store.read() as session:
            cfg = team.load_team(session, self.controller._fallback_zone())
            if policy_id is None:
                base = team.default_policy_info(session, cfg)
                policy = dataclasses.replace(base, id=None, name="", own_week=False)
            else:
                policy = team.policy_by_id(session, policy_id, cfg)
        return SlaPolicyDialog(cfg, policy, self.window, team_fields=False)

    def open_contract_policy(
        self, contracts_dialog: ContractsDialog | None, policy_id: str | None
    ) -> SlaPolicyDialog:
        """Create or edit a contract policy (non-blocking); the contract dialog then offers it."""
        dialog = self.make_contract_policy_dialog(policy_id)
        self.policy_dialog = dialog

        def accepted() -> None:
            if dialog.result_edit is not None:
                self.save_contract_policy(dialog.result_edit, contracts_dialog)

        dialog.accepted.connect(accepted)
        dialog.open()
        return dialog

    def save_contract_policy(
        self, edit: PolicyEdit, contracts_dialog: ContractsDialog | None = None
    ) -> None:
        """Store a contract policy and move the due times that follow it."""
        now = self.controller.clock()

        def work(uow: UnitOfWork) -> str:
            row = team.save_policy(uow, name=edit.policy_name, targets=edit.targets,
                                   policy_id=edit.policy_id, week_text=edit.policy_week or None)
            tracking.refresh_open(uow, now)
            return row.id

        def done(policy_id: str) -> None:
            if contracts_dialog is None:
                return
            with self.store.read() as session:
                cfg = team.load_team(session, self.controller._fallback_zone())
                policies = team.list_policies(session, cfg)
            contracts_dialog.set_policies(policies, select=policy_id)
            contracts_dialog._check()

        on_error = contracts_dialog.show_error if contracts_dialog is not None else None
        self.submit(work, done, on_error)
