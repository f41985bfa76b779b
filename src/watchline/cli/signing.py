"""`watchline keys generate`, `sign` and `verify-publication`: the mission's signatures.

None of these opens the database: they run on an offline signing machine that holds
only the private key and the files to publish, and on a reader's laptop that holds
only the public key and a copy.
"""

from __future__ import annotations

from pathlib import Path

import typer

from watchline.cli.app import app
from watchline.cli.context import handles_errors

keys_app = typer.Typer(help="The mission's Ed25519 signing keys.")
app.add_typer(keys_app, name="keys")


@keys_app.command("generate")
@handles_errors
def keys_generate(
    out: Path = typer.Option(Path("."), "--out", help="Folder for NAME.key and NAME.pub."),
    name: str = typer.Option("mission", "--name", help="File name of the pair, without suffix."),
) -> None:
    """Make a key pair: NAME.key (private, mode 0600) and NAME.pub. Never overwrites."""
    from watchline.publish.keys import generate_key_pair

    pair = generate_key_pair(out, name)
    typer.echo(f"Key id: {pair.key_id}")
    typer.echo(f"Private key: {pair.private_path} (keep it offline; it signs for the mission)")
    typer.echo(f"Public key: {pair.public_path} (give it to readers and servers)")


@app.command("sign")
@handles_errors
def sign(
    file: Path = typer.Argument(..., help="The file to sign (report, export, PDF, ...)."),
    key: Path = typer.Option(..., "--key", help="The private key (NAME.key)."),
    bundle: Path | None = typer.Option(
        None, "--bundle", help="Where to write it (default FILE.sig.json)."
    ),
) -> None:
    """Sign a file: write FILE.sig.json with its sha256, size, time, key id and signature."""
    echo_signed(file, key, bundle)


def echo_signed(file: Path, key: Path, bundle: Path | None = None) -> Path:
    """Sign `file` and say where the bundle went and how to check it."""
    from watchline.publish.signing import read_bundle, sign_file

    written = sign_file(file, key, bundle=bundle)
    facts = read_bundle(written)
    typer.echo(f"Signed {file} with key {facts.key_id}: {written}")
    typer.echo(f"  sha256 {facts.sha256}, {facts.size:,} bytes, at {facts.signed_at}")
    return written


@app.command("verify-publication")
@handles_errors
def verify_publication(
    file: Path = typer.Argument(..., help="The copy to check."),
    key: Path = typer.Option(..., "--key", help="The mission's public key (NAME.pub)."),
    bundle: Path | None = typer.Option(
        None, "--bundle", help="Its bundle (default FILE.sig.json)."
    ),
) -> None:
    """Check offline that a copy is exactly what the mission signed; exit 1 if it is not."""
    from watchline.publish.signing import bundle_path_for, verify_file

    facts = verify_file(file, bundle or bundle_path_for(file), key)
    typer.echo(f"OK: {file} is exactly what key {facts.key_id} signed.")
    typer.echo(f"  sha256 {facts.sha256}, {facts.size:,} bytes, signed at {facts.signed_at}")
    if facts.file != file.name:
        typer.echo(f"  (signed under the name {facts.file!r})")
