"""WSGI entry point for production servers."""

import os
import sys

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ookbalans.settings")
application = get_wsgi_application()

if os.environ.get("OOKBALANS_PRELOAD") == "1":
    # Set by `ookbalans serve`, which starts gunicorn with --preload: this runs once, in the master.
    from ookbalans.operations.preload import warm

    warm()

if interval := os.environ.get("OOKBALANS_SWITCH_INTERVAL_MS"):
    # How long a thread may hold the GIL while another waits (Python's default 5 ms). Set by `ookbalans
    # serve`: a page from the cache (about 1 ms of work between two waits for the database or Redis)
    # then waits less behind a page being made in another thread of the same worker.
    sys.setswitchinterval(float(interval) / 1000)
