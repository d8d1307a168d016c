"""``manage.py flush`` that can empty the audit table on SQLite too.

Django's test runner flushes the database after every transactional test (``transaction=True``,
live-server and browser tests). On PostgreSQL ``flush`` uses TRUNCATE, which row triggers do not
see; on SQLite it uses DELETE, which the audit table's append-only trigger refuses. This command
lifts that trigger for the flush alone and reinstalls it in the same transaction, so a failure
leaves it in place. Flushing wipes every table, audit log included, on either database: it is
never part of running the site.
"""

from __future__ import annotations

from django.core.management.commands import flush
from django.db import connections, transaction

from qaward.audit.triggers import SQLITE_INSTALL, SQLITE_REMOVE, TABLE


class Command(flush.Command):
    def handle(self, **options) -> None:
        connection = connections[options["database"]]
        if connection.vendor != "sqlite" or TABLE not in connection.introspection.table_names():
            return super().handle(**options)
        with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
            for statement in SQLITE_REMOVE:
                cursor.execute(statement)
            super().handle(**options)
            for statement in SQLITE_INSTALL:
                cursor.execute(statement)
