"""Collections: team shelves, personal reading lists and named collections; their items and
notes; following; exporting."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from pontio.core.permissions import person_of
from pontio.library import selectors, services
from pontio.library.forms import CollectionForm
from pontio.library.models import Collection, CollectionItem
from pontio.organisations.permissions import home_organisation


def collections(request: HttpRequest) -> HttpResponse:
    person = person_of(request)
    services.collections_ensure(person)
    visible = selectors.collections_visible(person).select_related("team", "owner")
    mine = [c for c in visible if selectors.collection_editable(person, c)]
    followed = list(person.collections_followed.all())
    others = [c for c in visible if c not in mine and c not in followed]
    return render(
        request,
        "library/collections.html",
        {"mine": mine, "followed": followed, "others": others[:50]},
    )


def collection_add(request: HttpRequest) -> HttpResponse:
    person = person_of(request)
    form = CollectionForm(request.POST or None)
    organisation = home_organisation(person)
    if request.method == "POST" and form.is_valid():
        if organisation is None:
            form.add_error(None, _("You need to belong to an organisation first."))
        else:
            collection = services.collection_create(
                person=person, organisation=organisation, **form.cleaned_data
            )
            messages.success(request, _("Collection created."))
            return redirect("library:collection", pk=collection.pk)
    return render(request, "library/collection_form.html", {"form": form})


def _visible_collection(request: HttpRequest, pk: int) -> Collection:
    person = person_of(request)
    collection = selectors.collections_visible(person).filter(pk=pk).first()
    if collection is None:
        raise Http404
    return collection


def collection_detail(request: HttpRequest, pk: int) -> HttpResponse:
    person = person_of(request)
    collection = _visible_collection(request, pk)
    visible_records = selectors.records_visible(person).values("pk")
    items = collection.items.filter(record__in=visible_records).select_related("record", "added_by")
    return render(
        request,
        "library/collection.html",
        {
            "collection": collection,
            "page": Paginator(items, 25).get_page(request.GET.get("page")),
            "editable": selectors.collection_editable(person, collection),
            "following": collection.followers.filter(pk=person.pk).exists(),
            "collection_export_url": reverse("library:collection_export", args=[collection.pk])
            + "?",
        },
    )


@require_POST
def collection_follow(request: HttpRequest, pk: int) -> HttpResponse:
    person = person_of(request)
    collection = _visible_collection(request, pk)
    follow = request.POST.get("follow") == "1"
    services.collection_follow(person=person, collection=collection, follow=follow)
    messages.success(
        request,
        _("You follow this collection.") if follow else _("You no longer follow this collection."),
    )
    return redirect("library:collection", pk=collection.pk)


@require_POST
def collection_item_remove(request: HttpRequest, pk: int, item_pk: int) -> HttpResponse:
    person = person_of(request)
    collection = _visible_collection(request, pk)
    if not selectors.collection_editable(person, collection):
        raise PermissionDenied
    item = get_object_or_404(CollectionItem, pk=item_pk, collection=collection)
    services.collection_remove(person=person, item=item)
    messages.success(request, _("Removed from the collection. The record stays in the library."))
    return redirect("library:collection", pk=collection.pk)


@require_POST
def collection_item_note(request: HttpRequest, pk: int, item_pk: int) -> HttpResponse:
    person = person_of(request)
    collection = _visible_collection(request, pk)
    if not selectors.collection_editable(person, collection):
        raise PermissionDenied
    item = get_object_or_404(CollectionItem, pk=item_pk, collection=collection)
    services.collection_note(person=person, item=item, note=request.POST.get("note", ""))
    messages.success(request, _("Note saved."))
    return redirect("library:collection", pk=collection.pk)
