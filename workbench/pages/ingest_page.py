"""Ingest: upload files (the size limit shown), progress, results, quarantine with reasons."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

import streamlit as st

from graph.errors import GraphError
from graph.settings import load_settings
from workbench.session import service, tr

svc = service("ingest")
settings = load_settings()
st.title(tr("ingest"))
st.caption(tr("size_limit", mb=settings.max_file_mb))

files = st.file_uploader(tr("upload"), accept_multiple_files=True, key="ingest_files",
                         type=["txt", "md", "html", "htm", "pdf", "docx", "csv", "xlsx"])


def _safe_name(name: str, index: int) -> str:
    """The uploaded name without any folder part or odd characters (no path traversal)."""
    base = Path(name.replace("\\", "/")).name
    base = re.sub(r"[^\w.\-\u4e00-\u9fff]", "_", base).lstrip(".") or f"upload-{index}"
    return f"{index:03d}-{base[:120]}"


if files and st.button(tr("run"), key="ingest_run"):
    with tempfile.TemporaryDirectory(prefix="tipgraph-upload-") as folder:
        paths = []
        for i, f in enumerate(files):
            path = Path(folder) / _safe_name(f.name, i)
            path.write_bytes(f.getvalue())
            paths.append(path)
        bar = st.progress(0.0, text="0 / %d" % len(paths))
        done = [0]

        def advance(_: object) -> None:
            done[0] += 1
            bar.progress(min(1.0, done[0] / len(paths)), text=f"{done[0]} / {len(paths)}")

        try:
            summary = svc.ingest_files(paths, home=settings.home, max_bytes=int(settings.max_file_mb * 2**20),
                                       progress=advance)
        except GraphError as e:
            st.error(str(e))
            st.stop()
    st.success(f"{summary.documents} documents · {summary.registers} registers · {summary.skipped} already in the "
               f"graph · {summary.entities} entities · {summary.relations} relations · "
               f"{len(summary.quarantined)} quarantined")
    st.json({k: v for k, v in summary.as_dict().items() if k != "quarantined"}, expanded=False)
    if summary.quarantined:
        st.subheader(tr("quarantine"))
        st.dataframe([{"file": Path(q.get("path", "")).name, "reason": q.get("reason"), "message": q.get("message")}
                      for q in summary.quarantined], hide_index=True, width="stretch", key="quarantine_table")
