"""Database triggers that make the audit table append-only, per database vendor.

Installed by migration 0002. They stop the application (ORM ``update()``/``delete()``, the admin,
a stray script) from rewriting history; someone with the database owner's rights can still drop
them, which is why every event is also hash-chained and ``qaward audit verify`` exists.

SQLite caveat: when a later migration alters this table, Django's SQLite schema editor rebuilds
the table and the triggers vanish with the old one. Such a migration must re-run
``SQLITE_INSTALL`` (``tests/audit/test_triggers.py`` checks that they exist after migrating).
"""

from __future__ import annotations

from django.db import migrations

TABLE = "audit_auditevent"
REFUSAL = "audit log is append-only"

POSTGRESQL_INSTALL = [
    f"""
    CREATE OR REPLACE FUNCTION audit_auditevent_refuse_change() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
        RAISE EXCEPTION '{REFUSAL}: % on {TABLE} refused', TG_OP
            USING ERRCODE = 'restrict_violation';
    END
    $$
    """,
    f"""
    CREATE TRIGGER audit_auditevent_no_update BEFORE UPDATE ON {TABLE}
    FOR EACH ROW EXECUTE FUNCTION audit_auditevent_refuse_change()
    """,
    f"""
    CREATE TRIGGER audit_auditevent_no_delete BEFORE DELETE ON {TABLE}
    FOR EACH ROW EXECUTE FUNCTION audit_auditevent_refuse_change()
    """,
]
POSTGRESQL_REMOVE = [
    f"DROP TRIGGER IF EXISTS audit_auditevent_no_update ON {TABLE}",
    f"DROP TRIGGER IF EXISTS audit_auditevent_no_delete ON {TABLE}",
    "DROP FUNCTION IF EXISTS audit_auditevent_refuse_change()",
]

# RAISE(ABORT, …) reports SQLITE_CONSTRAINT, which Python (and Django) raise as IntegrityError,
# the same class as PostgreSQL's restrict_violation above.
SQLITE_INSTALL = [
    f"""
    CREATE TRIGGER audit_auditevent_no_update BEFORE UPDATE ON {TABLE}
    BEGIN SELECT RAISE(ABORT, '{REFUSAL}: UPDATE on {TABLE} refused'); END
    """,
    f"""
    CREATE TRIGGER audit_auditevent_no_delete BEFORE DELETE ON {TABLE}
    BEGIN SELECT RAISE(ABORT, '{REFUSAL}: DELETE on {TABLE} refused'); END
    """,
]
SQLITE_REMOVE = [
    "DROP TRIGGER IF EXISTS audit_auditevent_no_update",
    "DROP TRIGGER IF EXISTS audit_auditevent_no_delete",
]

TRIGGER_NAMES = ("audit_auditevent_no_update", "audit_auditevent_no_delete")


class RunSQLForVendor(migrations.RunSQL):
    """``RunSQL`` that runs only on one database vendor (``postgresql``, ``sqlite``)."""

    def __init__(self, vendor: str, sql, reverse_sql=None, **kwargs):
        self.vendor = vendor
        super().__init__(sql, reverse_sql, **kwargs)

    def deconstruct(self):
        name, args, kwargs = super().deconstruct()
        return name, [self.vendor, *args], kwargs

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == self.vendor:
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == self.vendor:
            super().database_backwards(app_label, schema_editor, from_state, to_state)

    def describe(self):
        return f"Raw SQL operation ({self.vendor} only)"
