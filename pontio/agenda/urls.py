from django.urls import path

from . import feeds
from .views import asking, home, public, questions, rounds, steering, triage

app_name = "agenda"

urlpatterns = [
    path("", home.home, name="home"),
    path("ask/", asking.ask, name="ask"),
    path("notices/", home.notices, name="notices"),
    path("organisations/<int:organisation_pk>/", public.agenda_page, name="organisation_agenda"),
    path(
        "organisations/<int:organisation_pk>/feed/",
        feeds.agenda_feed,
        name="organisation_agenda_feed",
    ),
    path("triage/", triage.queue, name="triage_queue"),
    path("rounds/", rounds.round_list, name="rounds"),
    path("rounds/open/", rounds.round_open, name="round_open"),
    path("rounds/<int:pk>/", rounds.round_detail, name="round"),
    path("rounds/<int:pk>/ballot/", rounds.ballot, name="ballot"),
    path("rounds/<int:pk>/ballot/order/", rounds.ballot_order, name="ballot_order"),
    path("rounds/<int:pk>/results/", rounds.results, name="round_results"),
    path("rounds/<int:pk>/workshop/", rounds.workshop, name="workshop"),
    path("steering/", steering.meeting_list, name="meetings"),
    path("steering/new/", steering.meeting_new, name="meeting_new"),
    path("steering/<int:pk>/", steering.meeting_detail, name="meeting"),
    path("steering/<int:pk>/edit/", steering.meeting_edit, name="meeting_edit"),
    path("steering/<int:pk>/items/add/", steering.item_add, name="item_add"),
    path("steering/items/<int:pk>/remove/", steering.item_remove, name="item_remove"),
    path("steering/<int:pk>/decide/", steering.decide, name="decide"),
    path("steering/<int:pk>/actions/add/", steering.follow_up_add, name="follow_up_add"),
    path("steering/actions/<int:pk>/done/", steering.follow_up_mark, name="follow_up_mark"),
    path("steering/<int:pk>/pack.pdf", steering.meeting_pack_pdf, name="pack_pdf"),
    path("steering/<int:pk>/pack.docx", steering.meeting_pack_docx, name="pack_docx"),
    path("questions/<int:pk>/", questions.question_detail, name="question"),
    path("questions/<int:pk>/edit/", asking.question_edit, name="question_edit"),
    path("questions/<int:pk>/support/", questions.support, name="support"),
    path("questions/<int:pk>/support/withdraw/", questions.support_withdraw, name="withdraw"),
    path("questions/<int:pk>/follow/", questions.follow, name="follow"),
    path("questions/<int:pk>/triage/", triage.question_triage, name="triage"),
    path("questions/<int:pk>/triage/move/", triage.move, name="triage_move"),
    path("questions/<int:pk>/triage/rephrase/", triage.rephrase, name="triage_rephrase"),
    path("questions/<int:pk>/triage/clarify/", triage.clarify, name="triage_clarify"),
    path("questions/<int:pk>/triage/answered/", triage.answered, name="triage_answered"),
    path(
        "questions/<int:pk>/triage/out-of-scope/", triage.out_of_scope, name="triage_out_of_scope"
    ),
    path("questions/<int:pk>/triage/merge/", triage.merge, name="triage_merge"),
]
