"""The adversarial world: events that happen or not, patrols that drive, stop and look,
and parties that allege, deny and repost — each episode built to probe one way a
verdict can go wrong (brief passes, long stops far away, morning patrols against evening
claims, wild GPS fixes, denials alone, inspections the next day, far-side claims …).

Patrols report only what the world says they saw: an event is observed when the
patrol's true position came within visibility of it while it could be seen.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import numpy as np
from shapely.geometry import Point

from watchline.domain import (
    Act,
    Claim,
    Document,
    EventType,
    Observation,
    ObservationType,
    Patrol,
    Source,
    SourceKind,
    TrackPoint,
)
from watchline.link import LinkOptions
from watchline.verify.policy import DEFAULT_POLICY, VerifyPolicy
from watchline.verify.simulation.fixtures import make_claim, village
from watchline.verify.simulation.paths import PathBuilder, Recorded, TruePath, record
from watchline.verify.simulation.theatres import Site, WorldMap
from watchline.verify.simulation.truth import GRID_KM, STEP_S, TRACE_DAYS, first_sight

START_DAY = date(2024, 3, 1)
DAY_S = 86400.0
EVENING = (time(18, 0), time(21, 0))
OVERNIGHT = (time(22, 0), time(5, 0))
ABOUT_TWO = (time(14, 0), time(14, 0))  # "at about 14:00 local time"
SCENARIOS = {  # episode kind -> weight
    "linger": 16,
    "pass_far_stop": 12,
    "morning_vs_evening": 12,
    "evening_watch": 12,
    "overnight": 8,
    "about_hour": 6,
    "inspection": 12,
    "outlier": 8,
    "multi_day": 7,
    "uncovered": 5,
    "denial_alone": 7,
}


@dataclass
class WorldEvent:
    kind: EventType
    site: Site
    x: float
    y: float
    start: float  # UTC epoch seconds: when it can first be seen
    end: float  # when it can last be seen (presence ends, damage repaired)


@dataclass
class SimPatrol:
    id: str
    kind: str
    day: date
    path: TruePath
    recorded: Recorded
    lon: np.ndarray
    lat: np.ndarray

    def patrol(self) -> Patrol:
        """The patrol as an importer would hand it over (recorded fixes, lon/lat, UTC)."""
        points = tuple(
            TrackPoint(float(lo), float(la), datetime.fromtimestamp(float(t), UTC))
            for lo, la, t in zip(self.lon, self.lat, self.recorded.t, strict=True)
        )
        return Patrol(
            self.id, f"team {self.id}", points[0].time, points[-1].time, points, base="base"
        )


@dataclass
class Allegation:
    """The truth about one allegation (or a lone denial): what was claimed and what was so."""

    claim_id: str
    label: str  # "true" | "false" | "unobservable"
    scenario: str
    site: Site
    kind: EventType
    windows: list[tuple[float, float]]  # the claimed time as UTC instants, day by day
    event: WorldEvent | None = None
    grid: np.ndarray = field(default_factory=lambda: np.empty((0, 2)))


@dataclass
class World:
    map: WorldMap
    claims: list[Claim] = field(default_factory=list)
    documents: dict[str, Document] = field(default_factory=dict)
    patrols: list[SimPatrol] = field(default_factory=list)
    observations: list[Observation] = field(default_factory=list)
    events: list[WorldEvent] = field(default_factory=list)
    truth: dict[str, Allegation] = field(default_factory=dict)
    wild_fixes: int = 0


@dataclass(frozen=True)
class WorldConfig:
    seed: int = 7
    days: int = 60
    episodes_per_day: int = 4
    cooldown_days: int = 7  # a village is not claimed about again for this long
    denial_rate: float = 0.5
    repost_rate: float = 0.2
    wild_rate: float = 0.2  # patrols with one wild fix somewhere far away
    far_side_rate: float = 0.8  # far-side claims per day
    unobservable_rate: float = 0.5
    miss_rate: float = 0.0  # a patrol that sees an event fails to report it


class _Builder:
    def __init__(self, world_map: WorldMap, config: WorldConfig, policy: VerifyPolicy) -> None:
        self.m = world_map
        self.c = config
        self.policy = policy
        self.rng = random.Random(f"{config.seed}:{world_map.key}:world")
        self.zone = ZoneInfo(world_map.theatre.timezone)
        self.world = World(world_map)
        self.vis_km = world_map.theatre.visibility_m / 1000.0
        self.radius_km = LinkOptions().radius_m["village"] / 1000.0
        self.last_used: dict[str, int] = {}

    # -- time -----------------------------------------------------------------------
    def at(self, day: date, hours: float) -> float:
        """Local wall-clock `hours` after midnight of `day`, as UTC epoch seconds."""
        midnight = datetime.combine(day, time(0), self.zone)
        return (midnight + timedelta(hours=hours)).timestamp()

    def whole_days(self, first: date, last: date) -> list[tuple[float, float]]:
        n = (last - first).days + 1
        return [
            (self.at(first + timedelta(days=k), 0), self.at(first + timedelta(days=k + 1), 0))
            for k in range(n)
        ]

    def hour_window(self, day: date, hours: tuple[time, time]) -> list[tuple[float, float]]:
        """Claimed hours widened by the policy's margin; an instant ("at about 14:00")
        is that time ± the margin; an end before the start is past midnight."""
        margin = self.policy.hour_margin_minutes * 60.0
        a = self.at(day, hours[0].hour + hours[0].minute / 60)
        b = self.at(day, hours[1].hour + hours[1].minute / 60)
        if b < a:
            b = self.at(day + timedelta(days=1), hours[1].hour + hours[1].minute / 60)
        return [(a - margin, b + margin)]

    # -- places ---------------------------------------------------------------------
    def grid(self, site: Site) -> np.ndarray:
        from shapely import contains_xy

        from watchline.verify.simulation.plane import disc_grid

        g = disc_grid(site.x, site.y, self.radius_km, GRID_KM)
        return g[contains_xy(self.m.aor, g[:, 0], g[:, 1])]

    def mention(self, site: Site):
        lon, lat = self.m.plane.lonlat(site.x, site.y)
        return village(site.name, float(lon), float(lat))

    def spot(self, site: Site) -> tuple[float, float]:
        """Where at the village the activity is: within 600 m of it, on the mission's side."""
        for _ in range(20):
            r, a = 0.6 * self.rng.random() ** 0.5, self.rng.uniform(0, 6.2832)
            x, y = site.x + r * np.cos(a), site.y + r * np.sin(a)
            if self.m.aor.contains(Point(x, y)):
                return float(x), float(y)
        return site.x, site.y

    # -- patrols --------------------------------------------------------------------
    def start_at(self, site: Site, t0: float) -> PathBuilder:
        s = self.m.road.project(Point(site.x, site.y))
        base = min(self.m.bases, key=lambda b: abs(b - s))
        return PathBuilder(self.m.road, t0, base)

    def home(self, b: PathBuilder, kmh: float = 50.0) -> None:
        b.to_road().along(min(self.m.bases, key=lambda s: abs(s - b.s)), kmh)

    def add_patrol(
        self, kind: str, day: date, b: PathBuilder, wild: list[tuple[float, float]] | None = None
    ) -> SimPatrol:
        wild = list(wild or [])
        if self.rng.random() < self.c.wild_rate:
            if self.rng.random() < 0.5:
                wild.append(tuple(self.m.plane.km(1.0, 2.0)))  # (lon 1, lat 2): the Sahara
            else:
                wild.append((self.rng.uniform(-40, 210), self.rng.uniform(40, 90)))
        path = b.path()
        rec = record(path, self.rng, wild)
        self.world.wild_fixes += rec.wild
        lon, lat = self.m.plane.lonlat(rec.x, rec.y)
        pid = f"{self.m.key}-p{len(self.world.patrols):05d}"
        patrol = SimPatrol(pid, kind, day, path, rec, lon, lat)
        self.world.patrols.append(patrol)
        return patrol

    def watch(
        self,
        kind: str,
        site: Site,
        day: date,
        arrive: float,
        leave: float,
        depart: float | None = None,
    ) -> SimPatrol:
        """Drive out, stand at the village from `arrive` to `leave` (local hours), return."""
        b = self.start_at(site, self.at(day, depart if depart is not None else arrive - 1.2))
        b.visit(site.x, site.y).wait_until(max(b.now, self.at(day, arrive)))
        if self.rng.random() < 0.6:  # rounds of the village's observation points
            posts = self.posts(site)
            end, k = self.at(day, leave), 0
            while b.now < end - 600:
                x, y = posts[k % len(posts)]
                b.go(x, y, 15.0).wait_until(min(end, b.now + self.rng.uniform(20, 40) * 60))
                k += 1
        b.wait_until(self.at(day, leave))
        self.home(b)
        return self.add_patrol(kind, day, b)

    def posts(self, site: Site) -> list[tuple[float, float]]:
        """The village and three observation points 1.2 km around it, on our side."""
        turn = self.rng.uniform(0, 2.1)
        around = [
            (site.x + 1.2 * np.cos(turn + k * 2.094), site.y + 1.2 * np.sin(turn + k * 2.094))
            for k in range(3)
        ]
        inside = [(float(x), float(y)) for x, y in around if self.m.aor.contains(Point(x, y))]
        return [(site.x, site.y), *inside]

    def pass_far_stop(self, site: Site, day: date) -> SimPatrol:
        """At speed past the village to a post 9–14 km beyond, 4–5 h there, back at speed."""
        s = self.m.road.project(Point(site.x, site.y))
        ahead = s + self.rng.uniform(9.5, 14.0)
        post = ahead if ahead < self.m.road.length else s - self.rng.uniform(9.5, 14.0)
        first = s - (post - s) * 0.5
        b = PathBuilder(self.m.road, self.at(day, self.rng.uniform(7.0, 9.0)), first)
        b.along(post, self.rng.uniform(60, 80)).wait(self.rng.uniform(270, 300))
        b.along(first, self.rng.uniform(60, 80))
        return self.add_patrol("pass_far_stop", day, b)

    def far_away(self, site: Site, day: date) -> SimPatrol:
        """A patrol 25+ km away all day whose log has one wild fix right at the village."""
        s = self.m.road.project(Point(site.x, site.y))
        post = s + 28.0 if s + 28.0 < self.m.road.length else s - 28.0
        b = PathBuilder(self.m.road, self.at(day, 8.0), post)
        b.along(post + 2.0, 40).wait(self.rng.uniform(240, 360)).along(post, 40)
        return self.add_patrol("outlier", day, b, wild=[(site.x, site.y)])

    # -- statements -----------------------------------------------------------------
    def statement(
        self,
        speaker: str,
        act: Act,
        kind: EventType,
        agent: str,
        site: Site,
        days: tuple[date, date],
        hours: tuple[time, time] | None,
        text: str,
        stated: date,
    ) -> Claim:
        doc = f"{self.m.key}-d{len(self.world.documents):06d}"
        published = datetime.combine(stated, time(12), UTC)
        source = Source(SourceKind.MINISTRY, f"{speaker} ministry", speaks_for=speaker.lower())
        self.world.documents[doc] = Document(doc, text, text.encode(), source, published, id=doc)
        claim = make_claim(
            f"{doc}:c1",
            speaker,
            act,
            kind,
            agent,
            stated,
            places=(self.mention(site),),
            content=text,
            document_id=doc,
            event_day=days[0],
            event_end=days[1],
            start_time=hours[0] if hours else None,
            end_time=hours[1] if hours else None,
        )
        self.world.claims.append(claim)
        return claim

    def allege(
        self,
        label: str,
        scenario: str,
        site: Site,
        kind: EventType,
        days: tuple[date, date],
        hours: tuple[time, time] | None,
        event: WorldEvent | None,
        act: Act = Act.ACCUSE,
        alone: bool = False,
    ) -> None:
        m = self.m
        serial = len(self.world.claims)
        when = f"between {hours[0]:%H:%M} and {hours[1]:%H:%M}" if hours else "during the day"
        words = self.rng.choice(("forces of", "units belonging to", "the army of"))
        stated = days[1] + timedelta(days=int(hours is not None and hours[1] < hours[0]))
        windows = self.hour_window(days[0], hours) if hours else self.whole_days(*days)
        accuser, accused = (m.accused, m.accuser) if not site.own else (m.accuser, m.accused)
        if not alone:
            text = (
                f"{accuser} defence ministry statement {serial}: {words} {accused} carried "
                f"out {kind} near {site.name} on {days[0]:%d %B} {when}"
            )
            claim = self.statement(accuser, act, kind, accused, site, days, hours, text, stated)
            self.world.truth[claim.id] = Allegation(
                claim.id, label, scenario, site, kind, windows, event, self.grid(site)
            )
            if self.rng.random() < self.c.repost_rate:
                self.statement(
                    accuser,
                    act,
                    kind,
                    accused,
                    site,
                    days,
                    hours,
                    f"RT @{accuser.lower()}mod: {text}",
                    stated,
                )
        if alone or self.rng.random() < self.c.denial_rate:
            text = (
                f"{accused} officials reject report {serial} of {kind} near {site.name} "
                f"on {days[0]:%d %B}, calling it baseless"
            )
            denial = self.statement(
                accused, Act.DENY, kind, accused, site, days, hours, text, stated
            )
            if alone:
                self.world.truth[denial.id] = Allegation(
                    denial.id, label, scenario, site, kind, windows, event, self.grid(site)
                )

    # -- events ---------------------------------------------------------------------
    def event(self, kind: EventType, site: Site, start: float, end: float) -> WorldEvent:
        x, y = self.spot(site)
        if kind in TRACE_DAYS:
            low, high = TRACE_DAYS[kind]
            end = start + self.rng.uniform(low, high) * DAY_S
        ev = WorldEvent(kind, site, x, y, start, end)
        self.world.events.append(ev)
        return ev

    def happening(
        self, kind: EventType, site: Site, day: date, hours: tuple[float, float]
    ) -> WorldEvent:
        """A true event inside the local hours given (presence for mobilize, an instant
        for an attack, construction for fortify)."""
        if kind is EventType.MOBILIZE:
            a = self.rng.uniform(hours[0], hours[0] + (hours[1] - hours[0]) * 0.3)
            b = self.rng.uniform(a + (hours[1] - a) * 0.6, hours[1])
            return self.event(kind, site, self.at(day, a), self.at(day, b))
        t = self.at(day, self.rng.uniform(*hours))
        return self.event(kind, site, t, t)

    # -- episodes -------------------------------------------------------------------
    def episode(self, scenario: str, site: Site, day: date) -> EventType:
        """One episode at `site`; returns the kind of activity claimed."""
        r = self.rng
        true = r.random() < (0.2 if scenario == "denial_alone" else 0.5)
        label = "true" if true else "false"
        kind = r.choices((EventType.MOBILIZE, EventType.ATTACK, EventType.FORTIFY), (6, 3, 1))[0]
        hours: tuple[time, time] | None = None
        first = day
        if scenario == "linger":
            arrive = r.uniform(7.5, 11.0)
            self.watch(scenario, site, day, arrive, arrive + r.uniform(0.75, 5.5))
        elif scenario == "pass_far_stop":
            kind = r.choice((EventType.MOBILIZE, EventType.FORTIFY))
            self.pass_far_stop(site, day)
        elif scenario in ("morning_vs_evening", "evening_watch", "inspection"):
            hours = EVENING
            if scenario == "inspection":
                kind = EventType.ATTACK
                later = day + timedelta(days=1 if r.random() < 0.8 else r.randint(4, 6))
                arrive = r.uniform(8.0, 10.0)
                self.watch(scenario, site, later, arrive, arrive + r.uniform(20, 120) / 60)
            elif scenario == "morning_vs_evening":
                self.watch(scenario, site, day, 7.0, 12.0)
            elif r.random() < 0.7:
                self.watch(scenario, site, day, r.uniform(16.5, 18.0), r.uniform(21.0, 22.5))
            else:
                arrive = r.uniform(18.0, 20.0)
                self.watch(scenario, site, day, arrive, arrive + r.uniform(40, 90) / 60)
        elif scenario == "overnight":
            hours, kind = OVERNIGHT, r.choice((EventType.ATTACK, EventType.MOBILIZE))
            if r.random() < 0.6:
                self.watch(scenario, site, day, 21.5, 29.5)
            else:
                self.watch(scenario, site, day, 23.0, 25.0)
        elif scenario == "about_hour":
            hours, kind = ABOUT_TWO, r.choice((EventType.ATTACK, EventType.MOBILIZE))
            if r.random() < 0.6:
                self.watch(scenario, site, day, 12.0, 16.5)
            else:
                self.watch(scenario, site, day, 8.0, 11.0)
        elif scenario == "outlier":
            kind = EventType.MOBILIZE
            self.far_away(site, day)
        elif scenario == "multi_day":
            first = day - timedelta(days=1)
            if r.random() < 0.6:
                self.watch(scenario, site, first, 8.0, 8.0 + r.uniform(3.0, 6.0))
            self.watch(scenario, site, day, 8.0, 8.0 + r.uniform(3.0, 6.0))
        elif scenario == "denial_alone":
            kind = EventType.MOBILIZE
            self.watch(scenario, site, day, 8.0, 8.0 + r.uniform(1.0, 6.0))
        event = None
        if true:
            event = self._true_event(kind, site, first, day, hours)
        self.allege(
            label,
            scenario,
            site,
            kind,
            (first, day),
            hours,
            event,
            alone=scenario == "denial_alone",
        )
        return kind

    def _true_event(
        self, kind: EventType, site: Site, first: date, day: date, hours: tuple[time, time] | None
    ) -> WorldEvent:
        if hours is None:
            if kind is EventType.MOBILIZE:  # a build-up: there through the claimed days
                start = self.at(first, -self.rng.uniform(2, 20))
                end = self.at(day, 24 + self.rng.uniform(1, 20))
                return self.event(kind, site, start, end)
            return self.happening(kind, site, self.rng.choice((first, day)), (5.0, 22.0))
        a = hours[0].hour + hours[0].minute / 60
        b = hours[1].hour + hours[1].minute / 60
        if b < a:
            b += 24.0
        if a == b:
            a, b = a - 0.5, b + 0.5
        return self.happening(kind, site, day, (a, b))

    def side_claims(self, day: date) -> None:
        r = self.rng
        if r.random() < self.c.far_side_rate and self.m.far:
            site = r.choice(self.m.far)
            kind = r.choice((EventType.MOBILIZE, EventType.ATTACK, EventType.FORTIFY))
            self.allege("unobservable", "far_side", site, kind, (day, day), None, None)
        if r.random() < self.c.unobservable_rate:
            site = r.choice(self.m.own)
            if r.random() < 0.5:
                kind = r.choice((EventType.DISINFORMATION, EventType.PROVOCATION))
                self.allege("unobservable", "unobservable_kind", site, kind, (day, day), None, None)
            else:
                self.allege(
                    "unobservable",
                    "warning",
                    site,
                    EventType.MOBILIZE,
                    (day, day),
                    None,
                    None,
                    act=Act.WARN,
                )

    def build(self) -> World:
        names, weights = list(SCENARIOS), list(SCENARIOS.values())
        for offset in range(1, self.c.days + 1):
            day = START_DAY + timedelta(days=offset)
            free = [
                s
                for s in self.m.own
                if offset - self.last_used.get(s.name, -99) > self.c.cooldown_days
            ]
            self.rng.shuffle(free)
            for site in free[: self.c.episodes_per_day]:
                kind = self.episode(self.rng.choices(names, weights)[0], site, day)
                # not claimed about again while this episode's traces could still show:
                # craters of last week's shelling would "corroborate" today's false claim
                lasting = int(TRACE_DAYS[kind][1]) + 1 if kind in TRACE_DAYS else 0
                self.last_used[site.name] = offset + lasting
            self.side_claims(day)
        self.observe()
        return self.world

    # -- findings -------------------------------------------------------------------
    def observe(self) -> None:
        """Each patrol reports what it truly saw, and 'nothing unusual' at its stops."""
        for patrol in self.world.patrols:
            path = patrol.path
            seen_at: list[float] = []
            for ev in self.world.events:
                if ev.end < path.start or ev.start > path.end:
                    continue
                t = first_sight(path, ev.x, ev.y, ev.start, ev.end, self.vis_km)
                if t is None or self.rng.random() < self.c.miss_rate:
                    continue
                seen_at.append(t)
                if self.rng.random() < 0.7:
                    lon, lat = self.m.plane.lonlat(ev.x, ev.y)
                else:
                    lon, lat = self.m.plane.lonlat(*path.at(np.array([t])))
                    lon, lat = lon[0], lat[0]
                note = (
                    "craters and damaged roofs"
                    if ev.kind is EventType.ATTACK and t > ev.start + 3600
                    else f"{ev.kind} seen near {ev.site.name}"
                )
                self.finding(patrol, ObservationType(str(ev.kind)), t, float(lon), float(lat), note)
            for a, b in path.waits:
                if any(a <= t <= b for t in seen_at):
                    continue
                mid = (a + b) / 2
                x, y = path.at(np.array([mid]))
                lon, lat = self.m.plane.lonlat(x[0], y[0])
                note = "no damage, no craters" if patrol.kind == "inspection" else "nothing unusual"
                self.finding(
                    patrol, ObservationType.NOTHING_UNUSUAL, mid, float(lon), float(lat), note
                )

    def finding(
        self, patrol: SimPatrol, kind: ObservationType, t: float, lon: float, lat: float, notes: str
    ) -> None:
        oid = f"{patrol.id}-o{len(self.world.observations):06d}"
        self.world.observations.append(
            Observation(
                oid,
                kind,
                datetime.fromtimestamp(t, UTC),
                patrol_id=patrol.id,
                lat=lat,
                lon=lon,
                notes=notes,
            )
        )


def build_world(
    world_map: WorldMap, config: WorldConfig, policy: VerifyPolicy = DEFAULT_POLICY
) -> World:
    """One theatre's world, all drawn from the config's seed (`policy` gives the margin
    of claimed hours, the only policy figure the world needs)."""
    return _Builder(world_map, config, policy).build()


__all__ = ["STEP_S", "World", "WorldConfig", "build_world"]
