"""The sync server's HTTP API (FastAPI; run under uvicorn by ``supportdesk-server``)."""

from __future__ import annotations

import hashlib
import logging
import re
import time
import uuid
from collections.abc import Awaitable, Callable
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Header, HTTPException, Path, Query, Request, Response
from fastapi.responses import JSONResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy import Engine, insert, select, text
from starlette.concurrency import run_in_threadpool

from supportdesk.server import admin, auth, claims, db, logs, presence
from supportdesk.server import sync as server_sync
from supportdesk.server.auth import Principal
from supportdesk.server.limits import (
    BodyRefusedError,
    HashGate,
    Limits,
    RequestGuard,
    client_address,
)
from supportdesk.sync.protocol import (
    MAX_PAGE,
    MAX_PUSH,
    PROTOCOL_VERSION,
    AccessResponse,
    BlobMissing,
    BlobQuery,
    Health,
    LoginRequest,
    ProtocolError,
    PullResponse,
    PushRequest,
    PushResponse,
    RefreshRequest,
    SnapshotResponse,
    TokenResponse,
    mutation_from_wire,
    state_to_row,
)
from supportdesk.sync.schema import ID_RE, schema_version

MAX_BLOB = 64 * 1024 * 1024
MAX_BLOB_QUERY = 1000
_SHA256_RE = re.compile(r"^[0-9a-f]{64}$")
SHA256 = Path(pattern=r"^[0-9a-f]{64}$", description="sha256 of the content, lower-case hex")
_bearer = HTTPBearer(auto_error=False)


def _json_response(body: bytes) -> Response:
    return Response(content=body, media_type="application/json")


def _bad_string(value: str, limit: int) -> bool:
    return not value or len(value) > limit or "\x00" in value


