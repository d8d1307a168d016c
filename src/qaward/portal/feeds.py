"""RSS and Atom feeds of a program's new notices: call notices and publicity windows."""

from __future__ import annotations

from datetime import datetime, time

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from qaward.permissions import public_view
from qaward.portal import queries
from qaward.programs.models import AwardProgram, CallNotice

FEED_SIZE = 30


def _at_midnight(day) -> datetime:
    return datetime.combine(day, time.min, tzinfo=timezone.get_default_timezone())


class NoticeFeed(Feed):
    def get_object(self, request, slug):
        return get_object_or_404(AwardProgram, slug=slug, active=True)

    def title(self, program):
        return _("%(program)s: notices and publicity") % {"program": program.name}

    def link(self, program):
        return reverse("portal:program", args=[program.slug])

    def description(self, program):
        return _("Calls for applications and publicity lists published by %(office)s.") % {
            "office": program.office_name
        }

    def items(self, program):
        notices = list(queries.notices(program, limit=FEED_SIZE))
        windows = list(
            queries.publicity.public_windows().filter(program=program).order_by("-opened_at")[:FEED_SIZE]
        )
        items = notices + windows
        items.sort(key=self.item_pubdate, reverse=True)
        return items[:FEED_SIZE]

    def item_title(self, item):
        if isinstance(item, CallNotice):
            return f"{item.title}（{item.doc_no}）"
        return item.title

    def item_description(self, item):
        return item.body

    def item_link(self, item):
        if isinstance(item, CallNotice):
            return reverse("portal:notice", args=[item.pk])
        return reverse("portal:window", args=[item.pk])

    def item_guid(self, item):
        return f"{'notice' if isinstance(item, CallNotice) else 'publicity'}-{item.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        if isinstance(item, CallNotice):
            return _at_midnight(item.published_on)
        return item.opened_at

    def item_updateddate(self, item):
        return item.created_at if isinstance(item, CallNotice) else item.updated_at


class AtomNoticeFeed(NoticeFeed):
    feed_type = Atom1Feed

    def subtitle(self, program):
        return self.description(program)


rss_feed = public_view(NoticeFeed())
atom_feed = public_view(AtomNoticeFeed())
