"""Score `watchline extract` on the real-article yardstick with the shared scorer.

The gold lives in ``gold/dev-*.jsonl`` (read and worked on) and ``gold/heldout-*.jsonl``
(never read in detail: scored only to report). The texts are not committed; pull them
again first (README.md). ``--src`` scores another checkout's code with this
interpreter, which is how first-sight figures of an older commit are taken::

    python benchmarks/real_articles/score.py --set dev -v
    python benchmarks/real_articles/score.py --set heldout --src /tmp/old/src
    python benchmarks/real_articles/score.py --gold-dir benchmarks/real_articles_ru/gold \
        --texts benchmarks/real_articles_ru/texts --set dev
"""

from __future__ import annotations

import argparse
import os
import shlex
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
# ../shared/eval/score.py beside the checkout, or beside the folder of its worktrees
SCORER = next(
    (
        r / "shared/eval/score.py"
        for r in HERE.parents[2:4]
        if (r / "shared/eval/score.py").exists()
    ),
    HERE.parents[2] / "shared/eval/score.py",
)


def gold_files(which: str, gold_dir: Path) -> list[Path]:
    patterns = {"dev": ["dev-*.jsonl"], "heldout": ["heldout-*.jsonl"]}
    chosen = patterns.get(which, ["dev-*.jsonl", "heldout-*.jsonl"])
    return sorted(path for pattern in chosen for path in gold_dir.glob(pattern))


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--set", choices=("dev", "heldout", "all"), default="dev")
    parser.add_argument(
        "--gold-dir",
        type=Path,
        default=HERE / "gold",
        help="folder of dev-*/heldout-*.jsonl (e.g. benchmarks/real_articles_ru/gold)",
    )
    parser.add_argument("--texts", type=Path, default=HERE / "texts")
    parser.add_argument("--src", type=Path, help="score the package under this src/ folder")
    parser.add_argument("--scorer", type=Path, default=SCORER)
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    files = gold_files(args.set, args.gold_dir)
    if not files:
        print(f"no gold files for --set {args.set} under {args.gold_dir}", file=sys.stderr)
        return 2
    if not args.scorer.exists():
        print(
            f"{args.scorer} not found: pass --scorer PATH to ../shared/eval/score.py",
            file=sys.stderr,
        )
        return 2
    env = dict(os.environ)
    if args.src:
        env["PYTHONPATH"] = str(args.src.resolve())
    python = shlex.quote(sys.executable)
    start = shlex.quote("from watchline.cli import main; main()")
    command = f"{python} -c {start} extract {{file}} --published-on {{published_on}} --format json"
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", encoding="utf-8", delete=False) as out:
        for path in files:
            out.write(path.read_text(encoding="utf-8").rstrip("\n") + "\n")
    try:
        cmd = [sys.executable, str(args.scorer), "--gold", out.name, "--texts", str(args.texts)]
        cmd += ["--cmd", command] + (["-v"] if args.verbose else [])
        return subprocess.run(cmd, env=env, check=False).returncode
    finally:
        Path(out.name).unlink(missing_ok=True)


if __name__ == "__main__":
    sys.exit(main())
