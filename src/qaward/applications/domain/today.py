"""The office's today (Asia/Shanghai): call windows, publicity dates and bans are counted in days."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone


def local_today() -> dt.date:
    return timezone.localdate()
