"""ACLED-style CSV: read back with `csv`, one row per claim, formulas defused."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from casework_scenario import THEATRE
from exports_support import add_hostile, relink, verified

from watchline.publish.exports.acled import COLUMNS, safe_cell
from watchline.services.exports import ExportFilter, export
from watchline.store import Database


def _rows(db: Database, path: Path, selection: ExportFilter | None = None) -> list[dict]:
    export(db, "acled", path, selection, theatre=THEATRE, force=True)
    with open(path, encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        assert tuple(reader.fieldnames or ()) == COLUMNS
        return list(reader)


def test_acled_has_one_row_per_claim_with_its_case_and_verdict(
    db: Database, tmp_path: Path
) -> None:
    rows = _rows(verified(db), tmp_path / "claims.csv")
    assert len(rows) == 5
    by_claim = {r["watchline_claim_id"]: r for r in rows}
    accusation = by_claim["aze:c1"]
    assert accusation["event_date"] == "2024-03-31"
    assert (accusation["actor1"], accusation["actor2"]) == ("ARM", "AZE")
    assert accusation["verdict"] == "contradicted" and accusation["role"] == "for"
    assert accusation["source"] == "Azerbaijani wire"
    assert accusation["notes"].startswith("Armenia of concentrating troops [case ")
    assert accusation["geo_precision"] == "2"  # "the border": part of a region
    tegh = by_claim["aze2:c1"]
    assert (tegh["location"], tegh["latitude"], tegh["longitude"]) == (
        "Tegh",
        "40.02000",
        "45.50000",
    )
    assert (tegh["geo_precision"], tegh["time_precision"]) == ("1", "1")
    assert tegh["verdict"] == "not_covered"
    assert {r["watchline_case_id"] for r in rows} == {
        accusation["watchline_case_id"],
        tegh["watchline_case_id"],
    }
    assert by_claim["arm:c1"]["negated"] == "true"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+1", "'+1"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("plain", "plain"),
        ("a=b", "a=b"),
        (None, ""),
        (3, "3"),
    ],
)
def test_acled_safe_cell_defuses_spreadsheet_formulas(value: object, expected: str) -> None:
    assert safe_cell(value) == expected


def test_acled_hostile_claim_text_reads_back_as_text(sqlite_db: Database, tmp_path: Path) -> None:
    db = verified(sqlite_db)
    add_hostile(db, '=cmd|" /C calc"!A0, "quoted", and\na new line', speaker="@channel")
    relink(db)
    rows = _rows(db, tmp_path / "claims.csv")
    hostile = next(r for r in rows if r["watchline_claim_id"] == "hostile:c1")
    assert hostile["notes"].startswith('\'=cmd|" /C calc"!A0, "quoted", and\na new line [case')
    assert hostile["actor2"] == "'@channel"
    assert (hostile["location"], hostile["geo_precision"]) == ("Kirants", "1")
    assert not any(cell.startswith(("=", "+", "-", "@")) for r in rows for cell in r.values())


def test_acled_filters_by_party_and_period(sqlite_db: Database, tmp_path: Path) -> None:
    db = verified(sqlite_db)
    eu = _rows(db, tmp_path / "eu.csv", ExportFilter(party="eu"))
    assert {r["event_type"] for r in eu} == {"mobilize", "other"}  # only the case EU speaks in
    april = _rows(db, tmp_path / "april.csv", ExportFilter(start=_day("2024-04-01")))
    assert [r["watchline_claim_id"] for r in april] == ["aze2:c1"]
    assert _rows(db, tmp_path / "none.csv", ExportFilter(party="RUS")) == []
    assert (tmp_path / "none.csv").read_text(encoding="utf-8").startswith("event_date,actor1,")


def _day(text: str):
    from datetime import date

    return date.fromisoformat(text)
