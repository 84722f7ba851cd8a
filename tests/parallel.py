"""Running jobs at the same instant in threads, each with its own database connection."""

import threading

from django.db import connection


def run_in_parallel(jobs):
    """Start every job together; re-raise in the caller any error a job met."""
    barrier = threading.Barrier(len(jobs))
    errors = []

    def run(job):
        try:
            barrier.wait(timeout=30)
            job()
        except Exception as error:  # collected and re-raised in the main thread
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(job,)) for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not errors, errors
