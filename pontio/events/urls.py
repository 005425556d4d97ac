from django.urls import path

from . import views

app_name = "events"

urlpatterns = [
    path("", views.event_list, name="list"),
    path("new/", views.event_new, name="new"),
    path("<int:pk>/", views.event_detail, name="event"),
    path("<int:pk>/edit/", views.event_edit, name="edit"),
    path("<int:pk>/cancel/", views.event_cancel, name="cancel"),
    path("<int:pk>/record/", views.event_record, name="record"),
    path("<int:pk>/attend/", views.attend, name="attend"),
    path("<int:pk>/calendar.ics", views.calendar_file, name="calendar"),
]
