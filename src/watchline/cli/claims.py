"""`watchline claims`: extract claims from stored documents, and list them."""

from __future__ import annotations

import json

import typer

from watchline.cli.app import app
from watchline.cli.context import database, handles_errors, settings

claims_app = typer.Typer(help="Claims extracted from stored documents.", no_args_is_help=True)
app.add_typer(claims_app, name="claims")


@claims_app.command("extract")
@handles_errors
def extract_stored(
    redo: bool = typer.Option(False, help="Extract again even if this version already did."),
    workers: int | None = typer.Option(
        None,
        "--workers",
        help="Extract on a Dask cluster of N worker processes on this machine (1 thread each).",
    ),
    scheduler: str | None = typer.Option(
        None,
        "--scheduler",
        help="Extract on a running Dask cluster: its scheduler's tcp://HOST:PORT "
        "(see README, 'Running on a cluster').",
    ),
    batch_size: int = typer.Option(
        200, "--batch-size", help="Documents per batch (one transaction each) on a cluster."
    ),
) -> None:
    """Extract claims from every stored document not yet done by this extractor version."""
    if workers is not None or scheduler is not None:
        _extract_on_cluster(redo, workers, scheduler, batch_size)
        return
    from watchline.extract import Extractor
    from watchline.geo.theatre import load_theatre
    from watchline.services.extraction import extract_documents

    config = settings()
    with database() as db:
        extractor = Extractor.load(
            model=config.spacy_model,
            actors_file=config.actors_file,
            theatre=load_theatre(config.theatre),
        )
        summary = extract_documents(db, extractor, redo=redo)
    typer.echo(summary.summary())
    for document_id, reason in summary.failed:
        typer.echo(f"  failed: {document_id}: {reason}", err=True)


def _extract_on_cluster(
    redo: bool, workers: int | None, scheduler: str | None, batch_size: int
) -> None:
    """`claims extract --workers/--scheduler`: batches on Dask, progress per batch."""
    from watchline.errors import Errors, WatchlineError
    from watchline.services.cluster import extract_on_cluster
    from watchline.services.cluster_connect import connect
    from watchline.services.cluster_worker import ExtractorSpec

    for option, value in (("--workers", workers), ("--batch-size", batch_size)):
        if value is not None and value < 1:
            raise WatchlineError(Errors.E921, option=option, value=value)
    config = settings()
    spec = ExtractorSpec.of(config.spacy_model, config.theatre, config.actors_file)
    with database() as db, connect(workers=workers, scheduler=scheduler) as client:
        summary = extract_on_cluster(
            db,
            spec,
            client,
            batch_size=batch_size,
            redo=redo,
            on_batch=lambda progress: typer.echo(progress.line(), err=True),
        )
    typer.echo(summary.summary())
    for document_id, reason in summary.failed:
        typer.echo(f"  failed: {document_id}: {reason}", err=True)
    for message in summary.failed_batches:
        typer.echo(f"  {message}", err=True)
    if summary.failed_batches:
        raise typer.Exit(1)


@claims_app.command("list")
@handles_errors
def list_claims(
    fmt: str = typer.Option("table", "--format", help="table or json"),
) -> None:
    """List stored claims: speaker, act, event, stated day and content."""
    from watchline.store.claims import ClaimRepository

    with database() as db, db.transaction() as session:
        claims = ClaimRepository(session).list()
    if fmt == "json":
        rows = [
            {
                "id": c.id,
                "document_id": c.document_id,
                "speaker": c.speaker.text,
                "affiliation": c.speaker.affiliation,
                "act": c.act.value,
                "event_type": c.event.type.value,
                "negated": c.event.negated,
                "stated_on": c.stated_on.isoformat() if c.stated_on else None,
                "content": c.content.text,
            }
            for c in claims
        ]
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    for c in claims:
        when = c.stated_on.isoformat() if c.stated_on else "undated"
        typer.echo(
            f"{c.id}  {c.speaker.text} [{c.speaker.affiliation or '?'}] {c.act.value} "
            f"{c.event.type.value}{' (negated)' if c.event.negated else ''} {when}: "
            f"{c.content.text[:100]}"
        )
