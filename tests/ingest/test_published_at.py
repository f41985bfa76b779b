"""`ingest --published-at`: a publication time for items that carry none of their own."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

from typer.testing import CliRunner

from watchline.cli import app
from watchline.store import Database
from watchline.store.documents import DocumentRepository

GOLAN = "UNDOF observers said an Israeli patrol crossed the Alpha line near Quneitra on Saturday.\n"
OSSETIA = "EUMM monitors reported fencing moved near Khurvaleti on Friday, the mission said.\n"
UNDATED_PAGE = """<!doctype html><html><head><title>Border notes</title></head><body>
<article><h1>Border notes</h1><p>Monitors near Tavush reported gunfire overnight, the statement
said. The mission asked both sides to keep to the ceasefire and to let patrols pass.</p>
</article></body></html>"""

runner = CliRunner()


def _one(run, tmp_path, text: str, name: str = "s.txt", **options: object):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    report = run(path, **options)
    assert report.ingested == 1, report.rejected
    return report


def _documents(db: Database):
    with db.transaction() as session:
        return DocumentRepository(session).list()


def test_a_date_gives_plain_text_that_day_at_day_precision(run, sqlite_db, tmp_path) -> None:
    _one(run, tmp_path, GOLAN, published_at=date(2024, 4, 6))
    [document] = _documents(sqlite_db)
    assert document.published_at == datetime(2024, 4, 6, tzinfo=UTC)
    assert document.meta["published_precision"] == "day"
    assert document.meta["published_at_given"] is True


def test_a_date_time_with_offset_is_stored_in_utc(run, sqlite_db, tmp_path) -> None:
    tbilisi = timezone(timedelta(hours=4))
    _one(run, tmp_path, OSSETIA, published_at=datetime(2024, 5, 10, 18, 30, tzinfo=tbilisi))
    [document] = _documents(sqlite_db)
    assert document.published_at == datetime(2024, 5, 10, 14, 30, tzinfo=UTC)
    assert "published_precision" not in document.meta


def test_a_naive_date_time_is_read_as_utc(run, sqlite_db, tmp_path) -> None:
    _one(run, tmp_path, OSSETIA, published_at=datetime(2024, 5, 10, 18, 30))
    [document] = _documents(sqlite_db)
    assert document.published_at == datetime(2024, 5, 10, 18, 30, tzinfo=UTC)


def test_an_undated_page_gets_the_time_and_a_dated_one_keeps_its_own(
    run, sqlite_db, tmp_path, inputs
) -> None:
    _one(run, tmp_path, UNDATED_PAGE, name="notes.html", published_at=date(2024, 4, 1))
    report = run(inputs / "html" / "article.html", published_at=date(2020, 1, 1))
    assert report.ingested == 1
    by_path = {str(d.meta["path"]).rsplit("/", 1)[-1]: d for d in _documents(sqlite_db)}
    assert by_path["notes.html"].published_at == datetime(2024, 4, 1, tzinfo=UTC)
    own = by_path["article.html"]
    assert own.published_at == datetime(2024, 3, 31, 10, 20, tzinfo=UTC)  # its own, not 2020
    assert "published_at_given" not in own.meta


def test_without_the_option_plain_text_has_no_time(run, sqlite_db, tmp_path) -> None:
    _one(run, tmp_path, GOLAN)
    [document] = _documents(sqlite_db)
    assert document.published_at is None


def test_cli_published_at_is_parsed_and_bad_values_are_coded(db_env, tmp_path) -> None:
    assert runner.invoke(app, ["init"]).exit_code == 0
    path = tmp_path / "golan.txt"
    path.write_text(GOLAN, encoding="utf-8")
    for bad in ("2024-13-06", "last Saturday", "2024-04-06T25:00", "x" * 500):
        result = runner.invoke(app, ["ingest", str(path), "--published-at", bad])
        assert result.exit_code == 1
        assert result.stderr.startswith("watchline: E020: Invalid --published-at")
        assert len(result.stderr) < 400 and "Traceback" not in result.output
    result = runner.invoke(app, ["ingest", str(path), "--published-at", "2024-04-06T09:15+03:00"])
    assert result.exit_code == 0, result.output
    db = Database(db_env)
    [document] = _documents(db)
    db.dispose()
    assert document.published_at == datetime(2024, 4, 6, 6, 15, tzinfo=UTC)


def test_cli_help_says_naive_means_utc() -> None:
    result = runner.invoke(app, ["ingest", "--help"], terminal_width=200)
    assert "--published-at" in result.output
    assert "read as UTC" in " ".join(result.output.split())
