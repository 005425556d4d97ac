"""The review workflow of a brief: sending it for review, the reviewer's decision, publishing,
withdrawing and new versions (each asks first where it cannot be undone), threaded comments,
and the revision history with a readable diff between any two versions."""

import difflib
from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from pontio.accounts.models import Person, Role
from pontio.briefs import services
from pontio.briefs.checks import publishing_problems
from pontio.briefs.forms import CommentForm, ReviewDecisionForm, ReviewRequestForm, WithdrawForm
from pontio.briefs.models import TEXT_FIELDS, Brief, Comment, Revision
from pontio.briefs.permissions import can_edit, can_publish, can_review, can_see_draft
from pontio.briefs.views.common import visible_brief
from pontio.core.forms import form_data
from pontio.core.permissions import person_of


def _draft_reader(request: HttpRequest, pk: int) -> Brief:
    """The brief, for someone who may see its drafts, comments and history."""
    brief = visible_brief(request, pk)
    if not can_see_draft(person_of(request), brief):
        raise PermissionDenied
    return brief


def _reviewers(brief: Brief, person: Any) -> Any:
    """Knowledge brokers of the organisation and academics: not the authors, nor the person
    sending it (someone else checks it)."""
    brokers = Q(role_assignments__role=Role.BROKER, memberships__organisation=brief.organisation)
    academics = Q(role_assignments__role=Role.ACADEMIC)
    return (
        Person.objects.filter(is_active=True)
        .filter(brokers | academics)
        .exclude(pk__in=brief.authors.values("pk"))
        .exclude(pk=person.pk)
        .distinct()
        .order_by("name")
    )


def _action_page(
    request: HttpRequest,
    brief: Brief,
    form: Any,
    act: Callable[[dict[str, Any]], object],
    done: str,
    **context: Any,
) -> HttpResponse:
    """A page with one form that moves the brief on: on a valid POST, `act` is given the
    form's data and the person goes back to the brief, told `done`; a refusal shows on the
    form. `context` gives the page its title, intro, button (and `warning`, `link`)."""
    if request.method == "POST" and form.is_valid():
        try:
            act(form.cleaned_data)
        except services.BriefError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, done)
            return redirect("briefs:brief", pk=brief.pk)
    return render(request, "briefs/workflow_action.html", {"brief": brief, "form": form, **context})


def review_request(request: HttpRequest, pk: int) -> HttpResponse:
    brief = visible_brief(request, pk)
    person = person_of(request)
    if not can_edit(person, brief):
        raise PermissionDenied
    return _action_page(
        request,
        brief,
        ReviewRequestForm(form_data(request), people=_reviewers(brief, person)),
        lambda data: services.review_request(person=person, brief=brief, **data),
        _("The brief is with its reviewer."),
        title=_("Send for review"),
        intro=_(
            "A knowledge broker or an academic who did not write it checks the brief. While it "
            "is in review, nobody can change it."
        ),
        button=_("Send it for review"),
    )


def review_decide(request: HttpRequest, pk: int) -> HttpResponse:
    brief = visible_brief(request, pk)
    person = person_of(request)
    if not can_review(person, brief):
        raise PermissionDenied
    return _action_page(
        request,
        brief,
        ReviewDecisionForm(form_data(request)),
        lambda data: services.review_decide(
            person=person, brief=brief, approve=data["decision"] == "approve", note=data["note"]
        ),
        _("Your decision is recorded."),
        title=_("Review the brief"),
        intro=_("Approve it for publishing, or ask the authors for changes and say what."),
        link=(reverse("briefs:comments", args=[brief.pk]), _("Comments on the draft")),
        button=_("Record my decision"),
    )


def publish(request: HttpRequest, pk: int) -> HttpResponse:
    """Asks first, listing anything that stops it; publishes on the confirming POST."""
    brief = visible_brief(request, pk)
    person = person_of(request)
    if not can_publish(person, brief):
        raise PermissionDenied
    problems = publishing_problems(brief)
    if request.method == "POST":
        try:
            services.brief_publish(person=person, brief=brief)
        except services.BriefError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("The brief is published."))
            return redirect("briefs:brief", pk=brief.pk)
    return render(request, "briefs/publish.html", {"brief": brief, "problems": problems})


def withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    brief = visible_brief(request, pk)
    person = person_of(request)
    if not can_publish(person, brief):
        raise PermissionDenied
    return _action_page(
        request,
        brief,
        WithdrawForm(form_data(request)),
        lambda data: services.brief_withdraw(person=person, brief=brief, **data),
        _("The brief is withdrawn: readers no longer see it."),
        title=_("Withdraw this brief?"),
        intro=_(
            "Readers will no longer see it, and it leaves search. Say why: the reason is kept "
            "with the brief."
        ),
        button=_("Withdraw it"),
        warning=True,
    )


@require_POST
def new_version(request: HttpRequest, pk: int) -> HttpResponse:
    brief = visible_brief(request, pk)
    person = person_of(request)
    if not can_publish(person, brief):
        raise PermissionDenied
    try:
        new = services.brief_new_version(person=person, brief=brief)
    except services.BriefError as error:
        messages.error(request, str(error))
        return redirect("briefs:brief", pk=brief.pk)
    messages.success(request, _("Version %(n)s is started as a draft.") % {"n": new.version})
    return redirect("briefs:edit", pk=new.pk)


def comments(request: HttpRequest, pk: int) -> HttpResponse:
    brief = _draft_reader(request, pk)
    person = person_of(request)
    form = CommentForm(form_data(request))
    if request.method == "POST" and form.is_valid():
        parent_pk = request.POST.get("parent", "")
        parent = brief.comments.filter(pk=parent_pk).first() if parent_pk.isdecimal() else None
        services.comment_add(person=person, brief=brief, parent=parent, **form.cleaned_data)
        messages.success(request, _("Your comment is added."))
        return redirect("briefs:comments", pk=brief.pk)
    threads = brief.comments.filter(parent=None).select_related("author", "resolved_by")
    threads = threads.prefetch_related(
        Prefetch("replies", queryset=Comment.objects.select_related("author"))
    )
    return render(
        request, "briefs/comments.html", {"brief": brief, "threads": threads, "form": form}
    )


@require_POST
def comment_resolve(request: HttpRequest, pk: int) -> HttpResponse:
    comment = get_object_or_404(Comment.objects.select_related("brief"), pk=pk)
    brief = _draft_reader(request, comment.brief_id)
    services.comment_resolve(
        person=person_of(request), comment=comment, resolved=request.POST.get("resolved") == "1"
    )
    return redirect("briefs:comments", pk=brief.pk)


def _diff(before: dict[str, str], after: dict[str, str]) -> list[dict[str, Any]]:
    """Changed fields, each with its lines marked as kept, removed or added."""
    changed = []
    for field in TEXT_FIELDS:
        for language in ("en", "cy"):
            name = f"{field}_{language}"
            old, new = before.get(name, ""), after.get(name, "")
            if old == new:
                continue
            lines = []
            for line in difflib.ndiff(old.splitlines(), new.splitlines()):
                mark, text = line[:1], line[2:]
                if mark in "+- ":
                    kind = {"+": "added", "-": "removed", " ": "kept"}[mark]
                    lines.append({"kind": kind, "text": text})
            changed.append({"field": field, "language": language, "lines": lines})
    return changed


def history(request: HttpRequest, pk: int) -> HttpResponse:
    """Every saved version; with ?a=&b=, what changed between two of them."""
    brief = _draft_reader(request, pk)
    # The list needs only who saved when: the texts are loaded for the two compared.
    revisions = list(brief.revisions.select_related("author").defer("texts"))
    by_number = {r.number: r for r in revisions}

    def chosen(name: str, default: int) -> Revision | None:
        value = request.GET.get(name, "")
        return by_number.get(int(value) if value.isdecimal() else default)

    latest = revisions[0].number if revisions else 0
    newer = chosen("b", latest)
    older = chosen("a", newer.number - 1 if newer else 0)
    changes = []
    if older and newer:
        texts = dict(
            brief.revisions.filter(number__in=(older.number, newer.number)).values_list(
                "number", "texts"
            )
        )
        changes = _diff(texts[older.number], texts[newer.number])
    return render(
        request,
        "briefs/history.html",
        {
            "brief": brief,
            "revisions": revisions,
            "older": older,
            "newer": newer,
            "changes": changes,
            "labels": _field_labels(),
        },
    )


def _field_labels() -> dict[str, str]:
    from pontio.briefs.forms import TEXTS

    return {name: str(label) for name, label, _help, _rows in TEXTS}
