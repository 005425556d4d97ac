from django.urls import path

from .views import glossary, reading, workflow, writing

app_name = "briefs"

urlpatterns = [
    path("", reading.brief_list, name="list"),
    path("new/", writing.brief_new, name="new"),
    path("<int:pk>/", reading.brief_detail, name="brief"),
    path("<int:pk>/read/", reading.read_mark, name="read"),
    path("<int:pk>/feedback/", reading.feedback, name="feedback"),
    path("<int:pk>/brief.pdf", reading.brief_pdf, name="pdf"),
    path("<int:pk>/brief.docx", reading.brief_docx, name="docx"),
    path("<int:pk>/team-pack.pdf", reading.team_pack_pdf, name="team_pack"),
    path("<int:pk>/edit/", writing.brief_edit, name="edit"),
    path("<int:pk>/autosave/", writing.autosave, name="autosave"),
    path("<int:pk>/cite/", writing.cite, name="cite"),
    path("references/<int:pk>/remove/", writing.citation_remove, name="citation_remove"),
    path("<int:pk>/images/", writing.image_upload, name="image_upload"),
    path("images/<int:pk>/", writing.image, name="image"),
    path("<int:pk>/review/", workflow.review_request, name="review_request"),
    path("<int:pk>/review/decide/", workflow.review_decide, name="review_decide"),
    path("<int:pk>/publish/", workflow.publish, name="publish"),
    path("<int:pk>/withdraw/", workflow.withdraw, name="withdraw"),
    path("<int:pk>/new-version/", workflow.new_version, name="new_version"),
    path("<int:pk>/comments/", workflow.comments, name="comments"),
    path("comments/<int:pk>/resolve/", workflow.comment_resolve, name="comment_resolve"),
    path("<int:pk>/history/", workflow.history, name="history"),
    path("glossary/", glossary.glossary, name="glossary"),
    path("glossary/<int:pk>/delete/", glossary.term_delete, name="glossary_delete"),
]
