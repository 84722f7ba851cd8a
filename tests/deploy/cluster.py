"""Two app servers behind nginx on one PostgreSQL, one Redis and one task worker, for real.

Everything is started from the files in deploy/: the app servers and the worker from the
``ExecStart`` of their systemd units (paths mapped onto this checkout), nginx from
``deploy/nginx/portal.conf.template`` rendered as the deployment guide renders it.
"""

import http.client
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import psycopg
from django.conf import settings

from tests.servers import Nginx, Redis, free_port, wait_for_port, wait_for_url

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
VENV_BIN = Path(sys.executable).parent


def exec_starts(unit, instance=""):
    """Every command of ``deploy/systemd/<unit>``, in order, with /srv/portal read as this checkout."""
    text = (DEPLOY / "systemd" / unit).read_text()
    commands = []
    for line in text.splitlines():
        if line.startswith("ExecStart="):
            command = line.removeprefix("ExecStart=").replace("%i", instance)
            command = command.replace("/srv/portal/.venv/bin/", f"{VENV_BIN}/").replace("/srv/portal", str(ROOT))
            commands.append(command.split())
    return commands


def exec_start(unit, instance=""):
    """The one command of a long-running unit."""
    (command,) = exec_starts(unit, instance)
    return command


class Cluster:
    def __init__(self):
        self.dir = Path(tempfile.mkdtemp(prefix="portal-cluster-"))
        os.chmod(self.dir, 0o755)  # nginx's workers read the static files
        self.redis = Redis()
        self.app_ports = [free_port(), free_port()]
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.processes = {}
        admin = settings.DATABASES["default"]
        self.database = f"portal_cluster_{os.getpid()}"
        self.server = {key: admin[key.upper()] for key in ("user", "password", "host", "port")}
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "portal.settings.production",
            "DJANGO_SECRET_KEY": "cluster-test-key-not-secret-0123456789abcdef",
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
            "DJANGO_SECURE_SSL_REDIRECT": "0",  # TLS would end in front of nginx
            "DJANGO_HSTS_SECONDS": "0",
            "DATABASE_URL": "postgres://{user}:{password}@{host}:{port}/".format(**self.server) + self.database,
            "CACHE_URL": self.redis.url,
            "TASKS_BACKEND": "django_tasks_db.DatabaseBackend",
            "EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend",
            "DJANGO_STATIC_ROOT": str(self.dir / "static"),
            "DJANGO_MEDIA_ROOT": str(self.dir / "media"),
            "PORTAL_TRUSTED_PROXIES": "127.0.0.1",
            "WAGTAILADMIN_BASE_URL": self.base,
            "GUNICORN_WORKERS": "2",
            "DJANGO_LOG_LEVEL": "WARNING",
            "SEARCH_BACKEND": "database",
            # 50 guests register from nginx's one address here and none confirms their email; the rate
            # limits and the cap on unconfirmed holds are tested in tests/security
            "RATE_LIMITS": "off",
            "REGISTRATION_UNCONFIRMED_SHARE": "1",
            # the editor publishes through the admin form; two-factor sign-in is tested in tests/security
            "ADMIN_TWO_FACTOR_REQUIRED": "0",
        }

    # -- lifecycle ---------------------------------------------------------------------------

    def start(self):
        self._create_database()
        self.manage("migrate", "--noinput")
        self.manage("load_initial_data")
        self.manage("collectstatic", "--noinput")
        self.redis.start()
        for port in self.app_ports:
            self.start_app(port)
        self.processes["worker"] = self._spawn("worker", exec_start("portal-worker.service"))
        self._start_nginx()
        for port in self.app_ports:
            wait_for_url(f"http://127.0.0.1:{port}/healthz")
        wait_for_url(self.base + "/healthz")
        return self

    def start_app(self, port):
        self.processes[port] = self._spawn(f"app-{port}", exec_start("portal@.service", str(port)))
        wait_for_port(port, 60)

    def stop_app(self, port):
        """As ``systemctl stop``: SIGTERM, requests in flight finish (gunicorn's graceful stop)."""
        process = self.processes.pop(port)
        process.send_signal(signal.SIGTERM)
        process.wait(40)

    def stop(self):
        for name, process in list(self.processes.items()):
            if process.poll() is None:
                process.send_signal(signal.SIGQUIT if name == "nginx" else signal.SIGTERM)
                try:
                    process.wait(30)
                except subprocess.TimeoutExpired:
                    process.kill()
        self.redis.stop()
        with psycopg.connect(**self._admin(), autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{self.database}" WITH (FORCE)')

    def log(self, name):
        return (self.dir / f"{name}.log").read_text(errors="replace")

    # -- helpers -----------------------------------------------------------------------------

    def run(self, command):
        """A command as a timer's unit runs it, against the cluster."""
        return subprocess.run(command, cwd=ROOT, env=self.env, capture_output=True, text=True, timeout=300)

    def manage(self, *args):
        result = subprocess.run(
            [sys.executable, "manage.py", *args], cwd=ROOT, env=self.env, capture_output=True, text=True, timeout=600
        )
        assert result.returncode == 0, f"manage.py {' '.join(args)}:\n{result.stdout}\n{result.stderr}"
        return result.stdout

    def python(self, code):
        """Run ``code`` in Django on the cluster's database; it prints one JSON value."""
        return json.loads(self.manage("shell", "-c", code).strip().splitlines()[-1])

    def _admin(self):
        return {**{k: v for k, v in self.server.items() if k != "port"}, "port": self.server["port"] or 5432}

    def _create_database(self):
        with psycopg.connect(dbname="postgres", **self._admin(), autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{self.database}" WITH (FORCE)')
            connection.execute(f'CREATE DATABASE "{self.database}"')

    def _spawn(self, name, command):
        log = open(self.dir / f"{name}.log", "w")  # noqa: SIM115 (closed with the process)
        return subprocess.Popen(command, cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT)

    def _start_nginx(self):
        self.nginx = Nginx(self.dir, self.port, self.app_ports, self.dir / "static", self.dir / "media").start()
        self.processes["nginx"] = self.nginx.process


class Browser:
    """A visitor's browser, as far as these tests need one: cookies kept, no redirect followed.

    Cookies are kept by hand: the production settings mark them Secure, and the test speaks
    plain HTTP to nginx, as a TLS terminator in front of it would.
    """

    def __init__(self, base):
        self.base = base
        self.cookies = {}

    def request(self, method, path, data=None, headers=None):
        address = urlsplit(self.base)
        connection = http.client.HTTPConnection(address.hostname, address.port, timeout=60)
        headers = {"Host": address.netloc, **(headers or {})}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        body = None
        if data is not None:
            body = urlencode(data)
            headers.update({"Content-Type": "application/x-www-form-urlencoded", "Origin": self.base})
            headers.setdefault("Referer", self.base + path)
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            content = response.read().decode("utf-8", "replace")
        finally:
            connection.close()
        for header in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                if morsel["max-age"] == "0":
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = morsel.value
        return response.status, response.headers, content

    def get(self, path, **headers):
        return self.request("GET", path, headers=headers)

    def post(self, path, data, **headers):
        return self.request("POST", path, data=data, headers=headers)

    def token(self, path):
        status, _headers, content = self.get(path)
        assert status == 200, (path, status)
        return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', content).group(1)

    def sign_in(self, email, password):
        path = "/fr/accounts/login/"
        status, headers, content = self.post(
            path, {"csrfmiddlewaretoken": self.token(path), "login": email, "password": password}
        )
        assert status == 302, content[:2000]
