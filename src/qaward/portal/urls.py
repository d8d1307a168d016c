from django.urls import path
from django.views.decorators.cache import cache_control

from qaward.permissions import public_view
from qaward.portal import feeds, views

app_name = "portal"

_feed_cache = cache_control(public=True, max_age=300)

urlpatterns = [
    path("", views.home, name="home"),
    path("publicity/<int:pk>/", views.window, name="window"),
    path("notices/<int:pk>/", views.notice, name="notice"),
    path("<slug:slug>/", views.program_home, name="program"),
    path("<slug:slug>/past/", views.past, name="past"),
    path("<slug:slug>/results/", views.results, name="results"),
    path("<slug:slug>/feed/rss/", public_view(_feed_cache(feeds.rss_feed)), name="feed_rss"),
    path("<slug:slug>/feed/atom/", public_view(_feed_cache(feeds.atom_feed)), name="feed_atom"),
]
