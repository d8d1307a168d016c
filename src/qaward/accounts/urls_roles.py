"""Registration, approval of recommender accounts, invitations and role management."""

app_name = "roles"
urlpatterns: list = []
