from django.urls import path

from .views import claim, directory, drafts, matching, requests

app_name = "people"

urlpatterns = [
    path("", directory.directory, name="directory"),
    path("me/", directory.my_profile, name="me"),
    path("<int:pk>/", directory.profile_detail, name="profile"),
    path("<int:pk>/edit/", directory.profile_edit, name="edit"),
    path("<int:pk>/state/", directory.profile_state, name="state"),
    path("<int:pk>/works/", directory.works, name="works"),
    path("<int:pk>/ask/", requests.ask, name="ask"),
    path("questions/<int:pk>/", matching.question_experts, name="question_experts"),
    path("projects/<int:pk>/", matching.project_experts, name="project_experts"),
    path("gaps/", matching.question_gaps, name="gaps"),
    path("drafts/", drafts.draft_list, name="drafts"),
    path("drafts/<int:pk>/assign/", drafts.draft_assign, name="assign"),
    path("drafts/<int:pk>/claim/", claim.draft_claim, name="claim"),
    path("requests/", requests.request_list, name="requests"),
    path("requests/<int:pk>/", requests.request_detail, name="request"),
]
