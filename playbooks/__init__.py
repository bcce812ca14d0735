"""Saved investigation queries and the 4P indicator definitions.

Not built yet: comes with the playbooks issue; statements will be linted like the rest.
"""