def _principal(
    request: Request,
    creds: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> Principal:
    if creds is None or _bad_string(creds.credentials, 200):
        raise HTTPException(401, "Sign in first.", headers={"WWW-Authenticate": "Bearer"})
    with request.app.state.engine.connect() as conn:
        who = auth.lookup(conn, creds.credentials, "access", request.app.state.clock())
    if who is None:
        raise HTTPException(
            401, "The token is unknown, expired or revoked; refresh it or sign in again.",
            headers={"WWW-Authenticate": "Bearer"},
        )
    request.state.team = who.team_id
    request.state.device = who.device_id
    return who


def _check_schema(x_supportdesk_schema: Annotated[str | None, Header()] = None) -> None:
    if x_supportdesk_schema is not None and x_supportdesk_schema != schema_version():
        raise HTTPException(
            409,
            "This SupportDesk and the server know different data schemas; update the older one.",
        )


Who = Annotated[Principal, Depends(_principal)]


def create_app(database_url: str, *, clock: Callable[[], float] = time.time,
               limits: Limits | None = None) -> FastAPI:
    """The ASGI app over one database.

    Args:
        database_url: ``sqlite:///PATH`` or ``postgresql+psycopg://...``.
        clock: the server's wall clock (tests skew it).
        limits: body caps, the argon2 pool, trusted proxies (see ``limits.Limits``).

    Raises:
        db.SchemaError: the database is newer than this server, or cannot be upgraded.
    """
    engine: Engine = db.make_engine(database_url)
    try:
        upgrade = db.upgrade_schema(engine)
    except BaseException:
        engine.dispose()
        raise
    epoch = upgrade.epoch
    if upgrade.applied:
        logs.event("schema_upgraded", from_schema=upgrade.before, to_schema=upgrade.after,
                   backup=str(upgrade.backup) if upgrade.backup else None)
    schema = schema_version()
    app = FastAPI(
        title="SupportDesk sync server",
        version=str(PROTOCOL_VERSION),
        description="Push outbox mutations, pull changes by cursor, snapshots for new devices.",
    )
    app.state.engine = engine
    app.state.epoch = epoch
    app.state.clock = clock
    limits = limits or Limits()
    app.state.limits = limits
    gate = HashGate(limits.hash_workers, limits.hash_queue)
    app.add_middleware(RequestGuard, limits=limits)

    @app.middleware("http")
    async def log_requests(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        started = logs.now()
        response = await call_next(request)
        logs.event(
            "request", method=request.method, path=request.url.path,
            status=response.status_code, ms=round((logs.now() - started) * 1000, 1),
            team=getattr(request.state, "team", None),
            device=getattr(request.state, "device", None),
        )
        return response

    @app.exception_handler(ProtocolError)
    async def protocol_error(_request: Request, exc: ProtocolError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=422)

    # -- health -------------------------------------------------------------------------

    @app.get("/health")
    async def health() -> Health:
        """Whether the server and its database answer.

        Runs on the event loop, not in the worker threads: a flood of sign-ins that
        fills the threads does not make the health check wait (``SELECT 1`` is quick).
        """
        try:
            with engine.connect() as conn:
                conn.execute(text("SELECT 1"))
        except Exception as exc:
            raise HTTPException(503, "The database does not answer.") from exc
        return Health(status="ok", epoch=epoch, schema=schema, protocol=PROTOCOL_VERSION)

    # -- auth ---------------------------------------------------------------------------

    @app.post(
        "/auth/login",
        responses={401: {"description": "wrong user or password"},
                   429: {"description": "too many bad logins"}},
    )
    def login(body: LoginRequest, request: Request) -> TokenResponse:
        """Sign a device in with a user's password."""
        user, password = body["user"], body["password"]
        if (
            _bad_string(user, 200) or _bad_string(password, 1024)
            or _bad_string(body["device_name"], 200) or not ID_RE.match(body["device_id"])
        ):
            raise HTTPException(422, "user, password, device name or device id is malformed")
        now = clock()
        peer = request.client.host if request.client else "unknown"
        address = client_address(peer, request.headers.get("x-forwarded-for"),
                                 limits.trusted_proxies)
        keys = auth.throttle_keys(user, address)
        u = db.users.c
        held = body.get("refresh_token")
        proven = False
        with engine.connect() as conn:
            if held and not _bad_string(held, 200):
                who = auth.lookup(conn, held, "refresh", now)
                proven = who is not None and who.user == user
            row = conn.execute(
                select(u.id, u.team_id, u.password_hash, u.role, u.active).where(u.name == user)
            ).first()
        if not proven:
            # counted before the hash is checked, so parallel guesses all count
            with db.write_tx(engine) as conn:
                admitted = auth.begin_attempt(conn, keys, now)
            if not admitted:
                logs.event("login_throttled", user=user, address=address)
                raise HTTPException(
                    429, "Too many failed sign-ins; wait a minute and try again.",
                    headers={"Retry-After": "60"},
                )
        try:
            with gate:
                ok = auth.verify_password(row.password_hash if row else None, password)
        except BodyRefusedError as exc:
            if not proven:
                with db.write_tx(engine) as conn:
                    auth.end_attempt(conn, keys, now)
            logs.event("login_busy", user=user, address=address)
            raise HTTPException(429, exc.detail, headers={"Retry-After": "5"}) from None
        if row is None or not ok or not row.active:
            logs.event("login_failed", user=user, address=address)
            raise HTTPException(401, "Wrong user name or password.")
        if not proven:
            with db.write_tx(engine) as conn:
                auth.end_attempt(conn, keys, now)
        d = db.devices.c
        with db.write_tx(engine) as conn:
            dev = conn.execute(
                select(d.id, d.revoked_at).where(
                    d.user_id == row.id, d.client_device == body["device_id"]
                )
            ).first()
            if dev is not None and dev.revoked_at is not None:
                raise HTTPException(
                    403, "This device was revoked by the team owner; use a new profile."
                )
            if dev is None:
                device_id = str(uuid.uuid4())
                conn.execute(
                    insert(db.devices).values(
                        id=device_id, team_id=row.team_id, user_id=row.id,
                        name=body["device_name"], client_device=body["device_id"],
                        last_mutation_id=0, created_at=now, last_seen_at=now,
                    )
                )
            else:
                device_id = dev.id
            access, refresh = auth.issue_tokens(conn, device_id, now)
            team_name = conn.scalar(select(db.teams.c.name).where(db.teams.c.id == row.team_id))
        logs.event("login", user=user, team=row.team_id, device=device_id)
        return TokenResponse(
            access_token=access, refresh_token=refresh, token_type="bearer",  # noqa: S106 (a scheme name)
            expires_in=auth.ACCESS_TTL_S, team=str(team_name), user=user, role=row.role,
            device=device_id, epoch=epoch, schema=schema,
        )

    @app.post("/auth/refresh", responses={401: {"description": "refresh token not valid"}})
    def refresh(body: RefreshRequest) -> AccessResponse:
        """A new access token for a refresh token."""
        if _bad_string(body["refresh_token"], 200):
            raise HTTPException(401, "Sign in again.")
        now = clock()
        with db.write_tx(engine) as conn:
            pair = auth.rotate_refresh(conn, body["refresh_token"], now)
        if isinstance(pair, auth.Reused):
            logs.event("refresh_reused", logging.WARNING, device=pair.device_id)
            raise HTTPException(401, "This sign-in was used twice (a copied token?); it has "
                                "ended on that device; sign in again.")
        if pair is None:
            raise HTTPException(401, "The sign-in has ended; sign in again.")
        access, new_refresh = pair
        return AccessResponse(
            access_token=access, token_type="bearer", expires_in=auth.ACCESS_TTL_S,  # noqa: S106
            refresh_token=new_refresh,
        )

    @app.post("/auth/logout", status_code=204)
    def logout(who: Who) -> Response:
        """End this device's tokens."""
        with db.write_tx(engine) as conn:
            conn.execute(db.tokens.delete().where(db.tokens.c.device_id == who.device_id))
        logs.event("logout", team=who.team_id, device=who.device_id)
        return Response(status_code=204)

    # -- sync ---------------------------------------------------------------------------

    @app.post("/sync/push", dependencies=[Depends(_check_schema)])
    def push(body: PushRequest, who: Who) -> PushResponse:
        """Apply the device's next outbox mutations."""
        if len(body["mutations"]) > MAX_PUSH:
            raise ProtocolError(f"at most {MAX_PUSH} mutations per push")
        mutations = [mutation_from_wire(dict(m)) for m in body["mutations"]]
        out = server_sync.push(engine, who, mutations, clock())
        logs.event(
            "push", team=who.team_id, device=who.device_id, received=len(mutations),
            applied=out.applied, rejected=len(out.rejected), conflicts=out.conflicts,
        )
        answer = PushResponse(
            applied_through=out.applied_through, rejected=out.rejected, epoch=epoch
        )
        if out.lost:
            answer["lost"] = [state_to_row(e, i, st) for (e, i), st in out.lost.items()]
        return answer

    @app.get(
        "/sync/pull",
        dependencies=[Depends(_check_schema)],
        response_model=PullResponse,
    )
    def pull(
        who: Who,
        cursor: Annotated[int, Query(ge=0, lt=2**62)] = 0,
        limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 1000,
    ) -> Response:
        """Changes after ``cursor``, oldest first."""
        return _json_response(
            server_sync.pull_page(engine, who.team_id, cursor, limit, epoch, who.device_id)
        )

    @app.get(
        "/sync/snapshot",
        dependencies=[Depends(_check_schema)],
        response_model=SnapshotResponse,
    )
    def snapshot(
        who: Who,
        after: Annotated[str | None, Query(max_length=80)] = None,
        limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 2000,
    ) -> Response:
        """A page of merged entity states, parents first, for a new device."""
        return _json_response(
            server_sync.snapshot_page(engine, who.team_id, after, limit, epoch)
        )

    # -- blobs ----------------------------------------------------------------------------

    @app.post("/blobs/missing")
    def missing_blobs(body: BlobQuery, who: Who) -> BlobMissing:
        """Which of these attachments the team's server does not have (ask before uploading)."""
        hashes = body["sha256"]
        if len(hashes) > MAX_BLOB_QUERY or not all(_SHA256_RE.match(h) for h in hashes):
            raise HTTPException(
                422, f"Ask about at most {MAX_BLOB_QUERY} lower-case hex sha256 values at once."
            )
        b = db.blobs.c
        with engine.connect() as conn:
            have = set(conn.scalars(
                select(b.sha256).where(b.team_id == who.team_id, b.sha256.in_(set(hashes)))
            )) if hashes else set()
        return BlobMissing(missing=sorted(set(hashes) - have))

    @app.head("/blobs/{sha256}", responses={404: {"description": "not stored"}})
    def has_blob(sha256: Annotated[str, SHA256], who: Who) -> Response:
        """Whether the team's server has this attachment."""
        b = db.blobs.c
        with engine.connect() as conn:
            found = conn.scalar(
                select(b.size).where(b.team_id == who.team_id, b.sha256 == sha256)
            )
        if found is None:
            return Response(status_code=404)
        return Response(status_code=200, headers={"X-Blob-Size": str(found)})

    @app.put(
        "/blobs/{sha256}",
        status_code=201,
        responses={400: {"description": "content does not match the hash"},
                   413: {"description": "too large"}},
    )
    async def put_blob(
        sha256: Annotated[str, SHA256], request: Request, who: Who
    ) -> dict[str, Any]:
        """Store an attachment by content hash (storing it twice is free)."""
        length = request.headers.get("content-length")
        if length is not None and (not length.isdigit() or int(length) > MAX_BLOB):
            raise HTTPException(413, "An attachment can be at most 64 MiB.")
        data = await request.body()
        if len(data) > MAX_BLOB:
            raise HTTPException(413, "An attachment can be at most 64 MiB.")
        if hashlib.sha256(data).hexdigest() != sha256:
            raise HTTPException(400, "The content does not match its sha256.")
        await run_in_threadpool(_store_blob, engine, who.team_id, sha256, data, clock())
        return {"sha256": sha256, "size": len(data)}

    @app.get(
        "/blobs/{sha256}",
        response_class=Response,
        responses={200: {"content": {"application/octet-stream": {}}},
                   404: {"description": "not stored"}},
    )
    def get_blob(sha256: Annotated[str, SHA256], who: Who) -> Response:
        """An attachment's bytes."""
        b = db.blobs.c
        with engine.connect() as conn:
            data = conn.scalar(
                select(b.data).where(b.team_id == who.team_id, b.sha256 == sha256)
            )
        if data is None:
            raise HTTPException(404, "No such attachment on this server.")
        return Response(content=bytes(data), media_type="application/octet-stream")

    app.include_router(presence.make_router(_principal))
    app.include_router(claims.make_router(_principal))  # pages sent once (issue 16)

    # -- devices ---------------------------------------------------------------------------

    @app.get("/devices")
    def devices(who: Who) -> list[dict[str, Any]]:
        """The team's devices (an owner sees all, an agent their own)."""
        out = []
        for dev in admin.list_devices(engine, who.team_id):
            if who.role != "owner" and dev.user != who.user:
                continue
            out.append({"id": dev.id, "user": dev.user, "name": dev.name,
                        "last_seen_at": dev.last_seen_at, "revoked": dev.revoked})
        return out

    @app.post(
        "/devices/{device_id}/revoke",
        status_code=204,
        responses={404: {"description": "no such device in this team"}},
    )
    def revoke(device_id: Annotated[str, Path(max_length=64)], who: Who) -> Response:
        """End a device's sign-in for good (an owner any of the team's, an agent their own)."""
        mine = {d.id for d in admin.list_devices(engine, who.team_id) if d.user == who.user}
        if who.role != "owner" and device_id not in mine:
            raise HTTPException(404, "No such device in this team.")
        if not admin.revoke_device(engine, device_id, who.team_id):
            raise HTTPException(404, "No such device in this team.")
        logs.event("device_revoked", team=who.team_id, device=device_id, by=who.device_id)
        return Response(status_code=204)

    return app


def _store_blob(engine: Engine, team_id: str, sha256: str, data: bytes, now: float) -> None:
    rows = [{"team_id": team_id, "sha256": sha256, "size": len(data), "data": data,
             "created_at": now}]
    with db.write_tx(engine) as conn:
        server_sync.insert_ignore(conn, db.blobs, rows)
