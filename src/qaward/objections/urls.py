from django.urls import path

from qaward.objections import views_complaints, views_public, views_staff

app_name = "objections"

urlpatterns = [
    # Public (no account)
    path("file/<int:entry_id>/", views_public.file, name="file"),
    path("status/", views_public.status, name="status"),
    path("status/letter/", views_public.status_letter, name="status_letter"),
    path("complain/<slug:slug>/", views_public.complain, name="complain"),
    # The office and supervisors
    path("", views_staff.index, name="index"),
    path("program/<slug:slug>/", views_staff.queue, name="queue"),
    path("program/<slug:slug>/export/", views_staff.export, name="export"),
    path("program/<slug:slug>/paper/", views_staff.paper, name="paper"),
    path("case/<int:pk>/", views_staff.case, name="case"),
    path("case/<int:pk>/<slug:action>/", views_staff.case_action, name="case_action"),
    path("letter/<int:pk>/", views_staff.letter, name="letter"),
    # Recommending units and applicants
    path("mine/", views_staff.own_cases, name="own_cases"),
    path("verification/<int:pk>/", views_staff.report, name="report"),
    # Complaints (supervisors)
    path("complaints/", views_complaints.index, name="complaints"),
    path("complaints/program/<slug:slug>/", views_complaints.queue, name="complaints_queue"),
    path("complaints/<int:pk>/", views_complaints.case, name="complaint"),
    path("complaints/<int:pk>/<slug:action>/", views_complaints.case_action, name="complaint_action"),
]
