from django.urls import path

from . import views

app_name = "taxonomy"

urlpatterns = [
    path("topics/", views.topics, name="topics"),
    path("topics/add/", views.topic_edit, name="topic_add"),
    path("topics/<int:pk>/edit/", views.topic_edit, name="topic_edit"),
    path("priorities/", views.priorities, name="priorities"),
    path("priorities/add/", views.priority_edit, name="priority_add"),
    path("priorities/<int:pk>/edit/", views.priority_edit, name="priority_edit"),
]
