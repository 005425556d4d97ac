from django.urls import path

from . import views

app_name = "organisations"

urlpatterns = [
    path("", views.organisations, name="list"),
    path("add/", views.organisation_edit, name="add"),
    path("<int:pk>/", views.organisation_detail, name="detail"),
    path("<int:pk>/edit/", views.organisation_edit, name="edit"),
    path("<int:pk>/teams/add/", views.team_edit, name="team_add"),
    path("<int:pk>/teams/<int:team_pk>/edit/", views.team_edit, name="team_edit"),
]
