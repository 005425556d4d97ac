from django.urls import path

from .views import asking, home, questions, rounds, triage

app_name = "agenda"

urlpatterns = [
    path("", home.home, name="home"),
    path("ask/", asking.ask, name="ask"),
    path("notices/", home.notices, name="notices"),
    path("triage/", triage.queue, name="triage_queue"),
    path("rounds/", rounds.round_list, name="rounds"),
    path("rounds/open/", rounds.round_open, name="round_open"),
    path("rounds/<int:pk>/", rounds.round_detail, name="round"),
    path("rounds/<int:pk>/ballot/", rounds.ballot, name="ballot"),
    path("rounds/<int:pk>/ballot/order/", rounds.ballot_order, name="ballot_order"),
    path("rounds/<int:pk>/results/", rounds.results, name="round_results"),
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
