from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("account/", views.account_settings, name="settings"),
    path("account/api-tokens/", views.api_tokens, name="api_tokens"),
    path("invitation/<str:token>/", views.invitation_accept, name="invitation_accept"),
    path("manage/people/", views.people, name="people"),
    path("manage/people/invite/", views.person_invite, name="invite"),
    path("manage/people/<int:pk>/", views.person_detail, name="person"),
    path("manage/people/<int:pk>/deactivate/", views.person_deactivate, name="deactivate"),
    path("manage/people/<int:pk>/reactivate/", views.person_reactivate, name="reactivate"),
    path(
        "manage/people/<int:pk>/memberships/<int:membership_pk>/remove/",
        views.membership_remove,
        name="membership_remove",
    ),
    path("manage/invitations/<int:pk>/cancel/", views.invitation_cancel, name="invitation_cancel"),
]
