"""Publicity the vetting steps run: the recommending unit's window over the applications it means
to recommend (e.g. 吉林 第十九条, ≥ 5 working days) and the office's acceptance list (受理名单,
e.g. 吉林 第二十条). Both go through ``publicity.domain.windows.open_window``."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from qaward.applications.domain.actors import acts_as
from qaward.applications.enums import ApplicationState
from qaward.applications.models import Application
from qaward.vetting.domain.base import refuse_by_rule, rulebook_of, today


def open_recommender_window(*, unit, applications: list, actor, starts_on: date | None = None,
                            workdays: int | None = None):  # fmt: skip
    """The unit publishes the applications it has reviewed. Refused with the article while an
    application's checks, credit check or department opinions are incomplete (the regulations
    publish after reviewing and consulting)."""
    from qaward.publicity.domain.windows import open_window
    from qaward.vetting.domain.recommender import readiness, review_rule

    applications = list(applications)
    if not applications:
        raise ValidationError({"applications": _("Choose the applications to publish.")})
    cycles = {a.cycle_id for a in applications}
    if len(cycles) != 1:
        raise ValidationError({"applications": _("Publish the applications of one cycle at a time.")})
    for application in applications:
        if application.recommending_unit_id != unit.pk or not acts_as(actor, application, "recommender"):
            raise ValidationError(_("You may not do this for this application."), code="not_allowed")
        if application.state != ApplicationState.SUBMITTED:
            raise ValidationError(
                {
                    "applications": _("%(ref)s is not with the recommending unit.")
                    % {"ref": application.reference}
                }
            )
    book = rulebook_of(applications[0])
    rule = review_rule(book)
    if rule is None or not rule.publicity_window:
        raise ValidationError(_("This award's regulation has the recommending unit publish nothing."))
    for application in applications:
        before_publicity = [m for m in readiness(application) if not m[0].startswith("publicity_")]
        if before_publicity:
            rule_id, message, cited = before_publicity[0]
            refuse_by_rule(
                actor=actor, action="vetting.open_recommender_window", book=book, rule=cited, rule_id=rule_id,
                message=f"{application.reference}公示前须先完成审核和征求意见：{message}", application=application,
            )  # fmt: skip
    return open_window(
        cycle=applications[0].cycle, rule_window_id=rule.publicity_window, applications=applications,
        starts_on=starts_on or today(), actor=actor, workdays=workdays, recommending_unit=unit,
    )  # fmt: skip


def acceptance_candidates(cycle):
    """Accepted applications of ``cycle`` not yet on an acceptance-list window."""
    book = rulebook_of_cycle(cycle)
    window_id = book.intake.formal_review.acceptance_window
    accepted = Application.objects.filter(cycle=cycle, state=ApplicationState.ACCEPTED)
    if window_id:
        accepted = accepted.exclude(publicity_entries__window__rule_window_id=window_id)
    return accepted.select_related("applicant").order_by("reference")


def rulebook_of_cycle(cycle):
    from qaward.rulebooks import registry

    return registry.get(cycle.rulebook_id)


def publish_acceptance_list(*, cycle, actor, starts_on: date | None = None, workdays: int | None = None):
    """Publish the acceptance list (受理名单) of ``cycle`` on the portal for the rulebook's window."""
    from qaward.accounts.domain.queries import holds_role_in, is_platform_admin
    from qaward.accounts.models import Role
    from qaward.publicity.domain.windows import open_window

    if not (holds_role_in(actor, cycle.program, [Role.OFFICE_STAFF]) or is_platform_admin(actor)):
        raise ValidationError(_("You may not do this for this application."), code="not_allowed")
    book = rulebook_of_cycle(cycle)
    window_id = book.intake.formal_review.acceptance_window
    if not window_id:
        raise ValidationError(
            _("%(title)s has no acceptance-list publicity; the accepted applications go straight to review.")
            % {"title": book.title}
        )
    applications = list(acceptance_candidates(cycle))
    if not applications:
        raise ValidationError(_("No accepted application is waiting for the acceptance list."))
    return open_window(
        cycle=cycle, rule_window_id=window_id, applications=applications, starts_on=starts_on or today(),
        actor=actor, workdays=workdays, title=f"{cycle.program.name}{cycle.label}受理名单公示",
    )  # fmt: skip
