"""The extractor never crashes and never returns a span that is not the text's own."""

from __future__ import annotations

import random
from datetime import date
from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "extract"
PIECES = [
    "‘", "’", "“", "”", "«", "»", "„", '"', "'", "—", "\n", "\n\n", " ", ",", ".", ":",
    "(@handle)", "— Name (@x) March 31, 2024", "said", "accused", "denied", "according to",
    "Russia", "the ministry", "they", "that", "troops", "no", "not", "🇦🇿", "\t", "\r\n",
    "https://t.co/x", "[", "]", "said:", "of", "on Sunday", "ceasefire", "¿", "ß", "İ",
]  # fmt: skip


def _garbage(seed: int) -> str:
    rng = random.Random(seed)
    return "".join(rng.choice(PIECES) + rng.choice(["", " "]) for _ in range(rng.randint(1, 80)))


def _shuffled_article(seed: int) -> str:
    rng = random.Random(seed)
    files = sorted(FIXTURES.glob("*.txt"))
    sentences = [
        s for f in files for s in f.read_text(encoding="utf-8").replace("\n", " ").split(". ")
    ]
    rng.shuffle(sentences)
    return ". ".join(sentences[:12])


@pytest.mark.parametrize("seed", range(40))
def test_pipeline_random_typography_never_crashes(extractor, seed):
    text = _garbage(seed)
    for claim in extractor.extract(text, date(2024, 4, 1)):
        for span in (claim.speaker, claim.cue, claim.content):
            assert text[span.start : span.end] == span.text


@pytest.mark.parametrize("seed", range(10))
def test_pipeline_shuffled_sentences_keep_exact_spans(extractor, seed):
    text = _shuffled_article(seed)
    claims = extractor.extract(text, date(2024, 4, 1))
    assert [c.id for c in claims] == [f"c{i}" for i in range(1, len(claims) + 1)]
    for claim in claims:
        assert text[claim.content.start : claim.content.end] == claim.content.text
        assert claim.content.text.strip() == claim.content.text
        assert 0 < claim.confidence <= 1


def test_pipeline_without_publication_date(extractor):
    text = "On Sunday, Ukraine said Russian troops shelled Kharkiv."
    (claim,) = extractor.extract(text)
    assert claim.stated_on is None


def test_pipeline_long_document_is_parsed_in_pieces(extractor, monkeypatch):
    import watchline.extract.pipeline as pipeline

    article = (FIXTURES / "india-pakistan.txt").read_text(encoding="utf-8")
    text = "\n".join([article] * 3)
    whole = extractor.extract(text, date(2024, 4, 5))
    monkeypatch.setattr(pipeline, "MAX_CHARS", len(article) + 200)
    pieced = extractor.extract(text, date(2024, 4, 5))
    assert [c.id for c in pieced] == [f"c{i}" for i in range(1, len(pieced) + 1)]
    assert len(pieced) == len(whole)
    for claim in pieced:
        assert text[claim.content.start : claim.content.end] == claim.content.text
        assert text[claim.speaker.start : claim.speaker.end] == claim.speaker.text
        if claim.responds_to:
            assert int(claim.responds_to[1:]) < int(claim.id[1:])
