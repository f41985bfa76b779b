"""The whole loop on the demo scenario: ingest, extract, link, verify, report.

The demo always works on its own fresh SQLite file, never on the user's configured
database, so running it twice gives the same result and never touches real data.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from watchline.store import Database

if TYPE_CHECKING:
    from watchline.publish.keys import KeyPair
    from watchline.services.views import CaseView

DEMO = resources.files("watchline") / "data" / "demo"


@dataclass
class DemoResult:
    database_url: str
    report: Path
    claim_reviews: Path | None = None  # ClaimReview JSON-LD of the verdicts
    steps: list[tuple[str, str, float]] = field(default_factory=list)
    views: list = field(default_factory=list)
    logins: list[tuple[str, str, str]] = field(default_factory=list)  # name, role, password
    public_key: Path | None = None  # the demo key's NAME.pub; its NAME.key lies beside it
    key_id: str = ""
    bundles: list[Path] = field(default_factory=list)  # FILE.sig.json of each published file


def demo_folder() -> Path:
    return Path(str(DEMO))


T = TypeVar("T")


def _summary(outcome: object) -> str:
    """A step's one line: the text it returned, or its report's summary()."""
    return outcome if isinstance(outcome, str) else outcome.summary()  # type: ignore[attr-defined]


def demo_users(db: Database) -> list[tuple[str, str, str]]:
    """One account per role with a fresh random password (this demo database only)."""
    import secrets

    from watchline.accounts import Role
    from watchline.services.accounts import add_user

    logins = []
    for role in Role:
        password = secrets.token_urlsafe(12)
        add_user(db, f"demo-{role}", role, password)
        logins.append((f"demo-{role}", str(role), password))
    return logins


def _logins(logins: list[tuple[str, str, str]]) -> str:
    return f"{len(logins)} demo accounts, one per role: " + ", ".join(n for n, _, _ in logins)


def demo_key(result: DemoResult, out_dir: Path) -> KeyPair:
    """The demo's key pair in `out_dir`, made once and reused."""
    from watchline.publish.keys import ensure_key_pair

    pair, _made = ensure_key_pair(out_dir)
    result.public_key, result.key_id = pair.public_path, pair.key_id
    return pair


def publish_statements(db: Database, views: list[CaseView], key_path: Path) -> str:
    """The demo publisher states each finding (the drafts as the engine words them),
    signed with the demo key, so the public pages and ClaimReview have content."""
    from watchline.publish.exports.claimreview import reviewed
    from watchline.publish.keys import load_private_key
    from watchline.services.statements import draft, publish

    key = load_private_key(key_path)
    done = [
        publish(db, draft(db, v.case.id, "demo-publisher").id, "demo-publisher", key)
        for v in reviewed(views)
    ]
    return f"{len(done)} statements published on /public, signed"


def sign_published(result: DemoResult, out_dir: Path, files: list[Path]) -> str:
    """Sign what the demo published with the demo's own key in `out_dir`.

    The key is made on the first run and reused after (never overwritten), so a copy
    of an earlier demo report still verifies with the same mission.pub.
    """
    from watchline.publish.keys import ensure_key_pair
    from watchline.publish.signing import sign_file

    pair, made = ensure_key_pair(out_dir)
    result.public_key, result.key_id = pair.public_path, pair.key_id
    result.bundles = [sign_file(path, pair.private_path) for path in files]
    origin = "new demo key" if made else "demo key"
    return f"{len(files)} file(s) signed with {origin} {pair.key_id} ({pair.public_path})"


def run_demo(
    out_dir: Path, *, theatre_name: str = "arm-aze", say: Callable[[str], None] = print
) -> DemoResult:
    """Build a fresh demo database in `out_dir` and run every stage on the scenario."""
    from watchline.extract import Extractor
    from watchline.geo.theatre import load_theatre
    from watchline.ingest import ingest
    from watchline.publish.report import write_report
    from watchline.services.casework import link_all, verify_all
    from watchline.services.exports import export
    from watchline.services.extraction import extract_documents
    from watchline.services.findings import import_observations
    from watchline.services.patrols import import_patrols
    from watchline.services.reports import report_content
    from watchline.services.views import case_views

    out_dir.mkdir(parents=True, exist_ok=True)
    db_file = out_dir / "watchline-demo.db"
    for stale in out_dir.glob("watchline-demo.db*"):
        stale.unlink()
    result = DemoResult(f"sqlite:///{db_file}", out_dir / "report.html")
    db = Database(result.database_url)
    theatre = load_theatre(theatre_name)
    folder = demo_folder()

    def step(name: str, work: Callable[[], T], describe: Callable[[T], str] = _summary) -> T:
        started = time.perf_counter()
        outcome = work()
        seconds = time.perf_counter() - started
        text = describe(outcome)
        result.steps.append((name, text, seconds))
        say(f"[{name}] {text} ({seconds:.1f} s)")
        return outcome

    try:
        step("init", lambda: db.init() or "fresh database " + str(db_file))
        step("ingest", lambda: ingest(db, [folder / "statements.jsonl"], format="jsonl"))
        step(
            "patrols", lambda: import_patrols(db, [folder / "patrols" / "tracks"], theatre=theatre)
        )
        step(
            "observe",
            lambda: import_observations(db, folder / "patrols" / "findings.csv", theatre=theatre),
        )
        extractor = step(
            "load extractor",
            lambda: Extractor.load(theatre=theatre),
            lambda loaded: f"extractor {loaded.version} ready",
        )
        step("extract", lambda: extract_documents(db, extractor))
        step("link", lambda: link_all(db))
        step("verify", lambda: f"{len(verify_all(db, theatre))} verdicts")
        result.logins = step("users", lambda: demo_users(db), _logins)
        result.views = case_views(db)
        patrols = report_content(db).patrols
        write_report(result.views, result.report, theatre=theatre, patrols=patrols)
        say(f"[report] {result.report}")
        pdf = result.report.with_suffix(".pdf")
        write_report(result.views, pdf, theatre=theatre, patrols=patrols)
        say(f"[report] {pdf}")
        pair = step("key", lambda: demo_key(result, out_dir), lambda p: f"demo key {p.key_id}")
        step("publish", lambda: publish_statements(db, result.views, pair.private_path))
        reviews = result.claim_reviews = out_dir / "claimreview.jsonld"
        step("export", lambda: export(db, "claimreview", reviews, theatre=theatre, force=True))
        signed = [result.report, pdf, reviews]
        step("sign", lambda: sign_published(result, out_dir, signed))
    finally:
        db.dispose()
    return result
