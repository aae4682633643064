"""The README documents every command and exit code the CLI has, and begins with set-up."""

from __future__ import annotations

from conftest import REPO
from typer.testing import CliRunner

from scholarkg.cli import app

README = (REPO / "README.md").read_text(encoding="utf-8")


def _commands() -> list[str]:
    import typer.main

    group = typer.main.get_command(app)
    return sorted(group.commands)  # type: ignore[attr-defined]


def test_readme_starts_with_the_two_setup_commands() -> None:
    head = README[:600]
    assert "make demo" in head
    assert "make test" in head


def test_every_command_has_help_and_is_in_the_readme() -> None:
    commands = _commands()
    assert commands == ["build", "check", "coauthors", "export", "query"]
    for name in commands:
        result = CliRunner().invoke(app, [name, "--help"])
        assert result.exit_code == 0
        assert len(result.stdout.strip().splitlines()) > 3, name
        assert f"scholarkg {name}" in README, name


def test_exit_codes_are_documented() -> None:
    for code in ("0", "1", "2", "3"):
        assert f"| {code} |" in README
