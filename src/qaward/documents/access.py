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


def _application_of(stored_file):
    from qaward.experts.domain.queries import application_of_file

    return application_of_file(stored_file)


def applicant_may_see(user, stored_file) -> bool:
    """A contact of the applicant whose application the file belongs to (their own materials,
    letters the office sent them), trade-secret ones included: the secret is theirs."""
    from qaward.applications.domain.actors import is_contact_of

    application = _application_of(stored_file)
    return application is not None and is_contact_of(user, application)


def recommender_may_see(user, stored_file) -> bool:
    """A user of the recommending unit the file's application is routed to (it checks the
    materials). The download rule keeps trade-secret files from them."""
    from qaward.applications.domain.actors import is_recommender_for

    application = _application_of(stored_file)
    return application is not None and is_recommender_for(user, application)
