"""HTTP benchmark of the production stack, run by hand (not in tests).

Starts the site in production mode with demo content (deploy/stack.py: PostgreSQL,
Redis, two app processes, worker, scheduler, Varnish), then measures with wrk at 1,
16 and 64 connections, 10 s each:

  (a) article page, uncached (a new query string per request: every one renders)
  (b) article page cached by the app alone (page cache, no Varnish)
  (c) article page through the shipped Varnish
  (d) home page cached by the app
  (e) nginx serving a saved copy of the same article HTML as a static file: the practical limit

and prints req/s, p50 and p99 and the ratios (a)/(e), (b)/(e), (c)/(e).

    apt-get install -y wrk nginx-light   # once
    .venv/bin/python bench/http_bench.py [--seconds 10] [--web-workers N (default: cores)]
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from deploy.stack import APP_PORTS, Stack, http_get

NGINX_PORT = 8090
CONNECTIONS = (1, 16, 64)
UNIQUE_QUERY_LUA = """
counter = 0
request = function()
  counter = counter + 1
  return wrk.format(nil, wrk.path .. "?bench=" .. counter)
end
"""


def wrk(url: str, connections: int, seconds: int, script: Path | None = None) -> dict[str, float]:
    threads = min(connections, 2)
    argv = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--latency", url]
    if script:
        argv[1:1] = ["-s", str(script)]
    out = subprocess.run(argv, capture_output=True, text=True, check=True).stdout
    if re.search(r"Non-2xx or 3xx responses: (\d+)", out):
        raise SystemExit(f"wrk saw error responses for {url}:\n{out}")
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "p50": _ms(re.search(r"50%\s+([\d.]+\w+)", out).group(1)),
        "p99": _ms(re.search(r"99%\s+([\d.]+\w+)", out).group(1)),
    }


def _ms(value: str) -> float:
    number, unit = re.match(r"([\d.]+)(\w+)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def start_nginx(folder: Path, html: bytes) -> subprocess.Popen:
    folder.chmod(0o755)  # nginx's workers drop to an unprivileged user
    (folder / "site").mkdir()
    (folder / "site" / "article.html").write_bytes(html)
    conf = folder / "nginx.conf"
    conf.write_text(f"""
worker_processes 2;
daemon off;
pid {folder}/nginx.pid;
error_log {folder}/error.log;
events {{ worker_connections 1024; }}
http {{
  access_log off;
  default_type text/html;
  server {{ listen 127.0.0.1:{NGINX_PORT}; root {folder}/site; }}
}}
""")
    process = subprocess.Popen(["/usr/sbin/nginx", "-c", str(conf), "-p", str(folder)])
    Stack.wait_until_ok(f"http://127.0.0.1:{NGINX_PORT}/article.html")
    return process


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument(
        "--web-workers", type=int, default=os.cpu_count() or 1, help="Granian workers per app process"
    )
    args = parser.parse_args()
    for tool in ("wrk", "nginx"):
        if shutil.which(tool) is None:
            raise SystemExit(f"{tool} is missing: apt-get install -y wrk nginx-light")

    with Stack(web_workers=args.web_workers).start() as stack, tempfile.TemporaryDirectory() as scratch:
        app = f"http://127.0.0.1:{APP_PORTS[0]}"
        article = (
            re.search(rb'href="(/politics/[a-z0-9-]+/)"', http_get(app + "/politics/")[2]).group(1).decode()
        )
        for url in (app + article, stack.varnish_url + article, app + "/"):
            http_get(url)  # warm each cache once
        nginx = start_nginx(Path(scratch), http_get(app + article)[2])
        lua = Path(scratch) / "unique.lua"
        lua.write_text(UNIQUE_QUERY_LUA)
        scenarios = {
            "(a) article, uncached": (app + article, lua),
            "(b) article, app page cache": (app + article, None),
            "(c) article, through Varnish": (stack.varnish_url + article, None),
            "(d) home, app page cache": (app + "/", None),
            "(e) nginx, static copy": (f"http://127.0.0.1:{NGINX_PORT}/article.html", None),
        }
        results: dict[str, dict[int, dict[str, float]]] = {}
        try:
            for name, (url, script) in scenarios.items():
                results[name] = {}
                for connections in CONNECTIONS:
                    results[name][connections] = wrk(url, connections, args.seconds, script)
                    time.sleep(1)
        finally:
            nginx.terminate()
        report(results)


def report(results: dict[str, dict[int, dict[str, float]]]) -> None:
    print(f"\n{'scenario':32} {'conns':>5} {'req/s':>10} {'p50 ms':>8} {'p99 ms':>8}")
    for name, by_connections in results.items():
        for connections, figures in by_connections.items():
            rps, p50, p99 = figures["rps"], figures["p50"], figures["p99"]
            print(f"{name:32} {connections:5d} {rps:10.0f} {p50:8.2f} {p99:8.2f}")
    static = results["(e) nginx, static copy"]
    print("\nRatios of req/s against (e) nginx:")
    for connections in CONNECTIONS:
        ratios = [
            f"{key[:3]}/(e) = {results[key][connections]['rps'] / static[connections]['rps']:.1%}"
            for key in (
                "(a) article, uncached",
                "(b) article, app page cache",
                "(c) article, through Varnish",
            )
        ]
        print(f"  {connections:2d} connections: " + ", ".join(ratios))


if __name__ == "__main__":
    main()
