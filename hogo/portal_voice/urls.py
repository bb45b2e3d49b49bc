from django.urls import path

from . import views

urlpatterns = [
    path("notices/", views.my_notices, name="my_notices"),
    path("notices/<int:pk>/", views.my_notice, name="my_notice"),
    path("notices/<int:pk>/pdf", views.my_notice_pdf, name="my_notice_pdf"),
    path("certificates/<str:kind>/", views.my_certificate, name="my_certificate"),
    path("voice/", views.my_voice, name="my_voice"),
    path("voice/surveys/<int:pk>/", views.my_survey, name="my_survey"),
    path("voice/guides/<int:pk>/", views.my_guide, name="my_guide"),
]
