#!/usr/bin/env python
"""Django's command-line utility for qaward (settings: qaward.settings)."""

import os
import sys
from pathlib import Path


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "qaward.settings")
    # The project uses a src/ layout; this keeps manage.py usable before `pip install -e .`.
    src = Path(__file__).resolve().parent / "src"
    if str(src) not in sys.path:
        sys.path.insert(0, str(src))
    if "DEBUG" not in os.environ and "SECRET_KEY" not in os.environ:
        # A checkout with no configuration at all is a developer's: development mode. A server
        # is configured (SECRET_KEY at least), so it keeps the secure default DEBUG=false.
        os.environ["DEBUG"] = "true"
    from django.core.exceptions import ImproperlyConfigured
    from django.core.management import execute_from_command_line

    try:
        from django.conf import settings

        settings.INSTALLED_APPS  # noqa: B018 — load settings now, so a configuration error is shown plainly
    except ImproperlyConfigured as exc:
        sys.exit(f"Configuration error: {exc}")
    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
