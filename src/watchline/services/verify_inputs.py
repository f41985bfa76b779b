"""What a case's verdict depends on, as one digest, so that `verify` can skip a case
whose inputs are all as they were when its verdict was last given.

A verdict is a function of the case (its area, days, members and their roles, scope,
repeats), its claims, its theatre, the policy and visibility, the engine's rules, and
the patrols and findings the coverage queries can meet. The last are read through one
indexed query over a *hull* that holds every query `verify.gather` makes: the case's
observable area grown by the visibility plus a margin, from a day before its window to
a day after the last trace window. Anything new or changed in that hull (a patrol
imported, a finding added, a photo attached) changes the digest, and the case is
verified again; so does anything unknown. A digest can only save work, never keep a
stale verdict: when in doubt, the case is recomputed.
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import bindparam, text
from sqlalchemy.orm import Session

import watchline
from watchline.domain import Theatre
from watchline.observe.coverage import area_geometry
from watchline.observe.times import utc
from watchline.store.digests import digest_of
from watchline.store.patrols import expand
from watchline.verify import VerifyPolicy
from watchline.verify.area import observable_area
from watchline.verify.gather import CaseInput, trace_window
from watchline.verify.window import case_window

VERIFY_RULES = "verify-1"  # bump when the engine's rules change what the same inputs give
MARGIN_M = 1_000.0
MARGIN = timedelta(days=1)


def case_digest(
    session: Session,
    item: CaseInput,
    theatre: Theatre,
    policy: VerifyPolicy,
    visibility_m: float | None,
) -> str:
    """The digest of everything the verdict on `item` depends on (see the module)."""
    case = item.case
    vis = visibility_m or theatre.visibility_m
    members = [(cid, item.claims.get(cid), item.roles.get(cid)) for cid in case.claim_ids]
    parts: list[object] = [VERIFY_RULES, watchline.__version__, policy, vis, theatre]
    parts += [case, item.scope, item.repeated_on, members]
    parts += _sightings(session, item, theatre, policy, vis)
    return digest_of(parts)


_PATROLS = {
    "sqlite": "SELECT p.id, p.raw_sha256, p.visibility_m, p.footprint_m FROM patrols_rtree r "
    "JOIN patrols p ON p.num = r.id WHERE r.minx <= :maxx AND r.maxx >= :minx "
    "AND r.miny <= :maxy AND r.maxy >= :miny AND r.t0 <= :e AND r.t1 >= :s",
    "postgresql": "SELECT id, raw_sha256, visibility_m, footprint_m FROM patrols "
    "WHERE extent && ST_MakeEnvelope(:minx, :miny, :maxx, :maxy, 4326) "
    "AND start_ts <= :e AND end_ts >= :s",
}
_FINDING = (
    "o.id, o.patrol_id, o.type, o.modality, o.observed_ts, o.lat, o.lon, o.minx, o.miny, "
    "o.maxx, o.maxy, o.bearing_deg, o.distance_m, o.count, o.equipment, o.notes, o.media"
)
_FINDINGS = {
    "sqlite": f"SELECT {_FINDING}, o.geom FROM observations_rtree r JOIN observations o "
    "ON o.num = r.id WHERE r.minx <= :maxx AND r.maxx >= :minx AND r.miny <= :maxy "
    "AND r.maxy >= :miny AND r.t0 <= :e AND r.t1 >= :s",
    "postgresql": f"SELECT {_FINDING}, ST_AsText(o.geom) FROM observations o "
    "WHERE o.geom && ST_MakeEnvelope(:minx, :miny, :maxx, :maxy, 4326) "
    "AND o.observed_ts >= :s AND o.observed_ts <= :e",
}
_OF_PATROLS = {
    "sqlite": f"SELECT {_FINDING}, o.geom FROM observations o WHERE o.patrol_id IN :ids",
    "postgresql": f"SELECT {_FINDING}, ST_AsText(o.geom) FROM observations o "
    "WHERE o.patrol_id IN :ids",
}


def _sightings(
    session: Session, item: CaseInput, theatre: Theatre, policy: VerifyPolicy, vis: float
) -> list[object]:
    """The patrols and findings inside the case's hull, in a fixed order (plain SQL: it
    runs once per case; the R-tree and GiST boxes can only widen what it finds)."""
    area = observable_area(item.case, theatre, policy, item.scope)
    window = case_window(item.case, item.core, theatre, policy)
    if area.wkt is None or window is None:
        return ["no coverage queried"]
    later = trace_window(item.case, window, policy)
    start = window[0] - MARGIN
    end = max(window[1], later[1] if later else window[1]) + MARGIN
    minx, miny, maxx, maxy = expand(area_geometry(area.wkt).bounds, vis + MARGIN_M)
    params = {"minx": minx, "miny": miny, "maxx": maxx, "maxy": maxy,
              "s": utc(start).timestamp(), "e": utc(end).timestamp()}  # fmt: skip
    dialect = "postgresql" if session.get_bind().dialect.name == "postgresql" else "sqlite"
    patrols = sorted(tuple(r) for r in session.execute(text(_PATROLS[dialect]), params))
    found = {repr(tuple(r)) for r in session.execute(text(_FINDINGS[dialect]), params)}
    ids = [p[0] for p in patrols]
    if ids:
        query = text(_OF_PATROLS[dialect]).bindparams(bindparam("ids", expanding=True))
        found |= {repr(tuple(r)) for r in session.execute(query, {"ids": ids})}
    return [patrols, sorted(found)]
