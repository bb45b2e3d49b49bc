from django.urls import path

from . import views

urlpatterns = [
    path("offices/acting/", views.choose_office, name="choose_office"),
]
