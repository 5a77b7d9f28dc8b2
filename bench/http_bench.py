"""HTTP benchmark of the production stack, run by hand (not in tests).

Starts the site in production mode with demo content (deploy/stack.py: PostgreSQL,
Redis, two app processes, worker, scheduler, Varnish), then measures with wrk at 1,
16 and 64 connections, 10 s each:

  (a) article page, uncached: before each request the client retires the article's page-cache
      version token (``core.pagecache.invalidate``, straight to the stack's Redis), so every
      request renders; a query string cannot force a miss (undeclared parameters are not part
      of the cache key). wrk cannot do this, so (a) uses a closed-loop Python client with the
      same connection counts; it prints the share of requests that really were misses.
  (b) article page cached by the app alone (page cache, no Varnish)
  (c) article page through the shipped Varnish
  (d) home page cached by the app
  (e) nginx serving a saved copy of the same article HTML as a static file: the practical limit

and prints req/s, p50 and p99 and the ratios (a)/(e), (b)/(e), (c)/(e).

    apt-get install -y wrk nginx-light   # once
    .venv/bin/python bench/http_bench.py [--seconds 10] [--web-workers N (default: cores)] [--smoke]

``--smoke`` starts no stack (it takes minutes and fixed ports): it runs the closed-loop client of
(a) for one second against a page served by this process.
"""

from __future__ import annotations

import argparse
import http.client
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import support
from deploy.stack import APP_PORTS, Stack, http_get

NGINX_PORT = 8090
CONNECTIONS = (1, 16, 64)


def wrk(url: str, connections: int, seconds: int) -> dict[str, float]:
    threads = min(connections, 2)
    argv = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--latency", url]
    out = subprocess.run(argv, capture_output=True, text=True, check=True).stdout
    if re.search(r"Non-2xx or 3xx responses: (\d+)", out):
        raise SystemExit(f"wrk saw error responses for {url}:\n{out}")
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "p50": _ms(re.search(r"50%\s+([\d.]+\w+)", out).group(1)),
        "p99": _ms(re.search(r"99%\s+([\d.]+\w+)", out).group(1)),
    }


def page_cache_retirer(stack: Stack) -> Callable[[str], None]:
    """``invalidate`` from this process, on the stack's Redis, without purging Varnish."""
    os.environ.update(stack.env)
    os.environ.pop("FRONTEND_CACHE_URL")  # (a) measures the app: Varnish is not purged
    import django

    django.setup()
    from core import pagecache

    return lambda path: pagecache.invalidate([path])


def uncached(
    port: int, path: str, connections: int, seconds: int, retire: Callable[[str], None]
) -> dict[str, float]:
    """Closed loop: each connection retires the page's version token, then fetches the page."""
    latencies: list[float] = []
    misses = 0
    lock = threading.Lock()
    deadline = time.monotonic() + seconds

    def client() -> None:
        nonlocal misses
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        while time.monotonic() < deadline:
            retire(path)
            started = time.perf_counter()
            connection.request("GET", path, headers={"Accept-Encoding": "br, gzip"})
            response = connection.getresponse()
            response.read()
            elapsed = time.perf_counter() - started
            if response.status != 200:
                raise SystemExit(f"{path} answered {response.status}")
            with lock:
                latencies.append(elapsed * 1000)
                misses += response.getheader("X-Page-Cache") == "miss"
        connection.close()

    threads = [threading.Thread(target=client) for _ in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    cuts = statistics.quantiles(latencies, n=100)
    return {
        "rps": len(latencies) / seconds,
        "p50": cuts[49],
        "p99": cuts[98],
        "miss_share": misses / len(latencies),
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


class _MissingPage(BaseHTTPRequestHandler):
    """A page that always says it was rendered, for the smoke run of the closed-loop client."""

    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("X-Page-Cache", "miss")
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"ok")

    def log_message(self, *args: object) -> None:
        pass


def smoke() -> None:
    support.skipped("the production stack, wrk and nginx", "minutes, fixed ports and system packages")
    server = ThreadingHTTPServer(("127.0.0.1", 0), _MissingPage)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        figures = uncached(server.server_port, "/", 1, 1, retire=lambda path: None)
    finally:
        server.shutdown()
    print(f"closed-loop client, 1 connection, 1 s: {figures['rps']:.0f} req/s, p50 {figures['p50']:.2f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument(
        "--web-workers", type=int, default=os.cpu_count() or 1, help="Granian workers per app process"
    )
    support.add_smoke_flag(parser)
    args = parser.parse_args()
    if args.smoke:
        smoke()
        return
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
        retire = page_cache_retirer(stack)
        scenarios: dict[str, Callable[[int], dict[str, float]]] = {
            "(a) article, uncached": lambda c: uncached(APP_PORTS[0], article, c, args.seconds, retire),
            "(b) article, app page cache": lambda c: wrk(app + article, c, args.seconds),
            "(c) article, through Varnish": lambda c: wrk(stack.varnish_url + article, c, args.seconds),
            "(d) home, app page cache": lambda c: wrk(app + "/", c, args.seconds),
            "(e) nginx, static copy": lambda c: wrk(
                f"http://127.0.0.1:{NGINX_PORT}/article.html", c, args.seconds
            ),
        }
        results: dict[str, dict[int, dict[str, float]]] = {}
        try:
            for name, measure in scenarios.items():
                results[name] = {}
                for connections in CONNECTIONS:
                    results[name][connections] = measure(connections)
                    time.sleep(1)
        finally:
            nginx.terminate()
        report(results)


def report(results: dict[str, dict[int, dict[str, float]]]) -> None:
    print(f"\n{'scenario':32} {'conns':>5} {'req/s':>10} {'p50 ms':>8} {'p99 ms':>8}")
    for name, by_connections in results.items():
        for connections, figures in by_connections.items():
            rps, p50, p99 = figures["rps"], figures["p50"], figures["p99"]
            misses = f"  ({figures['miss_share']:.1%} misses)" if "miss_share" in figures else ""
            print(f"{name:32} {connections:5d} {rps:10.0f} {p50:8.2f} {p99:8.2f}{misses}")
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
