"""Words that say when: a short "on Tuesday" or "this morning" the parser hangs on a cue,
an object or a speaker's noun belongs to the saying, not to what was said or who said it."""

from __future__ import annotations

from spacy.tokens import Token

DAY_WORDS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
             "yesterday", "today", "tonight", "morning", "evening", "afternoon",
             "night"}  # fmt: skip


def is_time_word(tok: Token) -> bool:
    """A day word, or what the parser tags as a date or a time."""
    return tok.lower_ in DAY_WORDS or tok.ent_type_ in ("DATE", "TIME")


def short_time_phrase(tok: Token, longest: int) -> bool:
    """The phrase `tok` heads is at most `longest` tokens and says when."""
    phrase = list(tok.subtree)
    return len(phrase) <= longest and any(is_time_word(t) for t in phrase)
