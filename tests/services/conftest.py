"""The hand-built scenario of casework_scenario.py, stored in a fresh database per test."""

from __future__ import annotations

import pytest
from casework_scenario import add_patrols, add_statement

from watchline.store import Database


@pytest.fixture
def scenario(db: Database) -> Database:
    for doc in ("aze", "arm", "eu", "aze2"):
        add_statement(db, doc)
    add_patrols(db)
    return db
