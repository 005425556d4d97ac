"""The plain-language glossary: the words the checks flag in briefs, each with a plainer way
to say it. Knowledge brokers read and change it; nobody else sees it."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from pontio.accounts.models import Person, Role
from pontio.briefs.glossary_forms import DUPLICATE, GlossaryForm
from pontio.briefs.models import GlossaryTerm
from pontio.core.forms import form_data
from pontio.core.history import delete_as, save_as
from pontio.core.permissions import person_of


def _broker(request: HttpRequest) -> Person:
    person = person_of(request)
    if not person.has_role(Role.BROKER):
        raise PermissionDenied
    return person


def glossary(request: HttpRequest) -> HttpResponse:
    person = _broker(request)
    form = GlossaryForm(form_data(request))
    if form.is_valid():
        try:
            with transaction.atomic():
                term = form.save(commit=False)
                save_as(person, term)
        except IntegrityError:  # added by someone else a moment ago
            form.add_error("term", DUPLICATE % {"term": form.cleaned_data["term"]})
        else:
            messages.success(request, _("“%(term)s” is in the glossary.") % {"term": term.term})
            return redirect("briefs:glossary")
    return render(
        request, "briefs/glossary.html", {"form": form, "terms": GlossaryTerm.objects.all()}
    )


def term_delete(request: HttpRequest, pk: int) -> HttpResponse:
    person = _broker(request)
    term = get_object_or_404(GlossaryTerm, pk=pk)
    if request.method == "POST":
        delete_as(person, term)
        messages.success(
            request, _("“%(term)s” is no longer in the glossary.") % {"term": term.term}
        )
        return redirect("briefs:glossary")
    return render(request, "briefs/glossary_delete.html", {"term": term})
