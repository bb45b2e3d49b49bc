from django.urls import path

from . import views

urlpatterns = [
    path("knowledge/", views.ask, name="knowledge_ask"),
    path("knowledge/questions/<int:pk>/feedback/", views.feedback, name="knowledge_feedback"),
    path("knowledge/log/", views.question_log, name="knowledge_log"),
]
