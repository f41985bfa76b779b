"""Statements that run over sentences to one cue: a paragraph reported by "Об этом
сообщает X", and a quote opened sentences (or paragraphs) before its cue."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from watchline.extract.russian.parse import Sentence

if TYPE_CHECKING:
    from watchline.extract.russian.statements import Statement


def paragraph_lead(
    text: str, sentences: list[Sentence], found: list[Statement], cued: set[int]
) -> list[Statement]:
    """ "Россия накапливает войска … . Украина усиливает … \n Об этом сообщает X": the
    back-reference reports the whole paragraph before it, one claim per sentence."""
    from watchline.extract.russian.statements import clause_span

    more: list[Statement] = []
    for st in [st for st in found if st.where != st.sentence]:
        k = st.where
        while (
            k > 0
            and k - 1 not in cued
            and "\n" not in text[sentences[k - 1].end : sentences[k].start]
        ):
            k -= 1
            whole = clause_span(sentences[k], list(range(len(sentences[k].tokens))), text)
            if whole is None:
                break
            more.append(
                replace(
                    st,
                    content=whole,
                    content_tokens=list(range(len(sentences[k].tokens))),
                    content_sentence=k,
                    direct_quote=False,
                )
            )
    return more


OPENING = '«„"“'
MAX_QUOTED = 8  # sentences a quote may run back from its cue


def quote_openings(
    text: str, sentences: list[Sentence], found: list[Statement], cued: set[int]
) -> list[Statement]:
    """ "«Отслеживаем наращивание войск. Наши войска усилены», — рассказал главком": a
    quote opened sentences before its cue is the cue's too, one claim per sentence
    (its acts and events may differ, GUIDE.md §1 split)."""
    from watchline.extract.russian.statements import clause_span

    more: list[Statement] = []
    closing = '»"”'
    for st in found:
        before_cue = text[sentences[st.sentence].start : st.cue[0]]
        if st.where != st.sentence or not any(ch in closing for ch in before_cue):
            continue
        k = st.sentence
        if any(ch in OPENING for ch in text[sentences[k].start : st.content[0]]):
            continue  # the quote opens in the cue's own sentence
        earlier: list[int] = []
        # a ministry's statement printed in full runs over paragraphs to its one cue
        # ("«… .\n … », — говорится в сообщении"): the quote may open lines before
        while k > 0 and k - 1 not in cued and len(earlier) < MAX_QUOTED:
            between = text[sentences[k - 1].end : sentences[k].start]
            if "\n" in between and any(
                ch in closing for ch in text[sentences[k - 1].start : sentences[k - 1].end]
            ):
                break  # the line before closes a quote of its own
            k -= 1
            earlier.append(k)
            if text[sentences[k].start : sentences[k].end].lstrip()[:1] in OPENING:
                break
        else:
            continue
        if not earlier or text[sentences[earlier[-1]].start :].lstrip()[:1] not in OPENING:
            continue
        for j in earlier:
            whole = clause_span(sentences[j], list(range(len(sentences[j].tokens))), text)
            if whole is not None:
                more.append(
                    replace(
                        st,
                        content=whole,
                        content_tokens=list(range(len(sentences[j].tokens))),
                        content_sentence=j,
                    )
                )
    return more
