"""Writes of the vetting app (each atomic and audited); reads in ``domain/queries.py``.

- ``recommender``: the recommending unit's checklist, credit check, publicity window and 审核意见;
- ``consultations``: department opinions sought by the unit or the office;
- ``formal``: the office's formal review, acceptance and the acceptance list;
- ``letters``: the non-acceptance letter (PDF) and the applicant's notification.
"""
