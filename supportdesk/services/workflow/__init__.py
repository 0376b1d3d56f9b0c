"""Support workflow use cases: SLA tracking and honest ETAs, escalation and on-call,
canned answers, time tracking and contracts (issue 6).

Each module takes a ``UnitOfWork`` for writes (so every row gets its outbox
entry) or a ``Session`` for reads, and returns plain dataclasses.
"""
