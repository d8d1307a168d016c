"""Registration, approval of recommender accounts, invitations and role management."""

from django.urls import path

from qaward.accounts import views_roles as views
from qaward.accounts import views_users

app_name = "roles"

urlpatterns = [
    path("register/applicant/", views.register_applicant, name="register_applicant"),
    path("register/recommender/", views.register_recommender, name="register_recommender"),
    path("register/recommender/units/", views.recommender_units, name="recommender_units"),
    path("invitations/accept/<str:token>/", views.accept_invitation, name="accept_invitation"),
    path("me/", views.my_account, name="my_account"),
    path("programs/<slug:slug>/roles/", views.program_roles, name="program_roles"),
    path("roles/<int:pk>/revoke/", views.revoke_role, name="revoke_role"),
    path("recommenders/pending/", views.pending_recommenders, name="pending_recommenders"),
    path("recommenders/<int:user_id>/approve/", views.approve_recommender, name="approve_recommender"),
    path("recommenders/<int:user_id>/reject/", views.reject_recommender, name="reject_recommender"),
    path("programs/<slug:slug>/invitations/", views.program_invitations, name="program_invitations"),
    path("invitations/<int:pk>/resend/", views.resend_invitation, name="resend_invitation"),
    path("users/", views_users.user_list, name="users"),
    path("users/<int:pk>/disable/", views_users.deactivate, name="deactivate_user"),
]
