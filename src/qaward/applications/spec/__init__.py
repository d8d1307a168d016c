"""What an application consists of, derived from its rulebook: the application form's fields, the
self-evaluation items, the material items, the declarations and the facts for the engine.

Plain data and functions over a ``Rulebook`` (no database access), so the form, the self-check,
the views and the vetting app all read one definition.
"""
