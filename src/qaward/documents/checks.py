"""System check: private files must not sit where static files are collected and served."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core.checks import Error, register


@register()
def private_root_not_served(app_configs=None, **kwargs):
    private = Path(getattr(settings, "QAWARD_PRIVATE_ROOT", "")).resolve()
    served = [Path(settings.STATIC_ROOT)] if settings.STATIC_ROOT else []
    served += [Path(d if isinstance(d, str | Path) else d[1]) for d in settings.STATICFILES_DIRS]
    for directory in served:
        directory = directory.resolve()
        if private == directory or directory in private.parents:
            return [
                Error(
                    f"QAWARD_PRIVATE_ROOT ({private}) lies inside {directory}, which is served as "
                    "static files.",
                    hint="Point QAWARD_PRIVATE_ROOT at a directory the web server does not serve.",
                    id="documents.E001",
                )
            ]
    return []
