"""`watchline publish`: statements in the mission's voice, drafted from verdicts.

`draft` writes the engine's wording (or yours, from a file), `edit` changes a draft,
`release` publishes it for good (and can write the text to a file to sign), `list` and
`show` read them back. Every step is an audit entry under this machine's user.
"""

from __future__ import annotations

from pathlib import Path

import typer

from watchline.cli.app import app
from watchline.cli.context import database, handles_errors
from watchline.errors import Errors, InputError

publish_app = typer.Typer(help="Statements the mission publishes: draft, edit, release, list.")
app.add_typer(publish_app, name="publish")


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc)[:120]
        raise InputError(Errors.E001, path=path, reason=reason) from None


def _show(statement: object) -> None:
    s = statement
    state = (
        f"published {s.published_at:%Y-%m-%d %H:%M UTC} by {s.published_by}, sha256 {s.sha256}"
        if s.published
        else f"draft by {s.drafted_by}, last changed {s.updated_at:%Y-%m-%d %H:%M UTC}"
    )
    typer.echo(f"{s.id} · {s.title} · {state}")
    typer.echo("")
    typer.echo(s.text)


@publish_app.command("draft")
@handles_errors
def publish_draft(
    case_id: str = typer.Argument(..., help="The case the statement is about."),
    text_file: Path = typer.Option(
        None, "--text-file", help="UTF-8 file with the wording (default: drafted from the verdict)."
    ),
) -> None:
    """Draft a statement on a case from its verdict (or from --text-file)."""
    from watchline.services import audit
    from watchline.services.statements import draft

    text = _read(text_file) if text_file else None
    with database() as db:
        statement = draft(db, case_id, audit.local_actor(), text)
    _show(statement)
    typer.echo("")
    typer.echo(f"Publish it with: watchline publish release {statement.id}")


@publish_app.command("edit")
@handles_errors
def publish_edit(
    publication_id: str = typer.Argument(..., help="The draft's id (st-…)."),
    text_file: Path = typer.Option(..., "--text-file", help="UTF-8 file with the new wording."),
    why: str = typer.Option(None, "--why", help="Why it changed (kept in the audit log)."),
) -> None:
    """Replace a draft's wording; a published statement is never changed."""
    from watchline.services import audit
    from watchline.services.statements import edit

    with database() as db:
        statement = edit(db, publication_id, _read(text_file), audit.local_actor(), why)
    _show(statement)


@publish_app.command("release")
@handles_errors
def publish_release(
    publication_id: str = typer.Argument(..., help="The draft's id (st-…)."),
    output: Path = typer.Option(
        None, "--output", "-o", help="Also write the published text to this file."
    ),
    sign: Path = typer.Option(
        None, "--sign", help="Sign that file with this private key (writes FILE.sig.json)."
    ),
) -> None:
    """Publish a draft: it appears on the public pages and is never changed again."""
    from watchline.publish.report import check_output, write_bytes
    from watchline.publish.signing import bundle_path_for
    from watchline.services import audit
    from watchline.services.statements import publish

    if sign is not None and output is None:
        raise InputError(Errors.E825)
    if output is not None:
        check_output(output)
    key = None
    if sign is not None:
        from watchline.publish.keys import load_private_key

        key = load_private_key(sign)  # a bad key is refused before anything is published
    with database() as db:
        statement = publish(db, publication_id, audit.local_actor(), key)
    _show(statement)
    if output is not None:
        write_bytes(output, statement.file_bytes())
        typer.echo(f"Wrote {output}")
    if statement.signature is not None and output is not None:
        bundle = bundle_path_for(output)
        bundle.write_text(statement.signature, encoding="utf-8")
        typer.echo(f"Signed it: {bundle} (check with 'watchline verify-publication')")


@publish_app.command("list")
@handles_errors
def publish_list(
    published: bool = typer.Option(False, "--published", help="Only published statements."),
    case_id: str = typer.Option(None, "--case", help="Only statements on this case."),
) -> None:
    """Statements, newest first: id, state, case and title."""
    from watchline.services.statements import listing

    with database() as db:
        rows = listing(db, published_only=published, case_id=case_id)
    for s in rows:
        typer.echo(f"{s.id}  {s.status:<9}  {s.case_id or '-':<20}  {s.title}")
    typer.echo(f"{len(rows)} statements.")


@publish_app.command("show")
@handles_errors
def publish_show(publication_id: str = typer.Argument(..., help="The statement's id.")) -> None:
    """One statement with its state and text."""
    from watchline.services.statements import get

    with database() as db:
        _show(get(db, publication_id))
