"""`watchline export`: the cases, claims and map layers in the formats the field reads."""

from __future__ import annotations

from pathlib import Path

import typer

from watchline.cli.app import app
from watchline.cli.context import database, handles_errors, parse_day, settings

FORMAT_HELP = "claimreview, acled, geojson, gpkg or plover (docs/exports.md)."


@app.command()
@handles_errors
def export(
    format: str = typer.Option(..., "--format", "-f", help=FORMAT_HELP),
    output: Path = typer.Option(..., "--output", "-o", help="The file to write."),
    force: bool = typer.Option(False, "--force", help="Replace the file if it exists."),
    status: str | None = typer.Option(None, "--status", help="Only cases with this verdict."),
    start: str | None = typer.Option(
        None, "--from", help="Only cases (and patrols) from this day on (YYYY-MM-DD)."
    ),
    end: str | None = typer.Option(None, "--to", help="Only cases up to this day (YYYY-MM-DD)."),
    party: str | None = typer.Option(
        None, "--party", help="Only cases where this affiliation (AZE) or actor id speaks or acts."
    ),
    theatre: str | None = typer.Option(None, "--theatre", help="Only cases of this theatre id."),
    case: str | None = typer.Option(None, "--case", help="Only this case."),
    mission: str | None = typer.Option(
        None, "--mission", help="Publisher named in ClaimReview; default: the theatre's mission."
    ),
    case_url: str | None = typer.Option(
        None, "--case-url", help="Public address of a case, with {case_id}, for ClaimReview url."
    ),
    all_verdicts: bool = typer.Option(
        False,
        "--all-verdicts",
        help="ClaimReview: every finding, not only verdicts published in a statement "
        "(internal review; do not publish).",
    ),
) -> None:
    """Export the selected cases: ClaimReview JSON-LD, ACLED-style CSV, GeoJSON,
    GeoPackage or PLOVER-style JSON; written whole to a temporary file, then renamed."""
    from watchline.geo.theatre import load_theatre
    from watchline.publish.exports import writer
    from watchline.services.exports import ExportFilter
    from watchline.services.exports import export as write_export

    writer(format)  # E830 before opening the database
    selection = ExportFilter(
        status=status,
        start=parse_day(start, "--from"),
        end=parse_day(end, "--to"),
        party=party,
        theatre_id=theatre,
        case_id=case,
    )
    config = settings()
    with database() as db:
        summary = write_export(
            db,
            format,
            output,
            selection,
            theatre=load_theatre(config.theatre),
            mission=mission,
            force=force,
            case_url=case_url,
            all_verdicts=all_verdicts,
        )
    typer.echo(summary.summary())
