"""Hooks for access that depends on apps not built yet.

Experts see an application's files only while assigned to it and not conflicted. Experts,
panels, assignments and conflicts arrive with the expert work (issue 6); until then no expert
sees any file through this hook. Replace the body then — the download rule
(``documents.rules``) already calls it, for trade-secret files and for ordinary ones.
"""

from __future__ import annotations


def expert_may_see(user, stored_file) -> bool:
    """True when ``user`` is an expert assigned to the application ``stored_file`` belongs to,
    with no declared or detected conflict of interest. Always False for now."""
    return False
