"""Ingest throughput: a generated Telegram export of 100,000 messages into SQLite.

Times a first ingest (every message new) and a re-ingest (every message a duplicate)
into a fresh SQLite file in a temporary directory, and prints messages per second.
Targets on the project's 2-core machine: 100,000 messages in under 60 s, the re-ingest
in under 20 s. The last line is `key=value` figures for tools to read.

    python benchmarks/bench_ingest.py            # 100,000 messages
    python benchmarks/bench_ingest.py --quick    # 10,000 messages, a smoke test
"""

from __future__ import annotations

import argparse
import json
import random
import tempfile
import time
from pathlib import Path

from watchline.ingest import ingest
from watchline.store import Database

CHAT_ID = 1700000001
START = 1711843200  # 2024-03-31 00:00:00 UTC
VILLAGES = ["Tegh", "Kornidzor", "Khoznavar", "Sotk", "Jermuk", "Ishkhanasar", "Nerkin Hand"]
ENGLISH = [
    "The Ministry of Defence reports that units moved towards {v} during the night.",
    "Residents of {v} say they heard gunfire from the direction of the border at {h}:00.",
    "Observers of the mission patrolled near {v}; nothing unusual was seen.",
    "Claims that troops are being concentrated near {v} do not correspond to reality.",
    "A convoy of {n} trucks was filmed on the road from {v} this morning.",
    "Drills of signal units continue near {v} according to the plan approved in advance.",
]
RUSSIAN = [
    "Министерство обороны сообщило о перемещении подразделений у села {v} ночью.",
    "Жители {v} рассказали, что слышали стрельбу со стороны границы около {h}:00.",
]
ARMENIAN = [
    "Պաշտպանության նախարարությունը հերքում է {v} գյուղի մոտ զորքերի կուտակման մասին լուրերը։"
]


def message(number: int, rng: random.Random) -> dict[str, object]:
    """One realistic channel message: mostly English, some Russian and Armenian."""
    pool = rng.choices([ENGLISH, RUSSIAN, ARMENIAN], weights=[80, 15, 5])[0]
    text = rng.choice(pool).format(v=rng.choice(VILLAGES), h=rng.randint(0, 23), n=number % 40)
    text = f"{text} (#{number})"
    stamp = START + number * 7
    item: dict[str, object] = {
        "id": number,
        "type": "message",
        "date": time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(stamp)),
        "date_unixtime": str(stamp),
        "from": "Border Channel",
        "from_id": f"channel{CHAT_ID}",
        "text": text,
    }
    if number % 10 == 0:
        item["text"] = [{"type": "bold", "text": "Urgent:"}, " " + text]
    if number % 13 == 0:
        item["reply_to_message_id"] = number - 1
    if number % 17 == 0:
        item["forwarded_from"] = "Ministry of Defence"
    if number % 29 == 0:
        item["photo"] = f"photos/photo_{number}@31-03-2024.jpg"
    if number % 31 == 0:
        item["edited"] = item["date"]
        item["edited_unixtime"] = str(stamp + 60)
    return item


def write_export(path: Path, messages: int, seed: int = 20240331) -> int:
    """A Telegram Desktop single-chat export of `messages` messages (plus a service
    message, as real channels have, after every 500); returns the service count."""
    rng = random.Random(seed)
    items: list[dict[str, object]] = []
    number = 0
    for count in range(1, messages + 1):
        number += 1
        items.append(message(number, rng))
        if count % 500 == 0:
            number += 1
            items.append({"id": number, "type": "service", "action": "pin_message", "text": ""})
    export = {"name": "Border Channel", "type": "public_channel", "id": CHAT_ID, "messages": items}
    path.write_text(json.dumps(export, ensure_ascii=False, indent=1), encoding="utf-8")
    return len(items) - messages


def timed(db: Database, export: Path) -> tuple[float, object]:
    started = time.perf_counter()
    report = ingest(db, [export])
    return time.perf_counter() - started, report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=100_000)
    parser.add_argument("--quick", action="store_true", help="10,000 messages")
    parser.add_argument(
        "--database-url", help="an empty database to use instead of a temporary SQLite file"
    )
    args = parser.parse_args()
    total = 10_000 if args.quick else args.messages
    with tempfile.TemporaryDirectory() as folder:
        export = Path(folder) / "result.json"
        service = write_export(export, total)
        real = total
        size_mb = export.stat().st_size / 1e6
        db = Database(args.database_url or f"sqlite:///{Path(folder) / 'bench.db'}")
        db.init()
        ingest_s, first = timed(db, export)
        reingest_s, second = timed(db, export)
        db.dispose()
    print(f"database: {db.dialect}")
    print(f"export: {real} messages (+{service} service messages), {size_mb:.1f} MB")
    print(f"ingest:    {ingest_s:6.2f} s  {real / ingest_s:8.0f} messages/s  {first.summary()}")
    print(
        f"re-ingest: {reingest_s:6.2f} s  {real / reingest_s:8.0f} messages/s  {second.summary()}"
    )
    assert first.ingested == real and second.duplicates == real, "counts are wrong"
    print(
        f"messages={real} ingest_s={ingest_s:.2f} ingest_mps={real / ingest_s:.0f} "
        f"reingest_s={reingest_s:.2f} reingest_mps={real / reingest_s:.0f} "
        f"target_ingest_s=60 target_reingest_s=20 "
        f"ok={ingest_s < 60 * total / 100_000 and reingest_s < 20 * total / 100_000}"
    )


if __name__ == "__main__":
    main()
