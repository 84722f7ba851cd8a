"""Real OpenSearch and Elasticsearch nodes for the search tests, started from Maven Central jars.

The engines' distributions cannot be downloaded on our machines, but their server jars can: Maven
resolves them (cached in ~/.m2), ``javac`` compiles the one main class of each engine, and a JVM runs
a single node on 127.0.0.1. The tests and ``.ci/run`` use it the same way:

    python tests/search_engines/harness.py start opensearch 9251   # prints the URL once healthy
    python tests/search_engines/harness.py stop opensearch
"""

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
STATE = Path(tempfile.gettempdir()) / "portal-search-engines"
START_SECONDS = 120


@dataclass(frozen=True)
class Engine:
    name: str
    main_class: str
    backend: str  # the SEARCH_BACKEND value that speaks to it
    jvm_options: tuple = ()

    @property
    def folder(self):
        return HERE / self.name


ENGINES = {
    "opensearch": Engine(
        "opensearch",
        "OpenSearchNode",
        "opensearch2",
        ("-Dopensearch.set.netty.runtime.available.processors=false",),
    ),
    "elasticsearch": Engine("elasticsearch", "ElasticsearchNode", "elasticsearch7"),
}


class HarnessUnavailable(RuntimeError):
    """Java or Maven is missing, or the jars cannot be resolved: the engine tests cannot run here."""


def missing_tools():
    return [tool for tool in ("java", "javac", "mvn") if shutil.which(tool) is None]


def build(engine):
    """The classpath and compiled main class, rebuilt only when the pom or the source changed."""
    if missing_tools():
        raise HarnessUnavailable(f"missing {', '.join(missing_tools())}")
    out = STATE / "build" / engine.name
    out.mkdir(parents=True, exist_ok=True)
    classpath_file = out / "classpath.txt"
    pom = engine.folder / "pom.xml"
    if not classpath_file.exists() or classpath_file.stat().st_mtime < pom.stat().st_mtime:
        done = subprocess.run(
            ["mvn", "-q", "-B", "-f", str(pom), "dependency:build-classpath", f"-Dmdep.outputFile={classpath_file}"],
            capture_output=True,
            text=True,
        )
        if done.returncode != 0:
            raise HarnessUnavailable(
                f"Maven could not resolve {engine.name}: {done.stdout[-2000:]}{done.stderr[-2000:]}"
            )
    classpath = classpath_file.read_text().strip()
    source = engine.folder / f"{engine.main_class}.java"
    compiled = out / f"{engine.main_class}.class"
    if not compiled.exists() or compiled.stat().st_mtime < source.stat().st_mtime:
        done = subprocess.run(["javac", "-d", str(out), "-cp", classpath, str(source)], capture_output=True, text=True)
        if done.returncode != 0:
            raise HarnessUnavailable(f"javac failed for {engine.name}: {done.stderr[-2000:]}")
    return f"{out}{os.pathsep}{classpath}"


class Node:
    """One running engine: ``start()`` returns once the cluster answers with a usable health."""

    def __init__(self, engine, http_port):
        self.engine = engine
        self.http_port = http_port
        self.url = f"http://127.0.0.1:{http_port}"
        self.process = None
        self.home = None

    def start(self):
        """Start the node; after ``stop(keep_data=True)``, on the same data, as a restarted server would."""
        classpath = build(self.engine)
        self.home = self.home or Path(tempfile.mkdtemp(prefix=f"portal-{self.engine.name}-"))
        log = open(self.home / "node.log", "ab")  # noqa: SIM115 (the node writes to it until it stops)
        self.process = subprocess.Popen(
            [
                "java",
                "-Xms1g",
                "-Xmx1g",
                *self.engine.jvm_options,
                "-cp",
                classpath,
                self.engine.main_class,
                str(self.http_port),
                str(self.http_port + 100),
                str(self.home),
            ],
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        self.wait_until_healthy()
        return self

    def wait_until_healthy(self):
        deadline = time.monotonic() + START_SECONDS
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise HarnessUnavailable(f"{self.engine.name} stopped at start: {self.log_tail()}")
            if health(self.url) in ("green", "yellow"):
                return
            time.sleep(0.5)
        self.stop()
        raise HarnessUnavailable(f"{self.engine.name} not healthy after {START_SECONDS} s: {self.log_tail()}")

    def log_tail(self):
        return (self.home / "node.log").read_text(errors="replace")[-3000:]

    def stop(self, keep_data=False):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self.home and not keep_data:
            shutil.rmtree(self.home, ignore_errors=True)
            self.home = None


def health(url):
    try:
        with urllib.request.urlopen(f"{url}/_cluster/health", timeout=2) as response:
            return json.load(response)["status"]
    except (OSError, ValueError, KeyError):
        return None


def _pid_file(name):
    return STATE / f"{name}.pid"


def main(argv):
    """Command line for .ci/run: start a node in the background (until ``stop``), or stop it."""
    action, name = argv[0], argv[1]
    engine = ENGINES[name]
    if action == "build":
        build(engine)
    elif action == "start":
        node = Node(engine, int(argv[2])).start()
        _pid_file(name).write_text(f"{node.process.pid} {node.home}")
        print(node.url)
    elif action == "stop":
        pid, home = _pid_file(name).read_text().split()
        os.killpg(int(pid), signal.SIGTERM)
        for _ in range(40):
            try:
                os.kill(int(pid), 0)
            except ProcessLookupError:
                break
            time.sleep(0.5)
        shutil.rmtree(home, ignore_errors=True)
        _pid_file(name).unlink()
    else:
        raise SystemExit(f"unknown action {action}: build, start or stop")


if __name__ == "__main__":
    main(sys.argv[1:])
