"""Readers, registers, de-duplication and loading into the graph.

Not built yet: comes with the ingest issue; it writes through ``graph.writes.write_batch``.
"""
