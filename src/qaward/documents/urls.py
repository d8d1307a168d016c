from django.urls import path

from qaward.documents import views

app_name = "documents"

urlpatterns = [
    path("<uuid:file_id>/", views.download, name="download"),
]
