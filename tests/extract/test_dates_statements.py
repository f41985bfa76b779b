"""The day a statement was made, not the day of the events it reports (many theatres)."""

from __future__ import annotations

from datetime import date

import pytest

from watchline.extract.dates.days import resolve_stated_on

TUESDAY = date(2024, 10, 1)
MONDAY = date(2024, 3, 4)


def _stated(text: str, published_on: date, cue: str, last: bool = False) -> date | None:
    start = text.rfind(cue) if last else text.find(cue)
    assert start >= 0, cue
    return resolve_stated_on(text, published_on, start, start + len(cue), default=published_on)


@pytest.mark.parametrize(
    ("text", "published_on", "cue", "last", "expected"),
    [
        # content after the cue dates the event
        ("UNIFIL said its peacekeepers had observed several launches on Monday night.",
         TUESDAY, "said", False, "2024-10-01"),
        ("UNIFIL said its peacekeepers had observed several launches on Monday night. "
         "The mission added that it was in contact with both sides.",
         TUESDAY, "added", True, "2024-10-01"),
        ("The IDF said it had killed a commander in an airstrike on Monday evening.",
         TUESDAY, "said", False, "2024-10-01"),
        ("The army said troops had “come under fire on Monday” near Metula.",
         TUESDAY, "said", False, "2024-10-01"),
        ("An Indian army spokesman said Pakistani troops opened fire in the Nikial sector on "
         "Monday evening. Pakistan's military denied the claim.",
         TUESDAY, "denied", False, "2024-10-01"),
        ("Kosovo police said Serbian gunmen attacked a patrol near Banjska on Sunday.",
         date(2023, 9, 25), "said", False, "2023-09-25"),
        # content before a reporting clause at the end dates the event too
        ("Russian forces shelled Nikopol on Saturday, the regional governor said.",
         MONDAY, "said", False, "2024-03-04"),
        ("Russian forces shelled Nikopol on Saturday, the regional governor said. "
         "He added that two people were hurt.", MONDAY, "added", True, "2024-03-04"),
        ("On Saturday, Russian forces shelled Nikopol, the regional governor said.",
         MONDAY, "said", False, "2024-03-04"),
        ("Monday's attack, the ministry said, killed three soldiers near Kupwara.",
         TUESDAY, "said", False, "2024-10-01"),
        ("Israeli strikes on Monday evening killed three people in Kfar Kila, Lebanon's "
         "health ministry said.", TUESDAY, "said", False, "2024-10-01"),
        ("“We saw heavy shelling yesterday,” a UN official said.",
         TUESDAY, "said", False, "2024-10-01"),
        # the statement's own time
        ("The ministry said on Sunday that Russian troops had shelled Nikopol on Saturday.",
         MONDAY, "said", False, "2024-03-03"),
        ("On Sunday, the ministry said Russian forces had shelled Nikopol.",
         MONDAY, "said", False, "2024-03-03"),
        ("Yesterday, the ministry said Russian forces had shelled Nikopol.",
         MONDAY, "said", False, "2024-03-03"),
        ("The ministry said yesterday that Russian forces had shelled Nikopol.",
         MONDAY, "said", False, "2024-03-03"),
        ("In a statement on Sunday, Kosovo police said weapons had been found.",
         MONDAY, "said", False, "2024-03-03"),
        ("Late on Sunday, the RSF said it had taken El Fasher.",
         MONDAY, "said", False, "2024-03-03"),
        ("Pakistan denied the claim on Sunday and said that Indian troops had fired first.",
         MONDAY, "denied", False, "2024-03-03"),
        ("Pakistan denied the claim on Sunday and said that Indian troops had fired first.",
         MONDAY, "said", False, "2024-03-03"),
        ("Seoul's military said on Monday that the North had fired artillery near Yeonpyeong.",
         date(2024, 1, 2), "said", False, "2024-01-01"),
        ("The RSF said on Friday it had taken El Fasher.",
         date(2024, 1, 1), "said", False, "2023-12-29"),
        ("The mission said on Tuesday it had seen no movement.",
         date(2024, 3, 6), "said", False, "2024-03-05"),
        # flashbacks date only their own sentence
        ("On Monday, the army said it had struck targets. A day earlier, the minister had "
         "warned of retaliation.", date(2024, 3, 5), "warned", False, "2024-03-03"),
        ("On Monday, the army said it had struck targets. A day earlier, the minister had "
         "warned of retaliation. The army also said the strikes would continue.",
         date(2024, 3, 5), "also said", False, "2024-03-04"),
        # background does not date later statements
        ("Clashes in 2020 killed thousands. The ministry said troops were massing.",
         MONDAY, "said", False, "2024-03-04"),
        ("In 2020, Azerbaijan retook the districts. The ministry said the army would respond.",
         MONDAY, "said", False, "2024-03-04"),
        ("At the time, the border was quiet. Kosovo police said weapons had been found.",
         MONDAY, "said", False, "2024-03-04"),
        ("The clashes began last month. Serbia's president said on Monday that Belgrade would "
         "not intervene.", date(2023, 9, 26), "said", False, "2023-09-25"),
        ("Last month, gunmen attacked a police patrol near Banjska. Kosovo police said on "
         "Tuesday that weapons had been found.", date(2023, 10, 25), "said", False, "2023-10-24"),
        ("The ministry said the shelling of Nikopol came days after the talks collapsed. "
         "It added that civilians had been evacuated.", MONDAY, "added", False, "2024-03-04"),
        ("Hezbollah said it fired at Metula last month. The group said on Tuesday it would "
         "stop.", date(2024, 10, 2), "said on", False, "2024-10-01"),
        ("UNIFIL said its peacekeepers had seen launches in recent weeks. The mission also "
         "said it had protested.", TUESDAY, "also", False, "2024-10-01"),
        # a statement made at an unknown earlier time
        ("At the time, officials said the border was calm.", MONDAY, "said", False, None),
        ("Last month, Hezbollah said it would keep firing.", MONDAY, "said", False, None),
        # across a month or year boundary
        ("North Korea said on Sunday that it had fired shells near Panmunjom.",
         date(2024, 1, 1), "said", False, "2023-12-31"),
        ("The governor said on Thursday evening that Enerhodar had lost power.",
         date(2024, 3, 1), "said", False, "2024-02-29"),
        # datelines
        ("KYIV, March 3 (Reuters) - Ukraine's air force said Russia launched 40 drones.",
         date(2024, 3, 4), "said", False, "2024-03-03"),
        ("KYIV, March 3 (Reuters) - Russian drones hit Odesa on Saturday, the governor said.",
         date(2024, 3, 4), "said", False, "2024-03-03"),
        ("KYIV, March 3 (Reuters) – Russian drones hit Odesa overnight. The air force said "
         "30 were shot down.", date(2024, 3, 4), "said", False, "2024-03-03"),
    ],
)  # fmt: skip
def test_dates_stated_on_is_the_statements_day(
    text: str, published_on: date, cue: str, last: bool, expected: str | None
) -> None:
    got = _stated(text, published_on, cue, last)
    assert (got.isoformat() if got else None) == expected


def test_dates_stated_on_exclude_ignores_content_ranges() -> None:
    # Without help, a date in a fronted clause with no comma reads as the statement's.
    text = "Several launches on Monday night were observed by UNIFIL. The mission said so."
    cue = text.index("said")
    assert resolve_stated_on(text, TUESDAY, cue, cue + 4, default=TUESDAY) == date(2024, 9, 30)
    content = (0, text.index(". The"))
    got = resolve_stated_on(text, TUESDAY, cue, cue + 4, default=TUESDAY, exclude=[content])
    assert got == TUESDAY


def test_dates_stated_on_exclude_leaves_the_statements_own_date() -> None:
    text = "Hezbollah said on Sunday that it fired rockets at Metula on Saturday."
    cue = text.index("said")
    content = (text.index("it fired"), len(text) - 1)
    got = resolve_stated_on(text, MONDAY, cue, cue + 4, default=MONDAY, exclude=[content])
    assert got == date(2024, 3, 3)
