"""Real servers for the tests that need them: Redis, nginx, the portal under gunicorn.

Each is started from Debian's binaries on a free loopback port, in a temporary directory,
and stopped by the test that started it. Where a binary is missing the test skips loudly
(``tests.skipping.missing``), and fails under CI's PORTAL_NO_SKIP=1.
"""

import os
import shutil
import socket
import string
import subprocess
import time
import urllib.request
from pathlib import Path

from tests.skipping import missing

TEMPLATE = Path(__file__).resolve().parents[1] / "deploy" / "nginx" / "portal.conf.template"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for_port(port, seconds=20):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise TimeoutError(f"nothing listens on port {port} after {seconds} s")


def wait_for_url(url, seconds=60):
    deadline, error = time.monotonic() + seconds, None
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.status
        except OSError as problem:  # refused, or an HTTP error while starting
            error = problem
            time.sleep(0.2)
    raise TimeoutError(f"{url} did not answer in {seconds} s: {error}")


def binary(name, *places):
    found = shutil.which(name) or next((place for place in places if shutil.os.path.exists(place)), None)
    if found is None:
        missing(f"NEEDS {name.upper()}: apt-get install {name} (CI's .ci/run does)")
    return found


class Redis:
    """A Redis with nothing saved to disk, as the deployment guide configures the cache."""

    def __init__(self):
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process = None

    def start(self):
        command = [binary("redis-server", "/usr/bin/redis-server"), "--port", str(self.port), "--bind", "127.0.0.1"]
        command += ["--save", "", "--appendonly", "no", "--maxmemory", "64mb", "--maxmemory-policy", "volatile-lru"]
        self.process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wait_for_port(self.port)
        return self

    def stop(self):
        if self.process is not None:
            self.process.terminate()
            self.process.wait(10)
            self.process = None


class Nginx:
    """Debian's nginx with the site of ``deploy/nginx/portal.conf.template``, rendered as the guide says,
    in front of the app servers on ``app_ports``; everything it writes stays in ``directory``."""

    def __init__(self, directory, port, app_ports, static_root, media_root):
        self.dir, self.port = Path(directory), port
        self.values = {
            "PORTAL_LISTEN": f"127.0.0.1:{port}",
            "PORTAL_SERVER_NAME": "127.0.0.1 localhost",
            "PORTAL_APP_SERVERS": " ".join(f"server 127.0.0.1:{p} max_fails=1 fail_timeout=10s;" for p in app_ports),
            "PORTAL_STATIC_ROOT": static_root,
            "PORTAL_MEDIA_ROOT": media_root,
            "PORTAL_LOAD_BALANCER": "192.0.2.1",  # a documentation address: no client here may name another
        }
        self.process = None

    def start(self):
        nginx = binary("nginx", "/usr/sbin/nginx")
        (self.dir / "portal.conf").write_text(string.Template(TEMPLATE.read_text()).safe_substitute(self.values))
        temp = self.dir / "nginx-temp"
        temp.mkdir(exist_ok=True)
        user = "user root;\n" if os.geteuid() == 0 else ""  # workers as root only where the tests run as root
        (self.dir / "nginx.conf").write_text(
            f"{user}daemon off;\nworker_processes 2;\npid {self.dir}/nginx.pid;\n"
            f"error_log {self.dir}/nginx-error.log;\n"
            "events { worker_connections 1024; }\n"
            f"http {{\n include /etc/nginx/mime.types;\n access_log off;\n"
            f" client_body_temp_path {temp}/body;\n proxy_temp_path {temp}/proxy;\n"
            f" fastcgi_temp_path {temp}/fastcgi;\n uwsgi_temp_path {temp}/uwsgi;\n scgi_temp_path {temp}/scgi;\n"
            f" include {self.dir}/portal.conf;\n}}\n"
        )
        log = open(self.dir / "nginx.log", "w")  # noqa: SIM115 (lives as long as the server)
        command = [nginx, "-c", str(self.dir / "nginx.conf"), "-p", str(self.dir)]
        self.process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
        wait_for_port(self.port)
        return self

    def stop(self):
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(20)
