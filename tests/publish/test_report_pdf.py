"""PDF situation reports: real WeasyPrint output, read back as text and as pixels."""

from __future__ import annotations

import dataclasses
import io

import pypdfium2
import pytest
from pypdf import PdfReader

from watchline.publish.report import render_pdf, write_report


def _text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def _fonts(data: bytes) -> set[str]:
    names: set[str] = set()
    for page in PdfReader(io.BytesIO(data)).pages:
        fonts = page["/Resources"].get_object().get("/Font") or {}
        for ref in fonts.values():
            names.add(str(ref.get_object().get("/BaseFont")))
    return names


def test_demo_pdf_holds_every_case_title_and_renders(demo_run) -> None:
    pdf = demo_run.report.with_suffix(".pdf")
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF-")
    text = " ".join(_text(data).split())
    for view in demo_run.views:
        # Titles wrap across lines in the layout; compare without line breaks.
        assert " ".join((view.case.title or view.case.id).split()) in text
    document = pypdfium2.PdfDocument(data)
    image = document[0].render(scale=0.5).to_pil().convert("L")
    darkest, lightest = image.getextrema()
    assert lightest > 200 and darkest < 80  # a page with ink on it, not a blank sheet
    histogram = image.histogram()
    assert sum(histogram[:128]) > 500  # text and figure strokes, not a stray dot


def test_pdf_renders_armenian_cyrillic_and_azerbaijani_names(demo_run) -> None:
    view = next(v for v in demo_run.views if v.claims_for)
    names = ("Նիկոլ Փաշինյան", "Минобороны Азербайджана", "Ağdam rayonu, Şəki")
    claims = tuple(
        dataclasses.replace(view.claims_for[0], id=f"c{n}", speaker=name)
        for n, name in enumerate(names)
    )
    data = render_pdf([dataclasses.replace(view, claims_for=claims)])
    text = _text(data)
    for name in names:
        assert name in text
    # Every glyph came from the Debian fonts .ci/run installs (DejaVu and Noto both carry
    # Armenian, Cyrillic and the Azerbaijani letters), never an unnamed fallback.
    assert _fonts(data) and all(("DejaVu" in f or "Noto" in f) for f in _fonts(data))


def test_pdf_fetches_nothing(demo_run, tmp_path) -> None:
    view = next(v for v in demo_run.views if v.claims_for)
    hostile = dataclasses.replace(
        view.claims_for[0], content='<img src="http://127.0.0.1:9/beacon.png">'
    )
    data = render_pdf([dataclasses.replace(view, claims_for=(hostile,))])
    assert "beacon.png" in _text(data)  # escaped text, not an image fetched


def test_write_report_pdf_from_suffix(demo_run, tmp_path) -> None:
    path = write_report(demo_run.views, tmp_path / "sitrep.pdf")
    assert path.read_bytes().startswith(b"%PDF-")


def test_missing_weasyprint_is_a_clear_error(demo_run, tmp_path, monkeypatch) -> None:
    import sys

    from watchline.errors import WatchlineError

    monkeypatch.setitem(sys.modules, "weasyprint", None)  # as if it were not installed
    with pytest.raises(WatchlineError, match="E801"):
        write_report(demo_run.views, tmp_path / "sitrep.pdf")
    assert not any(tmp_path.iterdir())  # nothing half-written
