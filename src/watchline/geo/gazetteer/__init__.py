"""The gazetteer: toponyms in text, resolved to places.

`lookup.Gazetteer` is the entry point; `index.py` is the cached GeoNames name index,
`dump.py` reads GeoNames dump files, `places.py` adds countries, named lines and a
theatre's own places, `text.py` finds candidate names in text and `context.py` keeps the
book of one lookup.
"""
