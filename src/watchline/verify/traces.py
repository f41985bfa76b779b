"""How long each kind of event leaves traces a patrol can see, from the ontology.

Troops that have left leave nothing to see; trenches stay for weeks, shell craters and
damaged roofs for days. The spans live in `data/ontology.yaml` (`traces`) so that a
mission can change them without touching code; an inspection inside the span counts as
evidence about the claim (see docs/verdicts.md).
"""

from __future__ import annotations

import math
from functools import lru_cache
from importlib import resources
from types import MappingProxyType
from typing import Any

import yaml

from watchline.domain import EventType
from watchline.errors import Errors, InputError


def parse_trace_days(spec: Any, path: object = "ontology.yaml") -> dict[EventType, float]:
    """The `traces` section: event type → days (a number ≥ 0); E410 for anything else."""
    if spec is None:
        return {}
    if not isinstance(spec, dict):
        raise InputError(Errors.E410, path=path, entry="traces", reason="must be a mapping")
    days: dict[EventType, float] = {}
    for name, value in spec.items():
        try:
            kind = EventType(str(name))
        except ValueError:
            reason = f"unknown event type {str(name)[:40]!r}"
            raise InputError(Errors.E410, path=path, entry="traces", reason=reason) from None
        if isinstance(value, bool) or not isinstance(value, int | float):
            reason = f"{kind}: days must be a number, not {str(value)[:40]!r}"
            raise InputError(Errors.E410, path=path, entry="traces", reason=reason)
        if not math.isfinite(value) or value < 0:
            reason = f"{kind}: days must be 0 or more, not {value}"
            raise InputError(Errors.E410, path=path, entry="traces", reason=reason)
        days[kind] = float(value)
    return days


@lru_cache(maxsize=1)
def _packaged() -> MappingProxyType[EventType, float]:
    text = resources.files("watchline").joinpath("data", "ontology.yaml").read_text("utf-8")
    return MappingProxyType(parse_trace_days((yaml.safe_load(text) or {}).get("traces")))


def load_trace_days() -> MappingProxyType[EventType, float]:
    """The packaged trace spans (read once)."""
    return _packaged()
