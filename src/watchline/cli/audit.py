"""`watchline audit verify|list`: check the hash chain of the audit log, show its entries."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, time

import typer

from watchline.cli.app import app
from watchline.cli.context import database, handles_errors, parse_moment
from watchline.errors import Errors, InputError

audit_app = typer.Typer(help="The audit log: who changed what, when and why.")
app.add_typer(audit_app, name="audit")

FORMATS = ("table", "json")


@audit_app.command("verify")
@handles_errors
def audit_verify() -> None:
    """Recompute the hash chain; name the first broken entry and exit 1 if there is one."""
    from watchline.services.audit import verify_chain

    with database() as db:
        check = verify_chain(db)
    typer.echo(f"Audit log intact: {check.entries} entries, head {check.head}.")


@audit_app.command("list")
@handles_errors
def audit_list(
    since: str | None = typer.Option(
        None, "--since", help="Only entries from this ISO date or date-time on (UTC if no offset)."
    ),
    action: str | None = typer.Option(
        None, "--action", help="Only this action, or a family of them ('user' for user.*)."
    ),
    format: str = typer.Option("table", "--format", "-f", help="table or json."),
) -> None:
    """Print audit entries, oldest first: seq, time, actor, action, subject, details, why."""
    from watchline.services.audit import entries

    if format not in FORMATS:
        raise InputError(Errors.E005, value=format, options=", ".join(FORMATS))
    moment = parse_moment(since, "--since")
    if isinstance(moment, date) and not isinstance(moment, datetime):
        moment = datetime.combine(moment, time(), UTC)
    with database() as db:
        found = entries(db, since=moment, action=action)
    if format == "json":
        rows = [{**vars(e), "at": e.at.isoformat()} for e in found]
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    if not found:
        typer.echo("No audit entries match.")
    for entry in found:
        subject = (
            f"{entry.subject_type}:{entry.subject_id}" if entry.subject_id else entry.subject_type
        )
        details = json.dumps(entry.details, ensure_ascii=False, sort_keys=True)
        why = f"  why: {entry.why}" if entry.why else ""
        when = entry.at.strftime("%Y-%m-%d %H:%M:%S")
        typer.echo(
            f"{entry.seq:>6}  {when}  {entry.actor}  {entry.action}  {subject}  {details}{why}"
        )
