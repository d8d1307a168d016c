from django.urls import path

from qaward.publicity import views

app_name = "publicity"

urlpatterns = [
    path("", views.index, name="index"),
    path("<slug:slug>/cycles/<int:number>/", views.cycle_windows, name="cycle_windows"),
    path("windows/<int:pk>/", views.window_detail, name="window"),
    path("windows/<int:pk>/extend/", views.window_extend, name="window_extend"),
    path("windows/<int:pk>/media/", views.window_media, name="window_media"),
]
