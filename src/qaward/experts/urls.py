from django.urls import path

from qaward.experts.views import conflicts, mine, panels, pool

app_name = "experts"

urlpatterns = [
    path("", pool.home, name="home"),
    path("mine/", mine.my_work, name="mine"),
    path("mine/seat/<int:pk>/answer/", mine.respond, name="respond"),
    path("mine/seat/<int:pk>/declare/<int:application_pk>/", mine.declare, name="declare"),
    path("recusal/<int:pk>/", conflicts.request_recusal, name="request_recusal"),
    path("conflict/<int:pk>/decide/", conflicts.decide, name="decide_conflict"),
    path("panel/<int:pk>/<str:action>/", panels.panel_action, name="panel_action"),
    path("seat/<int:pk>/<str:action>/", panels.member_action, name="member_action"),
    path("<slug:slug>/", pool.pool_list, name="pool"),
    path("<slug:slug>/new/", pool.expert_new, name="expert_new"),
    path("<slug:slug>/export.xlsx", pool.export, name="export"),
    path("<slug:slug>/import/", pool.import_pool, name="import"),
    path("<slug:slug>/expert/<int:pk>/", pool.expert_detail, name="expert"),
    path("<slug:slug>/expert/<int:pk>/edit/", pool.expert_edit, name="expert_edit"),
    path("<slug:slug>/expert/<int:pk>/<str:action>/", pool.expert_action, name="expert_action"),
    path("<slug:slug>/conflicts/", conflicts.queue, name="conflicts"),
    path("<slug:slug>/conflicts/pin/", conflicts.pin, name="pin_conflict"),
    path("<slug:slug>/cycle/<int:number>/detect/", conflicts.detect, name="detect_conflicts"),
    path("<slug:slug>/cycle/<int:number>/panels/", panels.builder, name="panels"),
    path("<slug:slug>/cycle/<int:number>/panels/new/", panels.create, name="create_panels"),
    path("<slug:slug>/cycle/<int:number>/panels/solve/", panels.solve, name="solve"),
    path("<slug:slug>/cycle/<int:number>/workload/", panels.workload, name="workload"),
]
