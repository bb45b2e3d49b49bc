from django.urls import path

from . import views

urlpatterns = [
    path("knowledge/", views.ask, name="knowledge_ask"),
    path("knowledge/questions/<int:pk>/feedback/", views.feedback, name="knowledge_feedback"),
    path("knowledge/log/", views.question_log, name="knowledge_log"),
    path("knowledge/examples/", views.example_list, name="knowledge_examples"),
    path("knowledge/examples/new/", views.example_new, name="knowledge_example_new"),
    path("knowledge/examples/<int:pk>/publish/", views.example_publish, name="knowledge_example_publish"),
    path("knowledge/examples/export.json", views.example_export, name="knowledge_example_export"),
    path("knowledge/examples/import/", views.example_import, name="knowledge_example_import"),
    path("knowledge/know-how/", views.know_how, name="knowledge_know_how"),
    path("knowledge/know-how/<int:pk>/review/", views.know_how_review, name="knowledge_know_how_review"),
]
