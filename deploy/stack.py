"""Start Broadsheet the way a scaled-out site runs, on this machine only.

PostgreSQL (a throwaway database on the local server) + a private Redis + an S3-compatible
object store for media (moto's server mode, ADR 0032) + two app processes + one worker + the
scheduler + two Varnish instances with the shipped VCL (as two caching machines in front would
be; the app purges both), all in the production profile.
Used by deploy/check_deployment.py and bench/http_bench.py.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from email.message import Message
from pathlib import Path
from typing import Any

import boto3
import psycopg

ROOT = Path(__file__).resolve().parent.parent
VCL = ROOT / "deploy" / "varnish" / "broadsheet.vcl"
APP_PORTS = (8001, 8002)  # the backends named in the shipped VCL
VARNISH_PORTS = (6081, 6082)
REDIS_PORT = 6390
OBJECT_STORE_PORT = 6391
MEDIA_BUCKET = "broadsheet-media"
POSTGRES = os.environ.get("STACK_POSTGRES", "postgres://postgres@127.0.0.1:5432")
DATABASE = "broadsheet_stack"
METRICS_TOKEN = "stack-metrics-token"  # noqa: S105  a throwaway stack's
ADMIN = ("editor", "stack-check-password-1")


def varnish_command(port: int, workdir: Path, vcl: Path) -> list[str]:
    """varnishd in the foreground on 127.0.0.1:``port`` with ``vcl``, its state in ``workdir``."""
    return ["varnishd", "-F", "-j", "none", "-a", f"127.0.0.1:{port}", "-n", str(workdir), "-f", str(vcl)]


class StackError(RuntimeError):
    pass


def http_get(
    url: str, headers: dict[str, str] | None = None, timeout: float = 10
) -> tuple[int, Message, bytes]:
    """Status, headers (case-insensitive: Granian sends lower-case names) and body."""
    if not url.startswith("http://127.0.0.1:"):
        raise StackError(f"refusing to fetch {url}: the stack only runs on this machine")
    request = urllib.request.Request(url, headers=headers or {})  # noqa: S310  checked just above
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


class Stack:
    def __init__(self, web_workers: int = 1) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="broadsheet-stack-"))
        self.web_workers = web_workers
        self.processes: dict[str, subprocess.Popen] = {}
        self.varnish_urls = [f"http://127.0.0.1:{port}" for port in VARNISH_PORTS]
        self.varnish_url = self.varnish_urls[0]  # the site's address (SITE_URL)
        self.object_store_url = f"http://127.0.0.1:{OBJECT_STORE_PORT}"
        self.env = {
            k: v for k, v in os.environ.items() if not k.startswith(("DATABASE_URL", "REDIS_URL", "MEDIA_"))
        }
        self.env.update(
            DJANGO_SETTINGS_MODULE="broadsheet.settings",
            BROADSHEET_PROFILE="production",
            SECRET_KEY="stack-" + "x" * 50,
            ALLOWED_HOSTS="127.0.0.1,localhost",
            DATABASE_URL=f"{POSTGRES}/{DATABASE}",
            REDIS_URL=f"redis://127.0.0.1:{REDIS_PORT}/0",
            SITE_URL=self.varnish_url,
            SECURE_SSL_REDIRECT="0",
            TRUSTED_PROXIES="127.0.0.1,::1",
            FRONTEND_CACHE_URL=",".join(self.varnish_urls),
            BROADSHEET_VAR_DIR=str(self.folder / "var"),
            STATIC_ROOT=str(self.folder / "static"),
            MEDIA_BUCKET=MEDIA_BUCKET,
            MEDIA_ENDPOINT_URL=self.object_store_url,
            MEDIA_REGION="us-east-1",
            MEDIA_ACCESS_KEY_ID="stack",
            MEDIA_SECRET_ACCESS_KEY="stack-secret",  # noqa: S106  moto takes any key
            ADMIN_USERNAME=ADMIN[0],
            ADMIN_PASSWORD=ADMIN[1],
            SCHEDULER_TICK_SECONDS="1",
            METRICS_TOKEN=METRICS_TOKEN,
        )

    # -- lifecycle -------------------------------------------------------------------
    def manage(self, *args: str) -> str:
        done = subprocess.run(
            [sys.executable, str(ROOT / "manage.py"), *args],
            env=self.env,
            cwd=ROOT,
            capture_output=True,
            text=True,
        )
        if done.returncode != 0:
            raise StackError(f"manage.py {' '.join(args)} failed: {done.stderr.strip().splitlines()[-1:]}")
        return done.stdout

    def start(self, demo: bool = True) -> Stack:
        """Start everything; a start that fails stops what it had started before raising."""
        try:
            return self._start(demo)
        except BaseException:
            self.stop()
            raise

    def _start(self, demo: bool) -> Stack:
        for tool in ("redis-server", "varnishd", "varnishncsa"):
            if shutil.which(tool) is None:
                raise StackError(f"{tool} is missing: run scripts/ensure-system-packages")
        for port in (*APP_PORTS, *VARNISH_PORTS, REDIS_PORT, OBJECT_STORE_PORT):
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", port)) == 0:
                    raise StackError(f"port {port} is already in use (another stack still running?)")
        self._fresh_database()
        self.start_redis()
        self.start_object_store()
        self.manage("migrate", "--noinput", "-v0")
        self.manage("collectstatic", "--noinput", "-v0")
        if demo:
            self.manage("load_demo", "--skip-renditions", "-v0")
        self.manage("ensure_admin")
        for number, port in enumerate(APP_PORTS, start=1):
            self._spawn(
                f"app{number}",
                [
                    sys.executable,
                    "-m",
                    "granian",
                    "--interface",
                    "wsgi",
                    "--host",
                    "127.0.0.1",
                    "--port",
                    str(port),
                    "--workers",
                    str(self.web_workers),
                    "--blocking-threads",
                    self.env.get("WEB_THREADS", "8"),
                    "--no-ws",
                    "broadsheet.wsgi:application",
                ],
                machine=number,
            )
        # The worker and the scheduler run on app process 1's "machine", as runsite would.
        self._spawn(
            "worker",
            [sys.executable, str(ROOT / "manage.py"), "worker", "--queue-name", "*", "--interval", "0.2"],
            machine=1,
        )
        self._spawn("scheduler", [sys.executable, str(ROOT / "manage.py"), "run_scheduler"], machine=1)
        for number, port in enumerate(VARNISH_PORTS, start=1):
            self._spawn(
                f"varnish{number}",
                [
                    *varnish_command(port, self.folder / f"varnish{number}", VCL),
                    "-s",
                    "malloc,256m",
                    "-p",
                    "ban_lurker_sleep=0.05",
                    "-p",
                    "http_gzip_support=off",
                ],
            )
        for port in APP_PORTS:
            self.wait_until_ok(f"http://127.0.0.1:{port}/healthz")
        for number, url in enumerate(self.varnish_urls, start=1):
            self.wait_until_ok(url + "/")
            self._spawn(
                f"purge-log{number}",
                [
                    "varnishncsa",
                    "-n",
                    str(self.folder / f"varnish{number}"),
                    "-q",
                    'ReqMethod eq "PURGE"',
                    "-F",
                    "%U",
                    "-w",
                    str(self._purge_log(number)),
                ],
            )
        self.wait_for_idle_queue()
        return self

    def wait_for_idle_queue(self, seconds: float = 180) -> None:
        """Let the worker finish what setup enqueued (purges, indexing) before measuring."""
        count = (
            "from django_tasks_db.models import DBTaskResult as R; "
            "print(R.objects.exclude(status__in=['SUCCESSFUL', 'FAILED']).count())"
        )
        deadline = time.monotonic() + seconds
        while self.manage("shell", "-c", count).strip().splitlines()[-1] != "0":
            if time.monotonic() > deadline:
                raise StackError(f"the worker did not drain the task queue within {seconds:.0f}s")
            time.sleep(0.5)

    def stop(self) -> None:
        for process in self.processes.values():
            if process.poll() is None:
                process.terminate()
        for process in self.processes.values():
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
        self.processes.clear()
        self.stop_redis()
        with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as connection:
            connection.execute(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
        if not os.environ.get("STACK_KEEP"):
            shutil.rmtree(self.folder, ignore_errors=True)

    def __enter__(self) -> Stack:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- parts -------------------------------------------------------------------------
    def start_redis(self) -> None:
        self._spawn(
            "redis",
            [
                "redis-server",
                "--port",
                str(REDIS_PORT),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(self.folder),
            ],
        )
        deadline = time.monotonic() + 10
        while (
            subprocess.run(
                ["/usr/bin/redis-cli", "-p", str(REDIS_PORT), "ping"], capture_output=True
            ).returncode
            != 0
        ):
            if time.monotonic() > deadline:
                raise StackError("private Redis did not start")
            time.sleep(0.1)

    def start_object_store(self) -> None:
        """moto's S3-compatible server (in memory), with the media bucket created."""
        self._spawn(
            "object-store",
            [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(OBJECT_STORE_PORT)],
        )
        self.wait_until_ok(self.object_store_url + "/moto-api/", seconds=60)
        self._object_store().create_bucket(Bucket=MEDIA_BUCKET)

    def object_store_keys(self) -> list[str]:
        """Every object's key in the media bucket."""
        listing = self._object_store().list_objects_v2(Bucket=MEDIA_BUCKET)
        return [item["Key"] for item in listing.get("Contents", [])]

    def _object_store(self) -> Any:  # a boto3 S3 client (its classes are built at run time)
        return boto3.client(
            "s3",
            endpoint_url=self.object_store_url,
            region_name=self.env["MEDIA_REGION"],
            aws_access_key_id=self.env["MEDIA_ACCESS_KEY_ID"],
            aws_secret_access_key=self.env["MEDIA_SECRET_ACCESS_KEY"],
        )

    def stop_redis(self) -> None:
        process = self.processes.pop("redis", None)
        if process and process.poll() is None:
            process.terminate()
            process.wait(timeout=10)

    def _fresh_database(self) -> None:
        with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as connection:
            connection.execute(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
            connection.execute(f"CREATE DATABASE {DATABASE}")

    def _spawn(self, name: str, argv: list[str], machine: int | None = None) -> None:
        """Start a process; those of one ``machine`` add up their /metrics counts in one folder."""
        env = self.env
        if machine is not None:
            metrics = self.folder / f"metrics-machine{machine}"
            metrics.mkdir(exist_ok=True)
            env = env | {"PROMETHEUS_MULTIPROC_DIR": str(metrics)}
        log = open(self.folder / f"{name}.log", "wb")  # noqa: SIM115  kept open for the process's life
        self.processes[name] = subprocess.Popen(argv, env=env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)

    @staticmethod
    def wait_until_ok(url: str, seconds: float = 180) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            try:
                if http_get(url, timeout=2)[0] == 200:
                    return
            except OSError:
                pass
            time.sleep(0.2)
        raise StackError(f"{url} did not answer 200 within {seconds:.0f}s")

    def _purge_log(self, varnish_number: int) -> Path:
        return self.folder / f"purges{varnish_number}.log"

    def purged_paths(self, varnish_number: int = 1) -> list[str]:
        """The paths the Varnish instance numbered ``varnish_number`` (from 1) was sent PURGEs for."""
        log = self._purge_log(varnish_number)
        return log.read_text().split() if log.exists() else []
