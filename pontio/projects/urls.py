from django.urls import path

from . import feeds
from .views import register, work

app_name = "projects"

urlpatterns = [
    path("", register.project_list, name="list"),
    path("timeline/", register.timeline, name="timeline"),
    path("new/", register.project_new, name="new"),
    path("<int:pk>/", register.project_detail, name="project"),
    path("<int:pk>/edit/", register.project_edit, name="edit"),
    path("<int:pk>/status/", register.status, name="status"),
    path("<int:pk>/members/", work.members, name="members"),
    path("members/<int:pk>/remove/", work.member_remove, name="member_remove"),
    path("<int:pk>/deliverables/add/", work.deliverable_add, name="deliverable_add"),
    path("deliverables/<int:pk>/done/", work.deliverable_mark, name="deliverable_mark"),
    path("<int:pk>/progress/", work.progress_add, name="progress"),
    path("<int:pk>/invite/", work.invite, name="invite"),
    path("invitations/<int:pk>/", work.invitation, name="invitation"),
    path("<int:pk>/accept-outputs/", work.accept_outputs, name="accept_outputs"),
    path("<int:pk>/outputs/file/", work.output_file, name="output_file"),
    path("organisations/<int:organisation_pk>/feed/", feeds.projects_feed, name="feed"),
]
