"""WSGI entry point (gunicorn qaward.wsgi)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "qaward.settings")

application = get_wsgi_application()
