"""`watchline review correct|merge|split|history`: the analysts' review from a terminal.

The same library calls as the web app's forms; the author is the local user
(`cli:NAME`), and the cases are re-linked and re-verified after each change unless
`--no-relink` is given (then at the next `watchline link` / `verify`).
"""

from __future__ import annotations

import typer

from watchline.cli.app import app
from watchline.cli.context import database, handles_errors

review_app = typer.Typer(help="Correct claims, merge and split cases, show a case's review.")
app.add_typer(review_app, name="review")

REASON = typer.Option(..., "--reason", "-r", help="Why (kept in the history and audit log).")
NO_RELINK = typer.Option(False, "--no-relink", help="Record only; re-link later.")


def _relink(skip: bool):
    from watchline.services.casework import configured_theatre
    from watchline.services.review import Relink

    return None if skip else Relink(configured_theatre())


def _value(field: str, value: str) -> object:
    """Places are separated by ';', dates given as START..END (or one day)."""
    if field.strip().lower() == "places":
        return [p for p in value.split(";") if p.strip()]
    if field.strip().lower() == "dates":
        start, _, end = value.partition("..")
        return {"start": start, "end": end or start}
    return value


@review_app.command("correct")
@handles_errors
def review_correct(
    claim_id: str = typer.Argument(..., help="The claim, e.g. DOCUMENT:c1."),
    field: str = typer.Argument(..., help="act, event_type, agent, places or dates."),
    value: str = typer.Argument(
        ...,
        help="act/event type: a value of the ontology; agent: actor id or 'none'; places: "
        "'Name' or 'Name @ lat, lon', separated by ';'; dates: YYYY-MM-DD..YYYY-MM-DD.",
    ),
    reason: str = REASON,
    no_relink: bool = NO_RELINK,
) -> None:
    """Correct one field of a claim; the engine's value is kept beside it."""
    from watchline.services import audit
    from watchline.services.review import correct_claim
    from watchline.services.review_values import shown

    with database() as db:
        done = correct_claim(db, claim_id, field, _value(field, value), reason,
                             audit.local_actor(), relink=_relink(no_relink))  # fmt: skip
    old, new, engine = (shown(done.field, v) for v in (done.old, done.new, done.engine))
    typer.echo(f"{done.claim_id} {done.field}: {old} -> {new} (engine: {engine})")


@review_app.command("merge")
@handles_errors
def review_merge(
    case_id: str = typer.Argument(..., help="The case that stays."),
    other: str = typer.Argument(..., help="The case that joins it."),
    reason: str = REASON,
    no_relink: bool = NO_RELINK,
) -> None:
    """Merge case OTHER into CASE_ID, for this and every later linking run."""
    from watchline.services import audit
    from watchline.services.review import merge_cases

    with database() as db:
        kept = merge_cases(db, case_id, other, reason, audit.local_actor(),
                           relink=_relink(no_relink))  # fmt: skip
    typer.echo(f"Merged {other} into {kept}.")


@review_app.command("split")
@handles_errors
def review_split(
    case_id: str = typer.Argument(..., help="The case the claim leaves."),
    claim_id: str = typer.Argument(..., help="The claim that gets a case of its own."),
    reason: str = REASON,
    no_relink: bool = NO_RELINK,
) -> None:
    """Split a claim off a case into a case of its own."""
    from watchline.services import audit
    from watchline.services.review import split_claim

    with database() as db:
        new_id = split_claim(db, case_id, claim_id, reason, audit.local_actor(),
                             relink=_relink(no_relink))  # fmt: skip
    typer.echo(f"Split {claim_id} off {case_id} into {new_id}.")


@review_app.command("history")
@handles_errors
def review_history(case_id: str = typer.Argument(..., help="The case.")) -> None:
    """A case's state, assignee and review history, oldest first."""
    from watchline.services.workflow import case_review

    with database() as db:
        review = case_review(db, case_id)
    typer.echo(f"{review.case_id}: {review.state}, assigned to {review.assignee or 'no one'}")
    for e in review.history:
        what = f"{e.field} of {e.claim_id}" if e.kind == "correction" else ""
        change = f" {e.old} -> {e.new}" if e.old is not None or e.new is not None else ""
        note = f"  ({e.text})" if e.text else ""
        typer.echo(f"{e.at:%Y-%m-%d %H:%M}  {e.author}  {e.kind} {what}{change}{note}".rstrip())
