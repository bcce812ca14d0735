"""Saved investigations and the 4P indicators, as YAML files with the code that runs them.

``playbooks.investigations``: parameterised, read-only queries (``tipgraph playbook``);
``playbooks.indicators``: the rows of the yearly 4P table (``tipgraph indicators``);
``playbooks.report``: the yearly report built from the indicators. Statements in the files are
linted like every other statement we ship (``playbooks.catalogue``).
"""
