"""Triggers that refuse UPDATE and DELETE on the audit table (see qaward.audit.triggers)."""

from django.db import migrations

from qaward.audit.triggers import (
    POSTGRESQL_INSTALL,
    POSTGRESQL_REMOVE,
    SQLITE_INSTALL,
    SQLITE_REMOVE,
    RunSQLForVendor,
)


class Migration(migrations.Migration):
    dependencies = [("audit", "0001_initial")]

    operations = [
        RunSQLForVendor("postgresql", sql=POSTGRESQL_INSTALL, reverse_sql=POSTGRESQL_REMOVE),
        RunSQLForVendor("sqlite", sql=SQLITE_INSTALL, reverse_sql=SQLITE_REMOVE),
    ]
