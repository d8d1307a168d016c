"""Demo data of this app, loaded by `manage.py load_demo` after programs and accounts.

`load(report)` must be idempotent (a second run creates nothing) and go through domain
functions, so the demo's changes are audited like real ones. `report(text)` prints one line.
"""


def load(report) -> None:
    return None
