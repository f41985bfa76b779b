"""The web app at archive scale: 20 concurrent clients over 100,000 claims.

Generates an archive straight into the store (documents, claims, the cases they form and
an engine verdict per case, through the repositories and bulk inserts, not through
extraction), serves the app as a team would run it (`watchline serve --workers N`, one
worker per core by default) on a loopback port in a subprocess, and drives `--clients`
concurrent clients for `--seconds` over the case list, a case page, search and map data,
authenticated with an API token as a script would be. The clients are raw asyncio
HTTP/1.1 keep-alive connections (`http_load.py`: full request→response latency, body
read to the last byte) because httpx's own CPU per request, on the cores the server
needs, was part of what was measured; `--httpx-client` measures with httpx instead.
Prints p50, p95 and errors per endpoint and overall, and ends with one line:

    claims=100000 clients=20 p50_ms=… p95_ms=… errors=… db=sqlite

Targets (Issue 13): p95 < 150 ms and 0 errors, on SQLite and on PostgreSQL. With
`--database-url postgresql+psycopg://…` the benchmark makes a fresh database beside the
one named (and drops it afterwards), so the named database is never written.

Before the run it measures a floor with the same clients on `GET /api/me` (the token
check and nothing else): on a shared machine that line says how much of a p95 is the
machine's. `--original-routes` drives the routes that existed before the paginated
views (the first-sight figures in docs/performance.md); `--quick` is the smoke version.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import httpx
from http_load import drive as drive_raw
from sqlalchemy import create_engine, insert, make_url, text

from watchline.domain import (
    Act,
    Agent,
    Case,
    Claim,
    Coverage,
    Document,
    Event,
    EventType,
    PlaceMention,
    Source,
    SourceKind,
    Span,
    Speaker,
    Verdict,
    VerdictStatus,
)
from watchline.link.model import Linkage, Membership, Role
from watchline.store import Database
from watchline.store.cases import CaseRepository
from watchline.store.claims import claim_to_row
from watchline.store.documents import DocumentRepository
from watchline.store.tables import ClaimRow
from watchline.web.serving import default_workers

# Words written for this benchmark: a fictional front with made-up place names.
PLACES = ["Kestrel Ridge", "Old Mill", "Birch Hollow", "Saltpan", "Hill 412", "Ferry Road"]
PARTIES = ["ARM", "AZE", "RUS", "EU", "OSCE"]
VERBS = {
    EventType.ATTACK: "shelled positions",
    EventType.FORTIFY: "dug new trenches",
    EventType.MOBILIZE: "moved armoured columns",
    EventType.EXERCISE: "held live-fire drills",
    EventType.PROVOCATION: "fired warning shots",
    EventType.CASUALTY: "reported a wounded soldier",
}
SEARCH_WORDS = ["trenches", "columns", "drills", "warning", "Saltpan", "Kestrel"]
STATUSES = [s for s in VerdictStatus if s is not VerdictStatus.PENDING]
LON, LAT = (44.8, 46.8), (39.0, 41.0)  # the arm-aze theatre, roughly
FIRST_DAY = date(2026, 1, 1)
CLAIMS_PER_DOCUMENT = 4
BATCH = 5_000


@dataclass(frozen=True)
class Archive:
    claims: int
    cases: int
    case_ids: list[str]
    token: str


def _documents(count: int) -> Iterator[Document]:
    sources = [Source(SourceKind.TELEGRAM, f"channel-{n}", handle=f"chan{n}") for n in range(50)]
    for n in range(count):
        day = FIRST_DAY + timedelta(days=n % 365)
        yield Document(
            key=f"bench:{n}",
            text=f"Bulletin {n} of the benchmark front, {day.isoformat()}.",
            raw=b"",
            source=sources[n % len(sources)],
            published_at=datetime(day.year, day.month, day.day, 8, n % 60, tzinfo=UTC),
            title=f"Front bulletin {n}",
            language="en",
        )


def _claim(n: int, document_id: str, rng: random.Random) -> Claim:
    event_type = list(VERBS)[n % len(VERBS)]
    party, agent = PARTIES[n % len(PARTIES)], PARTIES[(n + 1) % 2]
    place = PLACES[n % len(PLACES)]
    content = f"{agent} forces {VERBS[event_type]} near {place}"
    said = f"The {party} spokesman said {content}."
    lon, lat = rng.uniform(*LON), rng.uniform(*LAT)
    return Claim(
        id=f"{document_id}:c{n % CLAIMS_PER_DOCUMENT + 1}",
        speaker=Speaker(f"The {party} spokesman", 0, 16, f"{party.lower()}.mod", party),
        act=Act.DENY if n % 7 == 0 else Act.ACCUSE,
        cue=Span("said", 17, 21),
        content=Span(content, 22, 22 + len(content)),
        event=Event(
            type=event_type,
            negated=n % 7 == 0,
            agent=Agent(f"{agent} forces", None, agent),
            places=(PlaceMention(place, 0, len(place), None, lat, lon, None, "ARM", place),),
        ),
        stated_on=FIRST_DAY + timedelta(days=(n // CLAIMS_PER_DOCUMENT) % 365),
        confidence=0.8,
        extractor_version="bench",
        document_id=document_id,
        meta={"sentence": said},
    )


def _square(lon: float, lat: float, half: float) -> str:
    w, e, s, n = lon - half, lon + half, lat - half, lat + half
    return f"POLYGON (({w} {s}, {e} {s}, {e} {n}, {w} {n}, {w} {s}))"


def load_archive(db: Database, claims: int, cases: int, seed: int = 13) -> Archive:
    """Documents, claims, cases and verdicts, in batches; returns what clients ask for."""
    from watchline.services.accounts import add_user, issue_token

    rng = random.Random(seed)
    db.init()
    documents = max(1, claims // CLAIMS_PER_DOCUMENT)
    ids: list[str] = []
    batch: list[Document] = []
    for document in _documents(documents):
        batch.append(document)
        if len(batch) == BATCH:
            with db.transaction() as session:
                ids += [i for i, _ in DocumentRepository(session).add_many(batch)]
            batch = []
    if batch:
        with db.transaction() as session:
            ids += [i for i, _ in DocumentRepository(session).add_many(batch)]
    stored: list[Claim] = []
    for start in range(0, claims, BATCH):
        chunk = [
            _claim(n, ids[n // CLAIMS_PER_DOCUMENT % len(ids)], rng)
            for n in range(start, min(claims, start + BATCH))
        ]
        rows = [_row_values(claim) for claim in chunk]
        with db.transaction() as session:
            session.connection().execute(insert(ClaimRow.__table__), rows)
        stored += chunk
    linkage = _linkage(stored, cases, rng)
    with db.transaction() as session:
        CaseRepository(session).save_linkage(linkage)
    with db.transaction() as session:
        repo = CaseRepository(session)
        for case in linkage.cases:
            status = STATUSES[rng.randrange(len(STATUSES))]
            coverage = Coverage(rng.random(), rng.uniform(0, 12), rng.random(), ("patrol-1",))
            repo.add_verdict(
                Verdict(case.id, status, 0.7, f"{status.value.capitalize()}: generated.", coverage)
            )
    name = f"bench-{uuid.uuid4().hex[:6]}"
    add_user(db, name, "analyst")
    return Archive(claims, len(linkage.cases), [c.id for c in linkage.cases], issue_token(db, name))


def _row_values(claim: Claim) -> dict[str, object]:
    row = claim_to_row(claim, claim.document_id or "")
    return {c.name: getattr(row, c.key) for c in ClaimRow.__table__.columns}


def _linkage(claims: list[Claim], cases: int, rng: random.Random) -> Linkage:
    """Every claim in one case (claim n in case n mod `cases`): ~claims/cases each."""
    grouped: dict[int, list[Claim]] = defaultdict(list)
    for n, claim in enumerate(claims):
        grouped[n % cases].append(claim)
    built, members = [], []
    for k, group in sorted(grouped.items()):
        first = group[0]
        days = [c.stated_on for c in group if c.stated_on]
        case_id = f"case-bench-{k:06d}"
        lon, lat = rng.uniform(*LON), rng.uniform(*LAT)
        place = first.event.places[0].name or "somewhere"
        built.append(
            Case(
                id=case_id,
                event_type=first.event.type,
                agent=first.event.agent.affiliation if first.event.agent else None,
                start=min(days) if days else None,
                end=max(days) if days else None,
                claim_ids=tuple(c.id for c in group),
                area=_square(lon, lat, rng.uniform(0.005, 0.05)),
                title=f"{first.event.type.value.capitalize()} near {place} ({k})",
                theatre_id="arm-aze",
            )
        )
        for claim in group:
            role = Role.AGAINST if claim.event.negated else Role.FOR
            members.append(Membership(case_id, claim.id, role))
    return Linkage(tuple(built), tuple(members), (), {}, {c.id: "place" for c in built})


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def serving(database_url: str, workers: int) -> Iterator[str]:
    """`watchline serve --workers N` in a subprocess on a loopback port; yields its URL."""
    port = _free_port()
    env = {**os.environ, "WATCHLINE_DATABASE_URL": database_url}
    command = [sys.executable, "-m", "watchline", "serve", "--host", "127.0.0.1"]
    command += ["--port", str(port), "--workers", str(workers)]
    server = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{url}/api/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if server.poll() is not None or time.monotonic() > deadline:
                raise SystemExit(f"the app did not start on {url}")
            time.sleep(0.2)
        yield url
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()


def endpoints(archive: Archive, original: bool) -> dict[str, object]:
    """Endpoint name -> a function of a random generator giving the path to ask."""
    cases = archive.case_ids

    def bbox(rng: random.Random) -> str:
        lon, lat = rng.uniform(LON[0], LON[1] - 0.5), rng.uniform(LAT[0], LAT[1] - 0.5)
        return f"{lon:.3f},{lat:.3f},{lon + 0.5:.3f},{lat + 0.5:.3f}"

    if original:  # what the app had before Issue 13's views
        return {
            "case_list": lambda rng: "/api/cases",
            "case_page": lambda rng: f"/cases/{rng.choice(cases)}",
            "search": lambda rng: "/cases?status=contradicted",
            "map": lambda rng: f"/api/map/cases/{rng.choice(cases)}",
        }
    return {
        "case_list": lambda rng: "/api/cases?detail=summary&limit=50",
        "case_page": lambda rng: f"/cases/{rng.choice(cases)}",
        "search": lambda rng: f"/api/claims?q={rng.choice(SEARCH_WORDS)}&limit=20",
        "map": lambda rng: f"/api/map/cases?bbox={bbox(rng)}&zoom=10",
    }


async def drive_httpx(
    url: str, token: str, paths: dict[str, object], clients: int, seconds: float
) -> dict[str, tuple[list[float], int]]:
    """`clients` concurrent loops, each asking the endpoints in turn until time is up."""
    timings: dict[str, list[float]] = defaultdict(list)
    errors: dict[str, int] = defaultdict(int)
    names = list(paths)
    headers = {"Authorization": f"Bearer {token}"}
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    stop = time.monotonic() + seconds

    async def client(n: int, http: httpx.AsyncClient) -> None:
        rng = random.Random(n)
        turn = n
        while time.monotonic() < stop:
            name = names[turn % len(names)]
            turn += 1
            path = paths[name](rng)  # type: ignore[operator]
            began = time.perf_counter()
            try:
                answer = await http.get(path)
                ok = answer.status_code == 200
            except httpx.HTTPError:
                ok = False
            timings[name].append((time.perf_counter() - began) * 1000)
            if not ok:
                errors[name] += 1

    timeout = httpx.Timeout(30.0)
    async with httpx.AsyncClient(
        base_url=url, headers=headers, limits=limits, timeout=timeout
    ) as http:
        await asyncio.gather(*(client(n, http) for n in range(clients)))
    return {name: (timings[name], errors[name]) for name in names}


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1]


@contextmanager
def database(url: str | None) -> Iterator[Database]:
    """A fresh SQLite file, or a fresh PostgreSQL database beside the one named."""
    if url is None or url.startswith("sqlite"):
        with tempfile.TemporaryDirectory() as folder:
            db = Database(url or f"sqlite:///{Path(folder) / 'bench_api.db'}")
            try:
                yield db
            finally:
                db.dispose()
        return
    name = f"wl_bench_api_{uuid.uuid4().hex[:8]}"
    admin = create_engine(make_url(url).set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    fresh = make_url(url).set(database=name).render_as_string(hide_password=False)
    engine = create_engine(fresh, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(text("CREATE EXTENSION IF NOT EXISTS postgis"))
    engine.dispose()
    db = Database(fresh)
    try:
        yield db
    finally:
        db.dispose()
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--cases", type=int, default=None, help="default: claims / 20")
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument(
        "--workers", type=int, default=default_workers(), help="default: one per core"
    )
    parser.add_argument("--httpx-client", action="store_true", help="clients on httpx")
    parser.add_argument("--database-url", default=None, help="default: a fresh SQLite file")
    parser.add_argument("--quick", action="store_true", help="2,000 claims for 3 s")
    parser.add_argument("--original-routes", action="store_true")
    args = parser.parse_args(argv)
    if args.quick:
        args.claims, args.seconds = 2_000, 3.0
    cases = args.cases or max(1, args.claims // 20)
    with database(args.database_url) as db:
        began = time.perf_counter()
        archive = load_archive(db, args.claims, cases)
        print(f"loaded {archive.claims} claims in {archive.cases} cases "
              f"in {time.perf_counter() - began:.1f} s ({db.dialect})")  # fmt: skip
        paths = endpoints(archive, args.original_routes)
        drive = drive_httpx if args.httpx_client else drive_raw
        load_before = os.getloadavg()
        with serving(db.url, args.workers) as url:
            # The floor, measured in the same run: the same clients on the cheapest
            # authenticated route (who am I), i.e. what the machine gives any request.
            floor_s = max(1.0, args.seconds / 4)
            floor = {"me": lambda rng: "/api/me"}
            measured = asyncio.run(drive(url, archive.token, floor, args.clients, floor_s))
            base = measured["me"][0]
            results = asyncio.run(drive(url, archive.token, paths, args.clients, args.seconds))
        load_after = os.getloadavg()
        print(f"workers={args.workers} client={'httpx' if args.httpx_client else 'raw'} "
              f"load average before {load_before[0]:.2f}, after {load_after[0]:.2f} "
              f"(1 min; {os.cpu_count()} cores)")  # fmt: skip
        print(f"{'floor':10} requests={len(base):5} p50_ms={percentile(base, 50):8.1f} "
              f"p95_ms={percentile(base, 95):8.1f} (GET /api/me, same clients)")  # fmt: skip
        every: list[float] = []
        errors = 0
        for name, (timings, failed) in results.items():
            every += timings
            errors += failed
            print(f"{name:10} requests={len(timings):5} p50_ms={percentile(timings, 50):8.1f} "
                  f"p95_ms={percentile(timings, 95):8.1f} errors={failed}")  # fmt: skip
        rate = len(every) / args.seconds
        print(f"{'overall':10} requests={len(every):5} ({rate:.0f}/s) p95 = "
              f"{percentile(every, 95) / percentile(base, 95):.1f} x the floor's")  # fmt: skip
        print(
            f"claims={archive.claims} clients={args.clients} "
            f"p50_ms={percentile(every, 50):.1f} p95_ms={percentile(every, 95):.1f} "
            f"errors={errors} db={db.dialect}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
