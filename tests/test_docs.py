"""The documentation keeps up with the code: every setting and command is documented."""

from __future__ import annotations

from pathlib import Path

import pytest

from watchline.cli.reference import command_paths, render
from watchline.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_docs_readme_starts_with_the_two_commands() -> None:
    head = README[:400]
    assert "make demo" in head and "make test" in head


@pytest.mark.parametrize("name", sorted(Settings.model_fields))
def test_docs_every_setting_in_readme(name: str) -> None:
    assert f"WATCHLINE_{name.upper()}" in README, f"document WATCHLINE_{name.upper()}"


@pytest.mark.parametrize("command", command_paths())
def test_docs_every_command_has_help(command: str) -> None:
    reference = render()
    section = reference.split(f"## `{command}`\n\n", 1)[1].split("\n## ", 1)[0]
    assert section.strip(), f"{command} has no help text"


def test_docs_cli_reference_is_current() -> None:
    current = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    assert current == render(), "regenerate: python -m watchline.cli.reference > docs/cli.md"
