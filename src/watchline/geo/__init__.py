"""Places, shared by every stage: the gazetteer, theatre profiles and metric geometry.

`gazetteer/` finds toponyms in text and resolves them to GeoNames towns, countries,
named lines and a theatre's own places; `theatre.py` (with `theatre_parts.py`) loads a
mission's profile (area, bases, border, sectors); `geometry.py` is the place math
(a local metric projection, buffers in metres, great-circle distances). Extraction,
observation, linking, verification and storage all use it; it uses none of them.
"""
