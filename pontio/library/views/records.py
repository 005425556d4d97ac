"""A record's page, editing it, its files, and adding it to a collection."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from pontio.core.permissions import person_of
from pontio.library import selectors, services
from pontio.library.forms import FileForm, RecordForm
from pontio.library.models import CollectionItem, RecordFile
from pontio.library.permissions import can_edit_record
from pontio.organisations.permissions import home_organisation


def record_detail(request: HttpRequest, pk: int) -> HttpResponse:
    person = person_of(request)
    services.collections_ensure(person)
    record = selectors.record_for(person, pk)
    if record is None:
        raise Http404
    if record.pk != pk:
        return redirect("library:record", pk=record.pk)  # it was merged into this one
    visible = selectors.collections_visible(person)
    files = [
        (f, selectors.file_visible(person, f)) for f in record.files.select_related("organisation")
    ]
    return render(
        request,
        "library/record.html",
        {
            "record": record,
            "topics": record.topics.all(),
            "files": files,
            "in_collections": CollectionItem.objects.filter(
                record=record, collection__in=visible
            ).select_related("collection"),
            "collections": selectors.collections_to_add_to(person),
            "can_edit": can_edit_record(person, record),
            "similar": selectors.records_similar(person, record),
        },
    )


def record_edit(request: HttpRequest, pk: int) -> HttpResponse:
    person = person_of(request)
    record = selectors.record_for(person, pk)
    if record is None:
        raise Http404
    if not can_edit_record(person, record):
        raise PermissionDenied
    initial = {
        "record_type": record.record_type,
        "title": record.title,
        "year": record.year,
        "authors": "\n".join(
            f"{a.get('family', '')}, {a.get('given', '')}".strip(", ") for a in record.authors
        ),
        "container": record.container,
        "publisher": record.publisher,
        "url": record.url,
        "doi": record.doi,
        "abstract": record.abstract,
        "keywords": ", ".join(record.keywords),
        "language": record.language,
        "topics": record.topics.all(),
        "visibility": record.visibility,
    }
    form = RecordForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        topics = data.pop("topics")
        services.record_update(person=person, record=record, fields=data, topics=topics)
        messages.success(request, _("The record was saved."))
        return redirect("library:record", pk=record.pk)
    suggestions = services.topics_suggested(record)
    return render(
        request,
        "library/record_form.html",
        {
            "form": form,
            "record": record,
            "suggestions": suggestions,
            "title": _("Edit the record"),
        },
    )


def file_add(request: HttpRequest, pk: int) -> HttpResponse:
    person = person_of(request)
    record = selectors.record_for(person, pk)
    if record is None:
        raise Http404
    if not can_edit_record(person, record):
        raise PermissionDenied
    form = FileForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.record_file_add(
                person=person,
                organisation=home_organisation(person),
                record=record,
                upload=form.cleaned_data["file"],
                licence=form.cleaned_data["licence"],
                openly_licensed=form.cleaned_data["openly_licensed"],
            )
        except services.LibraryError as error:
            form.add_error("file", str(error))
        else:
            messages.success(request, _("The file was attached."))
            return redirect("library:record", pk=record.pk)
    return render(request, "library/file_form.html", {"form": form, "record": record})


def file_download(request: HttpRequest, pk: int) -> FileResponse:
    person = person_of(request)
    attached = get_object_or_404(RecordFile, pk=pk)
    if selectors.record_for(person, attached.record_id) is None:
        raise Http404
    if not selectors.file_visible(person, attached):
        raise PermissionDenied
    return FileResponse(
        attached.file.open("rb"),
        as_attachment=True,
        filename=attached.filename,
        content_type=attached.content_type,
    )


@require_POST
def add_to_collection(request: HttpRequest, pk: int) -> HttpResponse:
    person = person_of(request)
    record = selectors.record_for(person, pk)
    if record is None:
        raise Http404
    allowed = {c.pk: c for c in selectors.collections_to_add_to(person)}
    raw = request.POST.get("collection", "")
    collection = allowed.get(int(raw)) if raw.isdecimal() else None
    if collection is None:
        messages.error(request, _("Choose one of your collections."))
    else:
        _item, added = services.collection_add(
            person=person,
            collection=collection,
            record=record,
            note=request.POST.get("note", "")[:500],
        )
        messages.success(
            request,
            (
                _("Added to %(name)s.")
                if added
                else _("It was already in %(name)s; the note was updated.")
            )
            % {"name": collection.display_name},
        )
    next_url = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}):
        next_url = ""
    if next_url:
        return redirect(next_url)
    return redirect("library:record", pk=record.pk)
