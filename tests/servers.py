"""Real servers for the tests that need them: Redis, nginx, the portal under gunicorn.

Each is started from Debian's binaries on a free loopback port, in a temporary directory,
and stopped by the test that started it. Where a binary is missing the test skips loudly
(``tests.conftest.missing``), and fails under CI's PORTAL_NO_SKIP=1.
"""

import shutil
import socket
import subprocess
import time
import urllib.request

from tests.conftest import missing


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
