"""A client process for kill -9 tests: says when it starts syncing, then syncs in
small batches (many transactions, so a kill lands in the middle of one)."""

from __future__ import annotations

import sys
from pathlib import Path

from supportdesk.store import Store
from supportdesk.sync.client import RequestsTransport, SyncClient, SyncError


def main() -> None:
    store = Store.open(Path(sys.argv[1]))
    client = SyncClient(store, RequestsTransport(), push_batch=25, pull_page=25,
                        snapshot_page=20)
    print("ready", flush=True)
    try:
        client.sync()
    except SyncError as exc:
        print(exc, file=sys.stderr)
    store.close()


if __name__ == "__main__":
    main()
