from django.urls import path

from . import views

urlpatterns = [
    path("voice/certificates/", views.voice_certificates, name="voice_certificates"),
    path("voice/certificates/<uuid:public_id>/", views.voice_certificate, name="voice_certificate"),
    path("voice/certificates/<uuid:public_id>/pdf", views.voice_certificate_pdf, name="voice_certificate_pdf"),
    path("voice/opinions/", views.voice_opinions, name="voice_opinions"),
    path("voice/surveys/", views.voice_surveys, name="voice_surveys"),
    path("voice/surveys/<uuid:public_id>/", views.voice_survey, name="voice_survey"),
    path("voice/guides/", views.voice_guides, name="voice_guides"),
    path("voice/guides/<uuid:public_id>/", views.voice_guide, name="voice_guide"),
]
