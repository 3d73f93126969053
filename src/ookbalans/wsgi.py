"""WSGI entry point for production servers."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ookbalans.settings")
application = get_wsgi_application()

if os.environ.get("OOKBALANS_PRELOAD") == "1":
    # Set by `ookbalans serve`, which starts gunicorn with --preload: this runs once, in the master.
    from ookbalans.operations.preload import warm

    warm()
