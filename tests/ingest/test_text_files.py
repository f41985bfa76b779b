"""Plain text and Markdown files, directories, and files that must be refused."""

from __future__ import annotations

import hashlib

import pytest


def test_text_file_is_one_document(run, inputs, stored) -> None:
    path = inputs / "text" / "euma-statement.txt"
    report = run(path)
    assert (report.ingested, report.duplicates, report.rejected) == (1, 0, [])
    (document,) = stored().values()
    data = path.read_bytes()
    assert document.key == f"file:{hashlib.sha256(data).hexdigest()}"
    assert document.text == data.decode() and document.raw == data
    assert document.language == "en" and document.meta["extractable"] is True
    assert document.meta["path"] == str(path)


def test_text_markdown_kept_as_written_with_title(run, inputs, stored) -> None:
    path = inputs / "text" / "mod-denial.md"
    run(path)
    (document,) = stored().values()
    assert document.title == "Armenia's Ministry of Defence denies troop build-up"
    assert document.text == path.read_text()  # spans must index the file itself


def test_text_directory_recursive_by_extension(run, inputs, stored) -> None:
    report = run(inputs / "text")
    assert report.ingested == 2  # .txt and .md; the .rst file is not read
    assert {d.meta["format"] for d in stored().values()} == {"text", "markdown"}


def test_text_reingest_adds_nothing(run, inputs, stored) -> None:
    run(inputs / "text")
    again = run(inputs / "text")
    assert (again.ingested, again.duplicates) == (0, 2)
    assert again.summary() == "ingested 0, duplicates 2, rejected 0"


@pytest.mark.parametrize(
    ("name", "code"),
    [("junk.txt", "E205"), ("latin1.txt", "E003"), ("no-such-file.txt", "E200")],
)
def test_text_bad_files_are_rejected(run, inputs, stored, name: str, code: str) -> None:
    good = inputs / "text" / "euma-statement.txt"
    report = run(inputs / name, good)
    assert report.ingested == 1  # the rest of the batch still goes in
    assert [r.code for r in report.rejected] == [code]
    assert report.rejected[0].path == str(inputs / name)
    assert str(inputs / name) in report.rejected[0].reason


def test_text_over_large_and_empty_files(run, inputs, stored, tmp_path) -> None:
    big = tmp_path / "big.txt"
    big.write_text("The border is calm. " * 100)
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n")
    report = run(big, empty, max_file_bytes=1000)
    assert [r.code for r in report.rejected] == ["E007", "E002"]
    assert report.ingested == 0


def test_text_unknown_format_name(run, inputs, stored) -> None:
    from watchline.errors import InputError

    with pytest.raises(InputError) as err:
        run(inputs / "text", format="docx")
    assert err.value.code == "E005"


def test_text_directory_without_known_files(run, inputs, stored, tmp_path) -> None:
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    report = run(tmp_path)
    assert [r.code for r in report.rejected] == ["E201"]


def test_text_saved_page_assets_are_not_documents(run, inputs, stored, tmp_path) -> None:
    (tmp_path / "article.html").write_bytes((inputs / "html" / "article.html").read_bytes())
    assets = tmp_path / "article_files"
    assets.mkdir()
    (assets / "frame.html").write_text(
        "<html><body><p>" + "An advert. " * 10 + "</p></body></html>"
    )
    (assets / "notes.txt").write_text("A text file the browser saved with the page.")
    report = run(tmp_path)
    assert report.ingested == 1
    assert [d.title for d in stored().values()] == ["Azerbaijan accuses Armenia of massing troops"]
    assert run(assets).ingested == 2  # named on its own, the folder is read
