"""Every command is documented: it has help text, and docs/cli.md is current."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import click

from eventsift.cli import cli

ROOT = Path(__file__).resolve().parents[2]


def test_docs_every_command_has_help():
    ctx = click.Context(cli, info_name="eventsift")
    names = cli.list_commands(ctx)
    assert {"run", "show", "export", "serve", "timeline"} <= set(names)
    for name in names:
        cmd = cli.get_command(ctx, name)
        assert (cmd.help or "").strip(), f"eventsift {name} has no help text"
        undocumented = [p.opts[0] for p in cmd.params
                        if isinstance(p, click.Option) and not p.hidden and not (p.help or "").strip()]
        assert not undocumented, f"eventsift {name}: options without help: {undocumented}"


def test_docs_cli_reference_is_current():
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "cli_docs.py"), "--check"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_docs_readme_names_every_command():
    readme = (ROOT / "README.md").read_text("utf-8")
    ctx = click.Context(cli, info_name="eventsift")
    for name in cli.list_commands(ctx):
        assert f"eventsift {name}" in readme, f"README does not mention eventsift {name}"
