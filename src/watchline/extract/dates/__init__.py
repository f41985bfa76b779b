"""Dates: the day a statement was made, and when the event it reports happens.

`days.py` finds date expressions (`patterns.py`) and follows time through an article's
sentences (`sentences.py`) to date each statement; `event_time.py` turns the content's
own days, ranges and hours (`hours.py`) into the event's time window.
"""
