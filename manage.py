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
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
