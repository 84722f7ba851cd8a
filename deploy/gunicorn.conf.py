"""gunicorn for one app server of the portal (deploy/systemd/portal@.service starts one per port).

Sync workers: each request is mostly database and template work, so a worker per
request in flight and ``2 × cores + 1`` workers keep the cores busy while others wait
on PostgreSQL. GUNICORN_WORKERS overrides it (the scale-out test runs two each).
"""

import multiprocessing
import os

workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
worker_class = "sync"
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))  # the draw runs in db_worker, never in a request
graceful_timeout = 20  # on stop, requests in flight finish; nginx sends new ones to the other servers
max_requests = 2000  # a worker is replaced now and then, so a slow leak cannot grow for ever
max_requests_jitter = 200
# Only nginx on this machine may say which scheme the visitor used (X-Forwarded-Proto).
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")
accesslog = "-"
errorlog = "-"
