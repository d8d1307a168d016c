"""Expert access to files, decided by the expert app.

An expert sees an application's files only while seated and accepted on a panel that reviews it
and is not dissolved, having declared no conflict for it on that panel, and with no pending or
upheld conflict of interest about it (``experts.domain.queries.expert_may_see_application``).
The download rule (``documents.rules``) calls this for trade-secret files and ordinary ones.
"""

from __future__ import annotations


def expert_may_see(user, stored_file) -> bool:
    """True when ``user`` is an expert who may review the application ``stored_file`` belongs to."""
    from qaward.experts.domain.queries import application_of_file, expert_may_see_application

    application = application_of_file(stored_file)
    return application is not None and expert_may_see_application(user, application)
