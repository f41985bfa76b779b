"""Date expressions and the day a statement was made."""

from __future__ import annotations

import json
from datetime import date

import pytest
from eval_gate_scoring import EVAL  # the shared folder beside the checkout or its worktrees

from watchline.extract.dates.days import find_dates, resolve_stated_on
from watchline.extract.dates.event_time import resolve_time_window

MONDAY = date(2024, 4, 1)
DEV = EVAL / "dev"


@pytest.mark.parametrize(
    ("text", "published_on", "expected", "span"),
    [
        ("on Sunday", MONDAY, ("2024-03-31", "2024-03-31"), "Sunday"),
        ("on Monday", MONDAY, ("2024-04-01", "2024-04-01"), "Monday"),
        ("last Monday", MONDAY, ("2024-03-25", "2024-03-25"), "last Monday"),
        ("next Monday", MONDAY, ("2024-04-08", "2024-04-08"), "next Monday"),
        ("Monday evening", MONDAY, ("2024-04-01", "2024-04-01"), "Monday evening"),
        ("on Tuesday", MONDAY, ("2024-03-26", "2024-03-26"), "Tuesday"),
        ("on Sunday", date(2024, 1, 1), ("2023-12-31", "2023-12-31"), "Sunday"),
        ("on Friday", date(2024, 3, 3), ("2024-03-01", "2024-03-01"), "Friday"),
        ("Thursday night", date(2024, 3, 1), ("2024-02-29", "2024-02-29"), "Thursday night"),
        ("yesterday", date(2024, 3, 1), ("2024-02-29", "2024-02-29"), "yesterday"),
        ("Yesterday morning", date(2024, 1, 1), ("2023-12-31", "2023-12-31"), "Yesterday morning"),
        ("today", MONDAY, ("2024-04-01", "2024-04-01"), "today"),
        ("last night", date(2023, 3, 1), ("2023-02-28", "2023-02-28"), "last night"),
        ("this morning", MONDAY, ("2024-04-01", "2024-04-01"), "this morning"),
        (
            "the day before yesterday",
            MONDAY,
            ("2024-03-30", "2024-03-30"),
            "the day before yesterday",
        ),
        ("last week", date(2024, 4, 3), ("2024-03-25", "2024-03-31"), "last week"),
        ("earlier this week", date(2024, 4, 3), ("2024-04-01", "2024-04-03"), "earlier this week"),
        ("over the weekend", MONDAY, ("2024-03-30", "2024-03-31"), "over the weekend"),
        ("last month", date(2024, 1, 15), ("2023-12-01", "2023-12-31"), "last month"),
        ("three days ago", date(2024, 3, 2), ("2024-02-28", "2024-02-28"), "three days ago"),
        ("31 March", MONDAY, ("2024-03-31", "2024-03-31"), "31 March"),
        ("on 31st of March", MONDAY, ("2024-03-31", "2024-03-31"), "31st of March"),
        ("March 31, 2024", MONDAY, ("2024-03-31", "2024-03-31"), "March 31, 2024"),
        ("Dec. 30", date(2025, 1, 2), ("2024-12-30", "2024-12-30"), "Dec. 30"),
        ("30 December", date(2025, 1, 2), ("2024-12-30", "2024-12-30"), "30 December"),
        ("2 January", date(2024, 12, 30), ("2025-01-02", "2025-01-02"), "2 January"),
        ("31.03.2024", MONDAY, ("2024-03-31", "2024-03-31"), "31.03.2024"),
        ("03/31/2024", MONDAY, ("2024-03-31", "2024-03-31"), "03/31/2024"),
        ("2024-03-31", MONDAY, ("2024-03-31", "2024-03-31"), "2024-03-31"),
        ("2024-03-31T09:30:00Z", MONDAY, ("2024-03-31", "2024-03-31"), "2024-03-31"),
        ("last year", MONDAY, ("2023-01-01", "2023-12-31"), "last year"),
        ("earlier this year", MONDAY, ("2024-01-01", "2024-04-01"), "earlier this year"),
        ("in March 2023", MONDAY, ("2023-03-01", "2023-03-31"), "March 2023"),
        ("since February", MONDAY, ("2024-02-01", "2024-02-29"), "since February"),
        ("in 2020", MONDAY, ("2020-01-01", "2020-12-31"), "in 2020"),
        ("since the 1990s", MONDAY, ("1990-01-01", "1999-12-31"), "the 1990s"),
    ],
)
def test_dates_find_resolves_expressions(
    text: str, published_on: date, expected: tuple[str, str], span: str
) -> None:
    found = find_dates(text, published_on)
    assert len(found) == 1, found
    mention = found[0]
    assert (mention.start_date.isoformat(), mention.end_date.isoformat()) == expected
    assert mention.text == span == text[mention.start : mention.end]


