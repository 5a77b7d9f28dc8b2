"""Private services and the real site for the fault-injection tests.

Everything here runs on free ports in its own temporary folder: a PostgreSQL cluster made
with initdb, a Redis, an SMTP server (aiosmtpd) and ``manage.py runsite``. Nothing touches
the machine's shared PostgreSQL or Redis.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
import urllib.request
from pathlib import Path

import psycopg

from core.processes import living_descendants
from core.tests.embedded import MANAGE, wait_for
from mail.tests.smtp import SMTPServer, free_port

__all__ = ["PrivatePostgres", "PrivateRedis", "RunningSite", "SMTPServer", "collect_static", "free_port"]


def _postgres_bin() -> Path:
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))
    if not found:
        raise RuntimeError("PostgreSQL's initdb is missing: run scripts/ensure-system-packages")
    return found[-1].parent


class PrivatePostgres:
    """A throwaway PostgreSQL cluster (run as the postgres user when the tests run as root)."""

    def __init__(self) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="broadsheet-faults-pg-"))
        self.port = free_port()
        self.user = "postgres" if os.geteuid() == 0 else None
        self.process: subprocess.Popen | None = None
        if self.user:
            shutil.chown(self.folder, self.user, self.user)
        subprocess.run(
            [
                _postgres_bin() / "initdb",
                "-D",
                self.folder / "data",
                "-U",
                "postgres",
                "--auth=trust",
                "-E",
                "UTF8",
            ],
            user=self.user,
            check=True,
            capture_output=True,
        )
        self.start()
        with psycopg.connect(self.url("postgres"), autocommit=True) as connection:
            connection.execute("CREATE DATABASE broadsheet")

    def url(self, database: str = "broadsheet") -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{database}"

    def start(self) -> None:
        argv = [_postgres_bin() / "postgres", "-D", self.folder / "data", "-p", str(self.port)]
        settings = ["listen_addresses=127.0.0.1", f"unix_socket_directories={self.folder}", "fsync=off"]
        for setting in settings:
            argv += ["-c", setting]
        log = (self.folder / "postgres.log").open("ab")
        self.process = subprocess.Popen(argv, user=self.user, stdout=log, stderr=subprocess.STDOUT)
        log.close()
        wait_for(self._accepts, 30, "the private PostgreSQL to accept connections")

    def _accepts(self) -> bool:
        try:
            with psycopg.connect(self.url("postgres"), connect_timeout=2):
                return True
        except psycopg.OperationalError:
            return False

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)  # fast shutdown: every session is cut
            self.process.wait(timeout=30)

    def destroy(self) -> None:
        self.stop()
        shutil.rmtree(self.folder, ignore_errors=True)


REDIS_CLI = shutil.which("redis-cli") or "/usr/bin/redis-cli"


def collect_static(folder: Path) -> Path:
    """Static files once for every site of the module (pages link the hashed names)."""
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL"}}
    env |= {"DJANGO_SETTINGS_MODULE": "broadsheet.settings", "STATIC_ROOT": str(folder / "static")}
    env["BROADSHEET_VAR_DIR"] = str(folder / "var")
    subprocess.run([*MANAGE, "collectstatic", "--noinput", "-v0"], env=env, check=True, timeout=600)
    return folder / "static"


class PrivateRedis:
    def __init__(self) -> None:
        self.port = free_port()
        self.process: subprocess.Popen | None = None
        self.start()

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        argv = [
            "redis-server",
            "--port",
            str(self.port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
        ]
        self.process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wait_for(
            lambda: (
                subprocess.run([REDIS_CLI, "-p", str(self.port), "ping"], capture_output=True).returncode == 0
            ),
            10,
            "the private Redis to answer",
        )

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)


SETUP_SITE = """
from wagtail.models import Page, Site
from news.models import ArticleAuthor, ArticlePage, Author, HomePage, SectionPage
root = Page.get_first_root_node()
home = root.add_child(instance=HomePage(title="Faults Gazette", slug="faults-home"))
home.save_revision().publish()
Site.objects.update_or_create(
    is_default_site=True, defaults={"hostname": "127.0.0.1", "port": PORT, "root_page": home}
)
section = home.add_child(instance=SectionPage(title="Local", slug="local"))
section.save_revision().publish()
article = ArticlePage(title="The harbour wall holds", slug="harbour-wall", standfirst="Calm.", body=[])
article.author_links = [ArticleAuthor(author=Author.objects.create(name="Ada", slug="ada"))]
section.add_child(instance=article)
article.save_revision().publish()
print(article.pk, article.url)
"""


class RunningSite:
    """``manage.py runsite`` on a fresh database, with a page to read and comment on."""

    def __init__(self, folder: Path, smtp_port: int, static_root: Path, **env: str) -> None:
        self.folder = folder
        self.port = free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        self.env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL", "SITE_URL"}}
        self.env.update(
            DJANGO_SETTINGS_MODULE="broadsheet.settings",
            BROADSHEET_PROFILE="embedded",
            BROADSHEET_VAR_DIR=str(folder),
            SCHEDULER_TICK_SECONDS="1",
            TRUSTED_PROXIES="127.0.0.1",  # each simulated reader has its own address
            EMAIL_HOST="127.0.0.1",
            EMAIL_PORT=str(smtp_port),
            EMAIL_TIMEOUT="5",
            NEWSLETTER_SEND_RATE="0",
            NEWSLETTER_RETRY_SECONDS="1",
            NEWSLETTER_RELAY_EVERY_SECONDS="2",
            NEWSLETTER_SUBSCRIBE_LIMIT="100000",
            STATIC_ROOT=str(static_root),
            **env,
        )
        self.manage("migrate", "--noinput", "-v0")
        script = SETUP_SITE.replace("PORT", str(self.port))
        article_id, self.article_path = self.manage("shell", "-c", script).split()[-2:]
        self.article_id = int(article_id)
        log = (folder / "runsite.log").open("ab")
        self.process = subprocess.Popen(
            [*MANAGE, "runsite", "--port", str(self.port), "--workers", "1"],
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        log.close()
        wait_for(self._answers, 90, "runsite to serve")
        wait_for(lambda: len(living_descendants(self.process.pid)) >= 4, 30, "every process to start")
        # A site that has served its pages once: the first view of a fresh site creates its
        # settings rows (the Publication, comment settings), a write no reader causes later.
        for path in ("/", self.article_path, "/newsletter/"):
            with urllib.request.urlopen(self.base_url + path, timeout=60) as response:
                assert response.status == 200

    def manage(self, *args: str) -> str:
        done = subprocess.run([*MANAGE, *args], env=self.env, capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stderr
        return done.stdout

    def _answers(self) -> bool:
        try:
            with urllib.request.urlopen(self.base_url + "/healthz", timeout=2) as response:
                return response.status == 200
        except OSError:
            return False

    def children(self) -> list[int]:
        path = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        return [int(pid) for pid in path.read_text().split()] if path.exists() else []

    def all_running(self) -> bool:
        """runsite and its web server, worker and scheduler are all up."""
        return self.process.poll() is None and len(self.children()) == 3

    def log(self) -> str:
        return (self.folder / "runsite.log").read_text(errors="replace")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
