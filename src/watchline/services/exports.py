"""Exports over the database: select cases with the filters the API and `watchline
cases` offer, gather what the format needs, and write it atomically.

The selection starts from `services.views.case_views` — the query behind the API, the
web pages and reports — and narrows it; it never queries cases on its own, so every
output shows the same cases with the same verdicts.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from watchline.domain import ActorKind, Theatre
from watchline.errors import Errors, InputError, NotFound
from watchline.store import Database

if TYPE_CHECKING:
    from watchline.publish.exports import Counts
    from watchline.publish.exports.data import ExportData
    from watchline.services.statements import Statement
    from watchline.services.views import CaseView


@dataclass(frozen=True)
class ExportFilter:
    """Which cases to export. `party` is an affiliation (AZE) or actor id (aze.mod)
    that speaks in the case or is its alleged agent; `start`/`end` keep cases whose
    window meets the period (and the patrols and findings of that period)."""

    status: str | None = None
    start: date | None = None
    end: date | None = None
    party: str | None = None
    theatre_id: str | None = None
    case_id: str | None = None

    def __post_init__(self) -> None:
        if self.start and self.end and self.start > self.end:
            raise InputError(Errors.E833, start=self.start, end=self.end)


@dataclass(frozen=True)
class ExportSummary:
    format: str
    path: Path
    counts: Counts

    def summary(self) -> str:
        total = sum(self.counts.values())
        parts = ", ".join(f"{n} {name}" for name, n in self.counts.items())
        if total == 0:
            return (
                f"Nothing matched the filters: wrote a valid, empty {self.format} file {self.path}."
            )
        return f"Wrote {self.format} export {self.path}: {parts}."


def _speaks_or_acts(view: CaseView, party: str) -> bool:
    wanted = party.casefold()
    claims = view.claims_for + view.claims_against + view.context + view.copies
    names = {view.case.agent or ""} | {c.affiliation or "" for c in claims}
    names |= {c.actor_id or "" for c in claims}
    return wanted in {n.casefold() for n in names if n}


def selected_views(db: Database, selection: ExportFilter) -> list[CaseView]:
    """The cases `selection` keeps, from the same query as the API's case list."""
    from watchline.publish.period import Period
    from watchline.services.views import case_views

    period = Period(selection.start, selection.end)  # the reports' rule for a period
    views = case_views(db, selection.status, case_id=selection.case_id)
    if selection.case_id and not views and selection.status is None:
        raise NotFound(Errors.E010, case_id=selection.case_id)
    return [
        v
        for v in views
        if (selection.theatre_id is None or v.case.theatre_id == selection.theatre_id)
        and (selection.party is None or _speaks_or_acts(v, selection.party))
        and period.overlaps(v.case.start, v.case.end)
    ]


def _period(selection: ExportFilter) -> tuple[datetime, datetime]:
    start = selection.start or date(1900, 1, 1)
    end = selection.end or date(9999, 12, 30)
    return datetime.combine(start, time(), UTC), datetime.combine(end, time.max, UTC)


def mission_of(theatre: Theatre) -> str:
    """The mission's name from the actor dictionary, else the theatre's name."""
    actor = _actors().get(theatre.mission_actor)
    return actor[0] if actor else f"{theatre.name} monitoring mission"


@lru_cache(maxsize=1)
def _actors() -> dict[str, tuple[str, ActorKind]]:
    """Names and kinds of the packaged actors (about a second to read: only for
    ClaimReview, which names the mission and tells people from organisations)."""
    from watchline.extract.speakers.actors_data import PACKAGED, entries_from

    return {e.actor.id: (e.actor.name, e.actor.kind) for e in entries_from(PACKAGED)}


def export_data(
    db: Database,
    selection: ExportFilter,
    *,
    mission: str,
    with_layers: bool = True,
    with_actors: bool = True,
    case_url: str | None = None,
    published_only: bool = False,
) -> ExportData:
    """Everything the writers read; patrols and findings only when `with_layers`."""
    from watchline.extract.lexicon import load_ontology
    from watchline.publish.exports.data import ExportData
    from watchline.store.claims import ClaimRepository
    from watchline.store.observations import ObservationRepository
    from watchline.store.patrols import PatrolRepository

    views = selected_views(db, selection)
    wanted = {c.id for v in views for c in v.claims_for + v.claims_against + v.context + v.copies}
    patrols, observations = [], []
    with db.transaction() as session:
        claims = {c.id: c for c in ClaimRepository(session).list() if c.id in wanted}
        if with_layers:
            start, end = _period(selection)
            patrols = PatrolRepository(session).overlapping(start, end)
            observations = ObservationRepository(session).list(start=start, end=end)
    published = _published(db) if published_only else None
    ontology = load_ontology()
    return ExportData(
        views=views,
        claims=claims,
        patrols=patrols,
        observations=observations,
        mission=mission,
        case_url=case_url,
        actor_kinds={k: kind for k, (_, kind) in _actors().items()} if with_actors else {},
        plover={str(t): ontology.plover(t) for t in ontology.senses},
        published=published,
    )


def _published(db: Database) -> dict[str, Statement]:
    """Each case's latest published statement (listing is newest first)."""
    from watchline.services.statements import listing

    latest: dict[str, Statement] = {}
    for statement in listing(db, published_only=True, limit=1_000_000):
        if statement.case_id and statement.case_id not in latest:
            latest[statement.case_id] = statement
    return latest


def export(
    db: Database,
    format: str,
    path: Path,
    selection: ExportFilter | None = None,
    *,
    theatre: Theatre,
    mission: str | None = None,
    force: bool = False,
    case_url: str | None = None,
    all_verdicts: bool = False,
) -> ExportSummary:
    """Write the `format` export of the selected cases to `path`, whole or not at all."""
    from watchline.publish.exports import writer
    from watchline.publish.exports.atomic import write_atomically

    write = writer(format)  # an unknown format fails before any work
    if path.exists() and not force and not path.is_dir():
        raise InputError(Errors.E831, path=path)
    reviews = format == "claimreview"
    data = export_data(
        db,
        selection or ExportFilter(),
        mission=mission or (mission_of(theatre) if reviews else theatre.name),
        with_layers=format in ("geojson", "gpkg"),
        with_actors=reviews,
        case_url=case_url,
        published_only=reviews and not all_verdicts,
    )
    counts = write_atomically(path, lambda temporary: write(data, temporary), force=force)
    return ExportSummary(format, path, counts)
