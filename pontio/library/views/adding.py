"""Adding research one piece at a time: by DOI (look it up, see what was found, then save) or
by hand for grey literature with no DOI."""

import dataclasses
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from pontio.core.permissions import person_of
from pontio.lib.records import Author, ParsedRecord, RecordType
from pontio.library import services
from pontio.library.forms import LookupForm, RecordForm, SaveFoundForm
from pontio.library.lookup import LookupFailed, lookup
from pontio.library.models import Source, Visibility
from pontio.library.permissions import can_import
from pontio.organisations.permissions import home_organisation

SESSION_KEY = "library.lookup"


def add(request: HttpRequest) -> HttpResponse:
    return render(request, "library/add.html", {"can_import": can_import(person_of(request))})


def _found_to_session(record: ParsedRecord) -> dict[str, Any]:
    return dataclasses.asdict(record)


def _found_from_session(data: dict[str, Any]) -> ParsedRecord:
    authors = [Author(**a) for a in data.pop("authors", [])]
    record = ParsedRecord(**data, authors=authors)
    record.record_type = RecordType(record.record_type)
    return record


def add_by_doi(request: HttpRequest) -> HttpResponse:
    person = person_of(request)
    form = LookupForm(request.POST or None)
    if request.method == "POST" and "save" in request.POST and SESSION_KEY in request.session:
        chosen = _found_from_session(dict(request.session[SESSION_KEY]))
        save_form = SaveFoundForm(request.POST)
        save_form.is_valid()
        try:
            record = services.record_create(
                person=person,
                organisation=home_organisation(person),
                parsed=chosen,
                source=Source.LOOKUP,
                visibility=save_form.cleaned_data.get("visibility") or Visibility.PARTNERSHIP,
                topics=save_form.cleaned_data.get("topics") or [],
            )
        except services.LibraryError as error:
            existing = services.record_find_duplicate(chosen)
            messages.error(request, str(error))
            if existing:
                return redirect("library:record", pk=existing.pk)
            return redirect("library:add_by_doi")
        del request.session[SESSION_KEY]
        messages.success(request, _("Added to the library."))
        return redirect("library:record", pk=record.pk)
    found: ParsedRecord | None = None
    existing = None
    if request.method == "POST" and form.is_valid():
        try:
            found = lookup(form.cleaned_data["identifier"])
        except LookupFailed as error:
            form.add_error("identifier", str(error))
        else:
            request.session[SESSION_KEY] = _found_to_session(found)
            existing = services.record_find_duplicate(found)
    return render(
        request,
        "library/add_by_doi.html",
        {
            "form": form,
            "found": found,
            "existing": existing,
            "save_form": SaveFoundForm(),
        },
    )


def add_by_hand(request: HttpRequest) -> HttpResponse:
    person = person_of(request)
    form = RecordForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        parsed = ParsedRecord(
            title=data["title"],
            record_type=RecordType(data["record_type"]),
            abstract=data["abstract"],
            authors=[Author(family=a["family"], given=a["given"]) for a in data["authors"]],
            year=data["year"],
            date=str(data["year"] or ""),
            container=data["container"],
            publisher=data["publisher"],
            url=data["url"],
            doi=data["doi"],
            keywords=data["keywords"],
            language=data["language"],
        )
        try:
            record = services.record_create(
                person=person,
                organisation=home_organisation(person),
                parsed=parsed,
                source=Source.MANUAL,
                visibility=data["visibility"],
                topics=data["topics"],
            )
        except services.LibraryError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Added to the library."))
            return redirect("library:record", pk=record.pk)
    return render(
        request, "library/record_form.html", {"form": form, "title": _("Add research by hand")}
    )
