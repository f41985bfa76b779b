"""The demo, corrected and merged by an analyst, then extracted and linked again from
scratch with the real pipeline: the corrections and the merge are still in force."""

from __future__ import annotations

import shutil
from pathlib import Path

from watchline.geo.theatre import load_theatre
from watchline.services.casework import link_all, verify_all
from watchline.services.extraction import extract_documents
from watchline.services.review import Relink, claim_review, correct_claim, merge_cases
from watchline.services.views import case_views
from watchline.services.workflow import case_review
from watchline.store import Database


def _case_of(db: Database, claim_id: str) -> str:
    return next(v.case.id for v in case_views(db) if claim_id in v.case.claim_ids)


def test_review_survives_re_extraction_and_re_linking_of_the_demo(demo_run, tmp_path: Path) -> None:
    from watchline.extract import Extractor

    db_file = tmp_path / "demo.db"
    shutil.copy(demo_run.database_url.removeprefix("sqlite:///"), db_file)
    db = Database(f"sqlite:///{db_file}")
    theatre = load_theatre("arm-aze")
    relink = Relink(theatre)
    views = case_views(db)
    keep, gone = views[0], views[1]
    claim_id = keep.case.claim_ids[0]
    engine_act = claim_review(db, claim_id).engine.act.value
    act = "appeal" if engine_act != "appeal" else "warn"
    correct_claim(db, claim_id, "act", act, "reads as an appeal", "ana")
    merge_cases(db, keep.case.id, gone.case.id, "one episode", "ana", relink=relink)
    gone_claim = gone.case.claim_ids[0]
    assert _case_of(db, gone_claim) == _case_of(db, claim_id)

    extractor = Extractor.load(theatre=theatre)
    redone = extract_documents(db, extractor, redo=True, actor="ana")
    assert redone.documents > 0 and not redone.failed
    link_all(db, theatre, actor="ana")
    verify_all(db, theatre, actor="ana")

    review = claim_review(db, claim_id)
    assert review.engine.act.value == engine_act  # the engine's claim came back as it was
    assert review.claim.act.value == act  # and the correction with it
    assert _case_of(db, gone_claim) == _case_of(db, claim_id)  # still merged
    assert gone.case.id not in {v.case.id for v in case_views(db)}
    history = case_review(db, _case_of(db, claim_id)).history
    assert {"merge", "correction"} <= {e.kind for e in history}
    db.dispose()