@pytest.mark.parametrize(
    "text",
    ["They may march on the capital.", "Sunday Times", "the 31 brigades", "Room 101"],
)
def test_dates_find_ignores_non_dates(text: str) -> None:
    assert [m.text for m in find_dates(text, MONDAY)] in ([], ["Sunday"])


def _stated(text: str, cue: str, published_on: date = MONDAY, nth: int = 0) -> date | None:
    start = -1
    for _ in range(nth + 1):
        start = text.index(cue, start + 1)
    return resolve_stated_on(text, published_on, start, start + len(cue), default=published_on)


@pytest.mark.parametrize(
    ("text", "cue", "expected"),
    [
        # Ukraine: the date right after the cue governs, not the event date in the content.
        ("Ukraine's air force said on Saturday that Russia launched drones overnight.",
         "said", date(2024, 3, 30)),
        # Israel–Lebanon: a later sentence inherits the day; "the next day" moves it.
        ("On Thursday, the IDF said it struck Hezbollah sites. The group denied it the next "
         "day.", "denied", date(2024, 3, 29)),
        # India–Pakistan: "yesterday" in the same sentence.
        ("Pakistan's army said yesterday that Indian troops violated the ceasefire.",
         "said", date(2024, 3, 31)),
        # Kosovo: nothing in the text, so the default (publication) stands.
        ("KFOR said the situation in the north was calm.", "said", MONDAY),
        # Korea: "a week after" another, undated event leaves the day unknown.
        ("The statement came a week after Seoul accused Pyongyang of jamming GPS.",
         "accused", None),
        # Sudan: "at the time" points at an earlier, unknown moment.
        ("At the time, the RSF denied attacking the camp.", "denied", None),
        # A time window as the statement's own time is not a day.
        ("Last week, the ministry warned of shelling.", "warned", None),
        ("On 28 March, Armenia denied it. Two days later, Baku repeated the claim.",
         "repeated", date(2024, 3, 30)),
        # A date inside the quotation is the event's; the one after the cue dates it.
        ("‘We were shelled yesterday’, the ministry said on Saturday.", "said", date(2024, 3, 30)),
        ("‘We were shelled yesterday’, the ministry said.", "said", MONDAY),
        ("On Saturday, the army said it was attacked on Friday.", "said", date(2024, 3, 30)),
        ("The army said in a statement late on Sunday that it fired.", "said", date(2024, 3, 31)),
        ("The ministry said that Russia attacked on Sunday.", "said", MONDAY),
        ("Peskov told reporters on Friday that talks were off.", "told", date(2024, 3, 29)),
        ("The army said in a statement on Telegram late on Saturday that it fired.", "said",
         date(2024, 3, 30)),
        ("Zelensky said in his nightly video address on Sunday that Russia attacked.", "said",
         date(2024, 3, 31)),
        # The next sentence inherits the statement's day, not the day of what was said.
        ("Kyiv said drones hit Odesa on Sunday. The governor said two people died.",
         "governor said", MONDAY),
        ("On Sunday, drones hit Odesa. The governor said two people died.",
         "governor said", date(2024, 3, 31)),
        # A flashback ("a day earlier, he had warned") does not move the story's day.
        ("On Saturday, Mikati called for calm. A day earlier, he had warned of war. "
         "The army denied it.", "denied", date(2024, 3, 30)),
        ("On Saturday, Mikati called for calm. A day earlier, he had warned of war.",
         "warned", date(2024, 3, 29)),
    ],
)  # fmt: skip
def test_dates_resolve_stated_on_cases(text: str, cue: str, expected: date | None) -> None:
    assert _stated(text, cue) == expected


