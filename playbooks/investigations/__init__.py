"""Investigation playbooks: saved, parameterised, read-only queries (one YAML file each, here).

>>> from playbooks.investigations import playbook
>>> playbook("recruiter_hubs").params["min_victims"].type
'int'
"""

from playbooks.investigations.definitions import Playbook, load_playbooks, playbook
from playbooks.investigations.run import PlaybookResult, run_playbook

__all__ = ["Playbook", "PlaybookResult", "load_playbooks", "playbook", "run_playbook"]
