"""Speakers and actors: who said it and who is said to have done it.

`actors.py` is the actor dictionary (read and expanded by `actors_data.py`, its aliases
checked by `actors_check.py`); `resolver.py` resolves a statement's speaker through it,
and `agents.py` finds the agent of its event through the parse.
"""