def test_dates_resolve_stated_on_lead_takes_the_story_day() -> None:
    text = (
        "Moldova has rejected claims of a troop build-up.\n"
        "On Friday, the ministry said the claims were false.\n"
    )
    assert _stated(text, "rejected") == date(2024, 3, 29)


def test_dates_resolve_stated_on_lead_takes_the_statement_day_not_the_event_day() -> None:
    text = (
        "Russia has accused Ukraine of shelling the nuclear plant.\n"
        "The plant was hit on Saturday, the ministry said on Sunday.\n"
    )
    assert _stated(text, "accused") == date(2024, 3, 31)


def test_dates_resolve_stated_on_embedded_post_dateline() -> None:
    text = (
        "Later, the envoy posted:\n"
        "Calm day along the line, our monitors report.\n"
        "— Jane Envoy (@janeenvoy) March 29, 2024\n"
    )
    assert _stated(text, "report") == date(2024, 3, 29)


def test_dates_resolve_stated_on_short_post_is_no_heading() -> None:
    text = (
        "On Sunday, the envoy posted:\n"
        "Calm along the line, monitors report\n"
        "— Jane Envoy (@janeenvoy) March 29, 2024\n"
    )
    assert _stated(text, "report") == date(2024, 3, 29)


def test_dates_resolve_stated_on_whole_sentence_span() -> None:
    text = "On Saturday, Prime Minister Nikol Pashinyan warned that Azerbaijan was arming."
    assert resolve_stated_on(text, MONDAY, 0, len(text), default=MONDAY) == date(2024, 3, 30)


def test_dates_resolve_stated_on_heading_resets_thread() -> None:
    text = (
        "At the time, Baku accused Yerevan of shelling.\n"
        "Talks in Washington\n"
        "The foreign ministers said the talks were productive.\n"
    )
    assert _stated(text, "said") == MONDAY


@pytest.mark.skipif(not DEV.exists(), reason="shared/eval/dev is not beside the repository")
def test_dates_resolve_stated_on_dev_document() -> None:
    for gold_path in sorted(DEV.glob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        text = (DEV / gold["file"]).read_text(encoding="utf-8")
        published_on = date.fromisoformat(gold["published_on"])
        for claim in gold["claims"]:
            cue = text.rfind(claim["cue"], 0, claim["content_start"])
            if cue < 0:
                cue = text.index(claim["cue"], claim["content_start"])
            got = resolve_stated_on(
                text, published_on, cue, cue + len(claim["cue"]), default=published_on
            )
            expected = claim["stated_on"] and date.fromisoformat(claim["stated_on"])
            assert got == expected, (claim["speaker"], claim["cue"])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Recently, troops were moved to the border, read the statement.",
         ("2024-04-01", "2024-04-01", "Recently")),
        ("The army said troops had fired on 30 March.", ("2024-03-30", "2024-03-30", "30 March")),
        ("The villages have been held since the 1990s.", ("1990-01-01", "2024-04-01", "the 1990s")),
        ("In recent days, drones flew over.", ("2024-03-29", "2024-04-01", "In recent days")),
        ("The army said it fired.", None),
    ],
)  # fmt: skip
def test_dates_resolve_time_window(text: str, expected: tuple[str, str, str] | None) -> None:
    window = resolve_time_window(text, MONDAY, 0, len(text))
    if expected is None:
        assert window is None
    else:
        assert window is not None
        assert (window.start.isoformat(), window.end.isoformat(), window.text) == expected
