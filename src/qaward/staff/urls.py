from django.urls import path

from qaward.staff import views, views_rulebooks

app_name = "staff"

urlpatterns = [
    path("", views.home, name="home"),
    path("rulebooks/", views_rulebooks.rulebook_list, name="rulebooks"),
    path("rulebooks/compare/", views_rulebooks.rulebook_compare, name="rulebook_compare"),
    path("rulebooks/<slug:rulebook_id>/text/", views_rulebooks.rulebook_text, name="rulebook_text"),
]
