"""Structured logs: one JSON object a line, and never a secret in them."""

from __future__ import annotations

import json
import logging
import sys
import time
from typing import Any

log = logging.getLogger("supportdesk.server")

#: Keys that may never be logged, whatever a caller passes.
_SECRET_KEYS = frozenset({"password", "token", "access_token", "refresh_token", "authorization"})


def event(name: str, level: int = logging.INFO, **fields: Any) -> None:
    """Log one event with its fields (secret-looking keys are dropped)."""
    clean = {k: v for k, v in fields.items() if k.lower() not in _SECRET_KEYS}
    log.log(level, name, extra={"fields": clean})


class JsonFormatter(logging.Formatter):
    """``{"ts": ..., "level": ..., "event": ..., ...fields}``."""

    def format(self, record: logging.LogRecord) -> str:
        data: dict[str, Any] = {
            "ts": round(record.created, 3),
            "level": record.levelname.lower(),
            "logger": record.name,
            "event": record.getMessage(),
        }
        data.update(getattr(record, "fields", {}))
        if record.exc_info:
            data["error"] = self.formatException(record.exc_info).splitlines()[-1]
        return json.dumps(data, ensure_ascii=False, default=str)


def setup(level: int = logging.INFO) -> None:
    """Send the server's and uvicorn's logs to stderr as JSON lines."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter())
    for name in ("supportdesk", "uvicorn", "uvicorn.error"):
        logger = logging.getLogger(name)
        logger.handlers = [handler]
        logger.setLevel(level)
        logger.propagate = False
    # Our middleware logs each request (without query strings or headers).
    logging.getLogger("uvicorn.access").disabled = True


def now() -> float:
    """Wall time, for log durations."""
    return time.perf_counter()
