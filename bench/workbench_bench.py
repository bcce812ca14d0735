"""Workbench timings in a real browser (``make bench``): each page interactive, a 300-node ego
network drawn, on the demo corpus.

A private local server gets the demo corpus; ``tipgraph workbench`` serves it; headless
Chromium (Debian's, driven by Playwright) signs in as an investigator and, ``--repeat``
rounds, opens each page from the sidebar as a user does, timing from the click to the page's
own heading and ready element (its search box, form, cards or table) with Streamlit idle.
Signing in (opening the address to a usable Explore page) is timed apart. The baseline, measured in the same run, is the Ingest
page, which reads nothing from the graph: the ratios say what the graph work adds to
Streamlit's own cost. The ego network is timed from signing in with its address to vis-network's
stabilised drawing (``data-drawn`` on the chart's page). Results: stdout (Markdown) and
``bench/results/workbench.json``; ``--screenshots DIR`` saves one PNG per page.

    python -m bench.workbench_bench [--repeat 5] [--screenshots docs/screenshots]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

CHROMIUM = os.environ.get("TIPGRAPH_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic"]
# page: (its title in the sidebar and on the page, what shows it is ready)
PAGES: dict[str, tuple[str, str]] = {
    "ingest (baseline)": ("Ingest", '[data-testid="stFileUploader"]'),
    "explore": ("Explore", 'input[aria-label="Search names, identifiers or case numbers"]'),
    "case and person": ("Case and person", 'input[aria-label="Search names, identifiers or case numbers"]'),
    "repatriation": ("Repatriation", '[data-testid="stForm"]'),
    "4P indicators": ("4P indicators", '[data-testid="stMetric"]'),
    "playbooks": ("Playbooks", '[data-testid="stForm"]'),
    "review": ("Review", '[data-testid="stDataFrame"] >> nth=1'),  # both people's tables
}
BIGGEST = """
MATCH (n:Location)-[r]-()
RETURN n.id AS id, count(r) AS degree
ORDER BY degree DESC
LIMIT 1
"""
IDLE = "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')"


def _wait_http(url: str, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.2)  # a server coming up, outside any test
    raise SystemExit(f"{url} did not answer in {seconds} s")


def _load_demo(settings: Any, folder: Path) -> str:
    from graph import schema
    from graph.store import open_store
    from ingest.demo import generate
    from ingest.pipeline import ingest
    from ingest.resolve import resolve
    from workbench.service import WorkbenchService

    generate(folder, seed=2022)
    with open_store(settings, start_local=False, user="bench") as store:
        schema.init_schema(store)
        ingest(store, [folder / d for d in ("cases", "rescues", "registers")], home=settings.home, workers=2)
        resolve(store)
        center = store.read(BIGGEST)[0]["id"]
        nodes = len(WorkbenchService(store, actor="bench", role="investigator").ego_network(center, hops=2, max_nodes=300).nodes)
    print(f"ego network centre {center}: {nodes} nodes at 2 hops", flush=True)
    return center


BENCH_USER, BENCH_PASSWORD = "bench-investigator", "bench password, not a product default"


def _fill_sign_in(page: Any) -> None:
    page.get_by_role("textbox", name="User name").fill(BENCH_USER, timeout=60_000)
    page.get_by_role("textbox", name="Password").fill(BENCH_PASSWORD)


def _ready(page: Any, title: str, ready: str) -> None:
    page.get_by_role("heading", name=title, exact=True).first.wait_for(timeout=60_000)
    page.locator(ready).first.wait_for(timeout=60_000)
    page.wait_for_function(IDLE, timeout=60_000)


def _signed_in(context: Any, base: str) -> tuple[Any, float]:
    """A new tab signed in on Explore, and the seconds from opening the address to a usable page."""
    page = context.new_page()
    started = time.perf_counter()
    page.goto(f"{base}/?lang=en")
    _fill_sign_in(page)
    page.get_by_role("button", name="Sign in").click()
    _ready(page, *PAGES["explore"])
    return page, time.perf_counter() - started


def _time_page(page: Any, title: str, ready: str, shot: Path | None) -> float:
    """Seconds from choosing a page in the sidebar to the page ready (its content drawn, Streamlit idle)."""
    started = time.perf_counter()
    page.get_by_role("link", name=title, exact=True).first.click()
    _ready(page, title, ready)
    seconds = time.perf_counter() - started
    if shot is not None:
        page.screenshot(path=str(shot), full_page=False)
    return seconds


def _time_chart(context: Any, url: str, shot: Path | None) -> tuple[float, float]:
    """Seconds from asking for an entity's ego network (signing in with the address that names it)
    to the drawn chart, and the drawing itself (vis-network)."""
    page = context.new_page()
    page.goto(url)
    _fill_sign_in(page)
    started = time.perf_counter()
    page.get_by_role("button", name="Sign in").click()
    drawn = page.frame_locator("iframe").first.locator("body[data-drawn='1']")
    drawn.wait_for(timeout=60_000)
    seconds = time.perf_counter() - started
    draw_ms = float(drawn.get_attribute("data-draw-ms") or "nan")
    if shot is not None:
        page.screenshot(path=str(shot), full_page=False)
    page.close()
    return seconds, draw_ms / 1000


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.workbench_bench", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--screenshots", type=Path, help="save one screenshot per page into this folder")
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    from graph import localserver
    from graph.settings import load_settings

    with tempfile.TemporaryDirectory(prefix="tipgraph-wb-bench-") as tmp:
        settings = load_settings({"TIPGRAPH_HOME": tmp, "TIPGRAPH_SERVER_HEAP": "2g"})
        localserver.start(settings)
        port = localserver.free_port()
        proc = None
        try:
            center = _load_demo(settings, Path(tmp) / "demo")
            from workbench.users import UserStore

            UserStore.at_home(Path(tmp)).add(BENCH_USER, "investigator", BENCH_PASSWORD)
            env = {**os.environ, "TIPGRAPH_HOME": tmp}
            proc = subprocess.Popen([sys.executable, "-m", "tipgraph", "workbench", "--port", str(port)], env=env,
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            base = f"http://127.0.0.1:{port}"
            _wait_http(f"{base}/_stcore/health", 60)
            if args.screenshots:
                args.screenshots.mkdir(parents=True, exist_ok=True)
            rows: dict[str, list[float]] = {}
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
                first = browser.new_context()
                warm = first.new_page()  # the server's first run (it shows only the sign-in form)
                warm.goto(f"{base}/?lang=en")
                warm.get_by_role("heading", name="Sign in").wait_for(timeout=60_000)
                first.close()
                for rep in range(args.repeat):
                    # a user's session: signed in once, then moving between pages in the sidebar
                    context = browser.new_context(viewport={"width": 1400, "height": 1000})
                    page, signed = _signed_in(context, base)
                    rows.setdefault("open the address and sign in (to Explore)", []).append(signed)
                    for name, (title, ready) in PAGES.items():
                        shot = None
                        if args.screenshots and rep == 0:
                            shot = args.screenshots / f"{name.split()[0].lower()}.png"
                        rows.setdefault(name, []).append(_time_page(page, title, ready, shot))
                    shot = args.screenshots / "explore-300-nodes.png" if args.screenshots and rep == 0 else None
                    total, draw = _time_chart(context, f"{base}/?lang=en&id={center}&hops=2&cap=300", shot)
                    rows.setdefault("ego network of 300 nodes: asked to drawn chart", []).append(total)
                    rows.setdefault("ego network of 300 nodes: drawing alone", []).append(draw)
                    context.close()
                browser.close()
        finally:
            if proc is not None:
                proc.terminate()
                proc.wait(timeout=20)
            localserver.stop(settings)
    baseline = statistics.median(rows["ingest (baseline)"])
    table = [{"what": name, "median_s": round(statistics.median(v), 3), "max_s": round(max(v), 3),
              "ratio_to_baseline": round(statistics.median(v) / baseline, 2)} for name, v in rows.items()]
    result = {"machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
              "repeat": args.repeat, "rows": table}
    out = Path(__file__).parent / "results"
    out.mkdir(exist_ok=True)
    (out / "workbench.json").write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    print(f"\n{result['machine']}, {args.repeat} rounds: sign in once, then each page from the sidebar\n")
    print("| page | median s | max s | x baseline |")
    print("|---|---|---|---|")
    for r in table:
        print(f"| {r['what']} | {r['median_s']} | {r['max_s']} | {r['ratio_to_baseline']} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
