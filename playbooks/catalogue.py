"""Every Cypher statement the playbook files hold, by a readable name (for the Cypher lint test
and for docs): ``indicators/<id>.yaml`` and ``investigations/<name>.yaml``, with the parameter
names each statement may use."""

from __future__ import annotations

from playbooks.indicators import load_indicators
from playbooks.investigations import load_playbooks

__all__ = ["playbook_statements", "statement_parameters", "render_catalogue"]

MARK = "<!-- generated from the files by `python -m playbooks.catalogue`; do not edit below -->"
#: the parameters every indicator statement is given
INDICATOR_PARAMETERS = ("start", "end", "as_of")


def playbook_statements() -> dict[str, str]:
    """``{"indicators/cases_referred.yaml": "MATCH ...", ...}`` for every indicator and playbook file."""
    out = {f"indicators/{d.id}.yaml": d.cypher for d in load_indicators()}
    out.update({f"investigations/{p.name}.yaml": p.cypher for p in load_playbooks()})
    return out


def statement_parameters() -> dict[str, tuple[str, ...]]:
    """The parameter names each statement of ``playbook_statements`` is run with."""
    out = {f"indicators/{d.id}.yaml": INDICATOR_PARAMETERS for d in load_indicators()}
    out.update({f"investigations/{p.name}.yaml": tuple(p.params) for p in load_playbooks()})
    return out


def _cell(text: object) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def _param(p: object) -> str:
    from playbooks.params import Param

    assert isinstance(p, Param)
    rules = [f"default `{p.default}`" if p.default is not None else "", "required" if p.required else "",
             f"min {p.min}" if p.min is not None else "", f"max {p.max}" if p.max is not None else "",
             f"pattern `{p.pattern}`" if p.pattern else "",
             "one of " + ", ".join(f"`{c}`" for c in p.choices) if p.choices else ""]
    return f"`{p.name}` ({p.type}{'; ' if any(rules) else ''}{'; '.join(r for r in rules if r)}): {_cell(p.help_en)}"


def render_catalogue() -> str:
    """The catalogue of playbooks and indicators as Markdown (docs/playbooks.md holds it)."""
    lines = ["## Investigation playbooks", ""]
    for b in load_playbooks():
        lines += [f"### `{b.name}`: {b.title_en} / {b.title_zh}", "", _cell(b.description_en), "",
                  _cell(b.description_zh), ""]
        lines += [f"- {_param(p)}" for p in b.params.values()] or ["- no parameters"]
        lines += [f"- columns: {', '.join(f'`{c}`' for c in b.columns)}",
                  f"- at most {b.max_rows} rows, {b.timeout_s:g} s" +
                  (f"; post-processing `{b.postprocess}`" if b.postprocess else ""), ""]
    lines += ["## 4P indicators", "", "| id | P | indicator | 指標 | unit | what counts |", "|---|---|---|---|---|---|"]
    for d in load_indicators():
        lines.append(f"| `{d.id}` | {d.p} | {_cell(d.title_en)} | {_cell(d.title_zh)} | {d.unit} ({d.unit_en}) | "
                     f"{_cell(d.definition_en)} |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":  # python -m playbooks.catalogue: regenerate docs/playbooks.md
    import pathlib

    doc = pathlib.Path(__file__).resolve().parent.parent / "docs" / "playbooks.md"
    head = doc.read_text(encoding="utf-8").split(MARK, 1)[0] if doc.exists() else ""
    doc.write_text(head + MARK + "\n\n" + render_catalogue(), encoding="utf-8")
