from django.urls import path

from qaward.applications import views_editor, views_profiles

app_name = "applications"

urlpatterns = [
    path("", views_editor.my_applications, name="mine"),
    path("start/", views_editor.start, name="start"),
    path("profiles/", views_profiles.profile_list, name="profiles"),
    path("profiles/new/<str:kind>/", views_profiles.profile_new, name="profile_new"),
    path("profiles/<int:pk>/", views_profiles.profile_edit, name="profile_edit"),
    path("profiles/<int:pk>/members/", views_profiles.member_add, name="member_add"),
    path("profiles/members/<int:pk>/remove/", views_profiles.member_remove, name="member_remove"),
    path("<slug:reference>/", views_editor.overview, name="detail"),
    path("<slug:reference>/form/", views_editor.form_tab, name="form"),
    path("<slug:reference>/self-evaluation/", views_editor.self_evaluation_tab, name="self_evaluation"),
    path("<slug:reference>/materials/", views_editor.materials_tab, name="materials"),
    path("<slug:reference>/materials/<int:pk>/remove/", views_editor.material_remove, name="material_remove"),
    path("<slug:reference>/publicity/", views_editor.publicity_tab, name="publicity"),
    path("<slug:reference>/check/", views_editor.check_tab, name="check"),
    path("<slug:reference>/submit/", views_editor.submit_tab, name="submit"),
    path("<slug:reference>/save/<str:section>/", views_editor.autosave, name="autosave"),
    path("<slug:reference>/withdraw/", views_editor.withdraw, name="withdraw"),
]
