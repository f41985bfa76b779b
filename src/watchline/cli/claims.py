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
) -> None:
    """Extract claims from every stored document not yet done by this extractor version."""
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
