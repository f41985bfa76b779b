"""Import the demo patrol log (31 March 2024, illustrative) into a database.

The files are written by observe/demo_log.py; this module stores them, tracks first so
that the findings can name their patrols.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from watchline.services.findings import ObservationImportReport, import_observations
from watchline.services.patrols import PatrolImportReport, import_patrols
from watchline.store import Database

DEMO_PATROLS = Path(__file__).resolve().parents[1] / "data" / "demo" / "patrols"


@dataclass
class DemoPatrolSummary:
    patrols: PatrolImportReport
    observations: ObservationImportReport

    def __str__(self) -> str:
        return (
            f"{len(self.patrols.added)} patrol(s) with {self.patrols.points} points and "
            f"{len(self.observations.added)} finding(s) imported "
            f"({len(self.patrols.duplicates)} patrol(s), {self.observations.duplicates} "
            "finding(s) already there)"
        )


def import_demo_patrols(db: Database, folder: Path = DEMO_PATROLS) -> DemoPatrolSummary:
    """Import the demo tracks, then their findings; safe to run again."""
    patrols = import_patrols(db, [folder / "tracks"], theatre="arm-aze")
    observations = import_observations(db, folder / "findings.csv", theatre="arm-aze")
    return DemoPatrolSummary(patrols, observations)
