"""tipgraph: the command line and what ties the packages together (``graph``, ``nlp``, ``ingest``, ``playbooks``, ``workbench``)."""

__version__ = "0.1.0"
