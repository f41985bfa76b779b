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

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

import watchline
from watchline.domain import Theatre
from watchline.observe.coverage import area_geometry
from watchline.observe.times import utc
from watchline.store.digests import digest_of
from watchline.store.extent import in_box
from watchline.store.observations import ObservationRepository, to_observation
from watchline.store.patrols import expand
from watchline.store.tables.patrols import ObservationRow, PatrolRow
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


def _sightings(
    session: Session, item: CaseInput, theatre: Theatre, policy: VerifyPolicy, vis: float
) -> list[object]:
    """The patrols and findings inside the case's hull, in a fixed order."""
    area = observable_area(item.case, theatre, policy, item.scope)
    window = case_window(item.case, item.core, theatre, policy)
    if area.wkt is None or window is None:
        return ["no coverage queried"]
    later = trace_window(item.case, window, policy)
    start = window[0] - MARGIN
    end = max(window[1], later[1] if later else window[1]) + MARGIN
    bbox = expand(area_geometry(area.wkt).bounds, vis + MARGIN_M)
    s, e = utc(start).timestamp(), utc(end).timestamp()
    row = PatrolRow
    near = in_box(session, row, row.extent, "patrols_rtree", bbox, (s, e),
                  row.start_ts <= e, row.end_ts >= s)  # fmt: skip
    patrols = session.execute(
        select(row.id, row.raw_sha256, row.visibility_m, row.footprint_m)
        .where(near)
        .order_by(row.id)
    ).all()
    found = ObservationRepository(session)._in_area(bbox, start, end)
    ids = [p[0] for p in patrols]
    if ids:
        found = or_(found, ObservationRow.patrol_id.in_(ids))
    rows = session.scalars(select(ObservationRow).where(found).order_by(ObservationRow.id))
    return [tuple(tuple(p) for p in patrols), [to_observation(r) for r in rows]]
