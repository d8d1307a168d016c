from django.urls import path

from qaward.vetting.views import office, recommender, shared

app_name = "vetting"

urlpatterns = [
    path("recommend/", recommender.recommender_queue, name="recommender_queue"),
    path("recommend/<str:reference>/", recommender.recommender_review, name="recommender_review"),
    path("office/", office.office_queue, name="office_queue"),
    path("office/<str:reference>/", office.office_review, name="office_review"),
    path("cycles/<int:pk>/acceptance/", office.acceptance_list, name="acceptance_list"),
    path("consultations/", shared.consultations, name="consultations"),
    path("consultations/<int:pk>/answer/", shared.answer_consultation, name="answer_consultation"),
    path("letters/<int:pk>/", shared.letter, name="letter"),
]
