"""`watchline users …`: the team's accounts (see docs/team.md)."""

from __future__ import annotations

import getpass
import sys

import typer

from watchline.cli.app import app
from watchline.cli.context import database, fail, handles_errors

users_app = typer.Typer(help="Accounts of the team app: add, list, disable, tokens.")
app.add_typer(users_app, name="users")


def _password(from_stdin: bool) -> str | None:
    if from_stdin:
        line = sys.stdin.readline().rstrip("\r\n")
        if not line:
            raise fail("--password-stdin: no password on standard input")
        return line
    if not sys.stdin.isatty():
        return None
    first = getpass.getpass("Password (empty: API tokens only): ")
    if first and getpass.getpass("Again: ") != first:
        raise fail("the two passwords differ; nothing was changed")
    return first or None


@users_app.command("add")
@handles_errors
def users_add(
    name: str = typer.Argument(..., help="Login name."),
    role: str = typer.Option(..., help="monitor, analyst, publisher or admin."),
    password_stdin: bool = typer.Option(
        False, "--password-stdin", help="Read the password from the first line of stdin."
    ),
) -> None:
    """Add a user. Without a password (and no terminal) the account uses API tokens only."""
    from watchline.services.accounts import add_user

    password = _password(password_stdin)
    with database() as db:
        user = add_user(db, name, role, password)
    login = "password login" if password else "API tokens only"
    typer.echo(f"Added {user.name} ({user.role}, {login}).")


@users_app.command("list")
@handles_errors
def users_list() -> None:
    """Every account, its role and whether it is disabled."""
    from watchline.services.accounts import list_users

    with database() as db:
        users = list_users(db)
    if not users:
        typer.echo("No users yet: add one with 'watchline users add NAME --role admin'.")
    for user in users:
        state = "disabled" if user.disabled else "active"
        typer.echo(f"{user.name}\t{user.role}\t{state}")


@users_app.command("disable")
@handles_errors
def users_disable(name: str = typer.Argument(..., help="Login name.")) -> None:
    """Disable an account: its sessions and tokens stop working at once."""
    from watchline.services.accounts import disable_user

    with database() as db:
        user = disable_user(db, name)
    typer.echo(f"Disabled {user.name}; their sessions and API tokens no longer work.")


@users_app.command("token")
@handles_errors
def users_token(name: str = typer.Argument(..., help="Login name.")) -> None:
    """Print a new API token for the user (last line); keep it secret, it is shown once."""
    from watchline.accounts.secrets import token_digest
    from watchline.services.accounts import issue_token

    with database() as db:
        token = issue_token(db, name)
    typer.echo(
        f"New API token {token_digest(token)[:12]} for {name} "
        "(send as 'Authorization: Bearer TOKEN'; revoke with 'watchline users revoke'):"
    )
    typer.echo(token)


@users_app.command("tokens")
@handles_errors
def users_tokens(name: str = typer.Argument(..., help="Login name.")) -> None:
    """List a user's API tokens by id (the tokens themselves are never stored)."""
    from watchline.services.accounts import list_tokens

    with database() as db:
        tokens = list_tokens(db, name)
    for t in tokens:
        state = f"revoked {t.revoked_at:%Y-%m-%d %H:%M UTC}" if t.revoked_at else "active"
        typer.echo(f"{t.id}\tmade {t.created_at:%Y-%m-%d %H:%M UTC}\t{state}")
    typer.echo(f"{len(tokens)} tokens.")


@users_app.command("revoke")
@handles_errors
def users_revoke(
    name: str = typer.Argument(..., help="Login name."),
    token_id: str = typer.Argument(..., help="Token id from 'watchline users tokens'."),
) -> None:
    """Revoke one API token at once; the user's other tokens and sessions keep working."""
    from watchline.services.accounts import revoke_token

    with database() as db:
        info = revoke_token(db, name, token_id)
    typer.echo(f"Revoked token {info.id} of {name}; it no longer works.")
