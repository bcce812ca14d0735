"""The docs stay true: generated parts match the code, every command and setting is documented."""

import re
from pathlib import Path

from typing import Any
import typer.main

from graph.model import render_mermaid
from graph.settings import SETTINGS_HELP
from tipgraph.cli import app

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _commands(group: Any, prefix: str = "tipgraph") -> list[str]:
    names = []
    for name, command in group.commands.items():
        if hasattr(command, "commands"):
            names.extend(_commands(command, f"{prefix} {name}"))
        else:
            names.append(f"{prefix} {name}")
    return names


def test_docs_data_model_diagram_is_generated_from_the_model():
    text = (ROOT / "docs" / "data-model.md").read_text(encoding="utf-8")
    block = re.search(r"```mermaid\n(.*?)```", text, re.S)
    assert block and block.group(1) == render_mermaid(), "regenerate the diagram in docs/data-model.md from graph.model.render_mermaid()"


def test_docs_readme_lists_every_cli_command():
    commands = _commands(typer.main.get_command(app))
    assert len(commands) >= 5
    for command in commands:
        assert f"`{command}" in README, f"README's CLI reference lacks {command}"


def test_docs_readme_lists_every_setting():
    for env_name, _help in SETTINGS_HELP.values():
        assert f"`{env_name}`" in README, f"README's configuration table lacks {env_name}"


def test_docs_readme_quick_start_is_the_two_commands():
    quick = README.split("## Quick start", 1)[1].split("##", 1)[0]
    assert re.findall(r"^make \w+", quick, re.M) == ["make run", "make test"]
