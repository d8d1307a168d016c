from django.urls import path

from qaward.programs import views_cycles

app_name = "programs"

urlpatterns = [
    path("<slug:slug>/cycles/", views_cycles.cycle_list, name="cycles"),
    path("<slug:slug>/cycles/open/", views_cycles.cycle_open, name="cycle_open"),
    path("<slug:slug>/cycles/<int:number>/notice/", views_cycles.cycle_notice, name="cycle_notice"),
]
