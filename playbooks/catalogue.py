"""Every Cypher statement the playbook files hold, by a readable name (for the Cypher lint test
and for docs): ``indicators/<id>.yaml`` and ``investigations/<name>.yaml``."""

from __future__ import annotations

__all__ = ["playbook_statements"]


def playbook_statements() -> dict[str, str]:
    """``{"indicators/cases_referred.yaml": "MATCH ...", ...}`` for every indicator and playbook file."""
    from playbooks.indicators import load_indicators

    out = {f"indicators/{d.id}.yaml": d.cypher for d in load_indicators()}
    return out
