"""The README documents every command, option and exit code the CLI has, and begins with set-up."""

from __future__ import annotations

import re

import typer.main
from conftest import REPO
from typer.testing import CliRunner

from scholarkg.cli import EXIT_HELP, app

README = (REPO / "README.md").read_text(encoding="utf-8")
GROUP = typer.main.get_command(app)
COMMANDS = GROUP.commands  # type: ignore[attr-defined]


def test_readme_starts_with_the_two_setup_commands() -> None:
    head = README[:600]
    assert "make demo" in head
    assert "make test" in head


def test_every_command_has_help_and_is_in_the_readme() -> None:
    assert sorted(COMMANDS) == [
        "build",
        "check",
        "coauthors",
        "explain",
        "export",
        "push",
        "query",
        "serve",
        "site",
    ]
    for name, cmd in COMMANDS.items():
        assert cmd.help and len(cmd.help) > 20, name
        result = CliRunner().invoke(app, [name, "--help"])
        assert result.exit_code == 0
        assert cmd.help.split(";")[0] in " ".join(result.stdout.replace("│", " ").split())
        assert f"scholarkg {name}" in README, name


def test_every_option_has_help_and_is_in_the_readme() -> None:
    for name, cmd in [("scholarkg", GROUP), *COMMANDS.items()]:
        for param in cmd.params:
            if param.param_type_name != "option" or param.name == "help":
                continue
            assert getattr(param, "help", None), (name, param.name)
            spellings = [*param.opts, *getattr(param, "secondary_opts", [])]
            documented = [o for o in spellings if re.search(rf"`[^`]*{re.escape(o)}\b", README)]
            assert documented, (name, spellings)


def test_exit_codes_are_documented() -> None:
    for code in ("0", "1", "2", "3"):
        assert f"| {code} |" in README
        assert f"; {code} " in EXIT_HELP or EXIT_HELP.startswith(f"Exit codes: {code} ")
