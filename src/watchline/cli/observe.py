"""`watchline patrols …`, `observe`, `observations import` and `coverage`."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from watchline.cli.app import app
from watchline.cli.context import database, fail, handles_errors, settings

patrols_app = typer.Typer(help="Import and list the mission's patrols.", no_args_is_help=True)
observations_app = typer.Typer(help="Import files of patrol findings.", no_args_is_help=True)
app.add_typer(patrols_app, name="patrols")
app.add_typer(observations_app, name="observations")


@patrols_app.command("import")
@handles_errors
def patrols_import(
    files: list[Path] = typer.Argument(..., help="GPX, GeoJSON or CSV files, or folders."),
    team: str | None = typer.Option(None, help="Team name (default: from the file)."),
    base: str | None = typer.Option(None, help="Base the patrol drove from."),
    vehicle: str | None = typer.Option(None, help="Vehicle."),
    visibility_m: float | None = typer.Option(None, help="This patrol's visibility (m)."),
) -> None:
    """Import patrol tracks. Bad files are reported and skipped; repeats add nothing."""
    from watchline.services.patrols import import_patrols

    with database() as db:
        report = import_patrols(
            db,
            files,
            team=team,
            base=base,
            vehicle=vehicle,
            visibility_m=visibility_m,
            theatre=settings().theatre,
        )
    for line in report.warnings + report.duplicates + report.errors:
        typer.echo(line, err=True)
    typer.echo(report.summary())
    for patrol_id in report.added:
        typer.echo(f"  {patrol_id}")
    if report.errors:
        raise typer.Exit(1)


@patrols_app.command("list")
@handles_errors
def patrols_list(
    format: str = typer.Option("table", "--format", help="table or json"),
) -> None:
    """List the stored patrols by start time."""
    from watchline.services.observations_queries import list_patrols

    with database() as db:
        patrols = list_patrols(db)
    if format == "json":
        rows = [
            {
                "id": p.id,
                "team": p.team,
                "base": p.base,
                "vehicle": p.vehicle,
                "start": p.start.isoformat(),
                "end": p.end.isoformat(),
                "source_file": p.source_file,
                "sha256": p.raw_sha256,
            }
            for p in patrols
        ]
        typer.echo(json.dumps(rows, indent=2))
        return
    for p in patrols:
        typer.echo(
            f"{p.id}  {p.start:%Y-%m-%d %H:%M}–{p.end:%H:%M} UTC  {p.team}"
            f"  base={p.base or '-'}  file={p.source_file or '-'}"
        )
    typer.echo(f"{len(patrols)} patrol(s)")


@app.command()
@handles_errors
def observe(
    type: str = typer.Option(..., "--type", help="nothing_unusual, mobilize, fortify, …"),
    patrol: str | None = typer.Option(
        None, help="Patrol id, its track file name, or its team's name (with the day)."
    ),
    team: str | None = typer.Option(None, help="Team or call-sign of the patrol."),
    day: str | None = typer.Option(
        None, "--date", help="Day of the patrol, YYYY-MM-DD (default: the day of --time)."
    ),
    modality: str = typer.Option("seen", help="seen, heard, camera or reported."),
    lat: float | None = typer.Option(None, help="Latitude of what was observed."),
    lon: float | None = typer.Option(None, help="Longitude of what was observed."),
    area_wkt: str | None = typer.Option(None, help="Area observed, WKT polygon (lon lat)."),
    bearing: float | None = typer.Option(None, help="Bearing from the patrol, degrees."),
    distance_m: float | None = typer.Option(None, help="Distance from the patrol, metres."),
    time: str | None = typer.Option(None, help="When (ISO; theatre time zone if none)."),
    count: int | None = typer.Option(None, help="How many (vehicles, people …)."),
    equipment: str | None = typer.Option(None, help="Equipment seen."),
    notes: str = typer.Option("", help="Free notes."),
    photo: list[Path] = typer.Option([], help="Photo file (repeatable); EXIF is read."),
) -> None:
    """Record one finding of a patrol."""
    from watchline.observe.findings import ObservationEntry
    from watchline.services.findings import record_observation

    entry = ObservationEntry(
        type=type,
        time=time,
        modality=modality,
        patrol=patrol,
        team=team,
        date=day,
        lat=lat,
        lon=lon,
        area_wkt=area_wkt,
        bearing_deg=bearing,
        distance_m=distance_m,
        count=count,
        equipment=equipment,
        notes=notes,
        photos=list(photo),
    )
    with database() as db:
        oid, created = record_observation(db, entry, theatre=settings().theatre)
    typer.echo(f"{'Recorded' if created else 'Already recorded'}: {oid}")


@observations_app.command("import")
@handles_errors
def observations_import(
    file: Path = typer.Argument(..., help="CSV or GeoJSON file of findings."),
) -> None:
    """Import findings; bad rows are reported with their number, the rest imported."""
    from watchline.services.findings import import_observations

    with database() as db:
        report = import_observations(db, file, theatre=settings().theatre)
    for line in report.errors:
        typer.echo(line, err=True)
    typer.echo(report.summary())
    if report.errors:
        raise typer.Exit(1)


@app.command()
@handles_errors
def coverage(
    start: str = typer.Option(..., help="Start: YYYY-MM-DD or ISO date-time."),
    end: str = typer.Option(..., help="End: YYYY-MM-DD (whole day) or ISO date-time."),
    area: str | None = typer.Option(None, help="Area as WKT (lon lat): point, line, polygon."),
    sector: str | None = typer.Option(None, help="A named sector of the theatre."),
    visibility_m: float | None = typer.Option(None, help="Visibility (m); theatre default."),
    format: str = typer.Option("table", "--format", help="table or json"),
) -> None:
    """How much of an area the patrols covered in a time window, and what they saw."""
    from watchline.geo.theatre import load_theatre
    from watchline.observe.queries import parse_moment
    from watchline.services.observations_queries import area_coverage

    if (area is None) == (sector is None):
        raise fail("give exactly one of --area WKT or --sector NAME")
    theatre = load_theatre(settings().theatre)
    begin = parse_moment(start, "--start", theatre.timezone)
    finish = parse_moment(end, "--end", theatre.timezone, end=True)
    with database() as db:
        cov = area_coverage(
            db,
            start=begin,
            end=finish,
            area_wkt=area,
            sector=sector,
            visibility_m=visibility_m or settings().visibility_m,
            theatre=theatre,
        )
    if format == "json":
        typer.echo(
            json.dumps(
                {**cov.__dict__, "start": begin.isoformat(), "end": finish.isoformat()}, indent=2
            )
        )
        return
    typer.echo(
        f"Area covered: {cov.area_fraction:.0%}; window covered: {cov.window_fraction:.0%}; "
        f"patrol-hours near the area: {cov.hours:.1f}"
    )
    for pid in cov.patrol_ids:
        typer.echo(f"  patrol {pid}: {cov.per_patrol[pid]:.0%} of the area")
    typer.echo(f"Observations inside: {len(cov.observation_ids)}")
    for oid in cov.observation_ids:
        typer.echo(f"  {oid}")
