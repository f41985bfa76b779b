"""`watchline link`, `verify`, `cases` and `verdict set|history`: casework on the command line."""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING

import typer

from watchline.cli.app import app
from watchline.cli.context import database, finite_positive, handles_errors, settings
from watchline.domain import Verdict

if TYPE_CHECKING:
    from watchline.services.views import CaseView, ClaimView
from watchline.errors import Errors, InputError

verdict_app = typer.Typer(help="Set a case's verdict by hand, or show its history.")
app.add_typer(verdict_app, name="verdict")

FORMATS = ("table", "json")


@app.command()
@handles_errors
def link(
    full: bool = typer.Option(
        False, "--full", help="Link every theatre again, even those whose claims are unchanged."
    ),
    progress: bool = typer.Option(
        False, "--progress", help="Show a progress bar (shown anyway on a terminal)."
    ),
) -> None:
    """Group stored claims into cases, with denials, confirmations and copies.

    Only theatres whose claims changed since the last run are linked again, and only the
    cases that changed are written."""
    from watchline.geo.theatre import load_theatre
    from watchline.services.casework import link_all

    with database() as db:
        theatre = load_theatre(settings().theatre)
        shown = progress or sys.stderr.isatty()
        typer.echo(link_all(db, theatre, full=full, progress=shown).summary())


@app.command()
@handles_errors
def verify(
    visibility_m: float | None = typer.Option(
        None,
        "--visibility-m",
        help="Patrol visibility radius; the theatre's default if unset.",
        callback=finite_positive,
    ),
    full: bool = typer.Option(
        False, "--full", help="Measure every case again, even those whose inputs are unchanged."
    ),
    progress: bool = typer.Option(
        False, "--progress", help="Show a progress bar (shown anyway on a terminal)."
    ),
) -> None:
    """Give every case the engine's verdict from the patrols that covered it.

    A case whose claims, patrols and findings nearby are unchanged since its last verdict
    keeps it without being measured again."""
    from watchline.geo.theatre import load_theatre
    from watchline.services.casework import verify_all

    config = settings()
    with database() as db:
        verdicts = verify_all(
            db,
            load_theatre(config.theatre),
            visibility_m or config.visibility_m,
            full=full,
            progress=progress or sys.stderr.isatty(),
        )
    counts: dict[str, int] = {}
    for verdict in verdicts:
        counts[verdict.status.value] = counts.get(verdict.status.value, 0) + 1
    summary = ", ".join(f"{n} {status}" for status, n in sorted(counts.items()))
    typer.echo(f"{len(verdicts)} cases verified: {summary or 'none'}")


@app.command()
@handles_errors
def cases(
    format: str = typer.Option("table", "--format", "-f", help="table or json."),
    status: str | None = typer.Option(None, "--status", help="Only cases with this verdict."),
) -> None:
    """List cases with their claims for and against, coverage and current verdict."""
    from watchline.services.views import case_json, case_views

    if format not in FORMATS:
        raise InputError(Errors.E005, value=format, options=", ".join(FORMATS))
    with database() as db:
        views = case_views(db, status)
    if format == "json":
        typer.echo(json.dumps([case_json(v) for v in views], ensure_ascii=False, indent=2))
    else:
        typer.echo(render_cases(views))


@verdict_app.command("set")
@handles_errors
def verdict_set(
    case_id: str = typer.Argument(..., help="The case, as listed by 'watchline cases'."),
    status: str = typer.Argument(..., help="corroborated, contradicted, not_covered, …"),
    reason: str = typer.Option(..., "--reason", help="Why: the evidence behind the verdict."),
    author: str = typer.Option("analyst", "--author", help="Who sets it."),
) -> None:
    """Override the engine's verdict; the history keeps both."""
    from watchline.services.casework import set_verdict

    with database() as db:
        verdict = set_verdict(db, case_id, status, reason, author)
    typer.echo(_line(verdict))


@verdict_app.command("history")
@handles_errors
def verdict_history(case_id: str = typer.Argument(..., help="The case id.")) -> None:
    """Every verdict of a case, engine and analyst side by side, oldest first."""
    from watchline.services.casework import current_verdict
    from watchline.services.casework import verdict_history as history_of

    with database() as db:
        history = history_of(db, case_id)
    current = current_verdict(history)
    for verdict in history:
        mark = "*" if verdict is current else " "
        typer.echo(f"{mark} {_line(verdict)}")
    if not history:
        typer.echo("No verdicts yet; run 'watchline verify'.")


def _line(verdict: Verdict) -> str:
    when = verdict.created_at.strftime("%Y-%m-%d %H:%M UTC") if verdict.created_at else "-"
    return (
        f"{when}  {verdict.author:<12} {verdict.status.value:<13} "
        f"{verdict.confidence:.2f}  {verdict.rationale}"
    )


def _claim_line(claim: ClaimView) -> str:
    who = f"{claim.speaker} [{claim.affiliation or '?'}]"
    when = claim.stated_on.isoformat() if claim.stated_on else "undated"
    text = claim.content.strip().replace("\n", " ")
    text = text if len(text) <= 140 else text[:137] + "…"
    line = f"    - {who} {claim.act}, {when}: “{text}”"
    if claim.response_kind:
        line += f" ({claim.response_kind} {claim.responds_to})"
    if claim.copy_of:
        line += f" (copy of {claim.copy_of})"
    if claim.source:
        line += f" — {claim.source}"
    return line


def render_cases(views: list[CaseView]) -> str:
    """Cases as text: title, current verdict with rationale, coverage, claims by role."""
    if not views:
        return "No cases. Run 'watchline link' and 'watchline verify' after extracting claims."
    blocks = []
    for view in views:
        lines = [f"{view.case.id}  {view.case.title}"]
        verdict = view.verdict
        if verdict is None:
            lines.append("  verdict: pending (run 'watchline verify')")
        else:
            lines.append(
                f"  verdict: {verdict.status.value.upper()} "
                f"({verdict.confidence:.2f}, {verdict.author}) — {verdict.rationale}"
            )
        if view.engine_verdict and view.engine_verdict is not verdict:
            lines.append(f"  engine says: {view.engine_verdict.status.value}")
        coverage = view.coverage
        if coverage is not None:
            lines.append(
                f"  coverage: {coverage.area_fraction:.0%} of the area, "
                f"{coverage.window_fraction:.0%} of the window, {coverage.hours:.1f} patrol-hours, "
                f"{len(coverage.patrol_ids)} patrols, {len(coverage.observation_ids)} observations"
            )
        for label, claims in (
            ("for", view.claims_for),
            ("against", view.claims_against),
            ("context", view.context),
            ("copies", view.copies),
        ):
            if claims:
                lines.append(f"  {label}:")
                lines.extend(_claim_line(claim) for claim in claims)
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)
