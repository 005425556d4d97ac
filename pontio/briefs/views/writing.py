"""Writing a brief: starting one, the editor (both languages, checks beside it, a preview,
autosave every few seconds when scripts run), references from the library, and images."""

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.db import transaction
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from pontio.briefs import services
from pontio.briefs.checks import brief_report
from pontio.briefs.forms import BriefForm, ImageForm, NewBriefForm
from pontio.briefs.models import Brief, BriefImage, Citation
from pontio.briefs.permissions import can_edit, can_read, writing_organisation
from pontio.briefs.views.common import sections, visible_brief
from pontio.core.forms import form_data
from pontio.core.permissions import person_of
from pontio.library.selectors import Filters, record_for, records_search, records_visible


def brief_new(request: HttpRequest) -> HttpResponse:
    person = person_of(request)
    organisation = writing_organisation(person)
    if organisation is None:
        raise PermissionDenied
    project = _project(request)
    initial = {"title_en": project.title_en, "title_cy": project.title_cy} if project else {}
    form = NewBriefForm(form_data(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            brief = services.brief_create(
                person=person, organisation=organisation, **form.cleaned_data
            )
            if project is not None:  # a brief started from a project cites its outputs
                for record in project.records.filter(pk__in=records_visible(person).values("pk")):
                    services.citation_add(person=person, brief=brief, record=record)
        messages.success(request, _("Your draft is started. Only you and brokers can see it."))
        return redirect("briefs:edit", pk=brief.pk)
    return render(
        request,
        "briefs/new.html",
        {"form": form, "organisation": organisation, "project": project},
    )


def _project(request: HttpRequest) -> Any:
    """The project a brief is started from (?project=), if the person may see it."""
    from pontio.projects.models import Project

    wanted = request.GET.get("project") or request.POST.get("project") or ""
    if not wanted.isdecimal():
        return None
    return Project.objects.visible_to(person_of(request)).filter(pk=int(wanted)).first()


def _initial(brief: Brief) -> dict[str, Any]:
    initial: dict[str, Any] = {name: getattr(brief, name) for name in services.TEXT_NAMES}
    initial.update(
        revision=brief.revision,
        strength=brief.strength,
        study_kinds=brief.study_kinds,
        audience=brief.audience,
        format=brief.format,
        visibility=brief.visibility,
        review_by=brief.review_by,
        topics=list(brief.topics.all()),
        priorities=list(brief.priorities.all()),
        answers=list(brief.answers.all()),
    )
    return initial


def _editable(request: HttpRequest, pk: int) -> Brief:
    brief = visible_brief(request, pk)
    if not can_edit(person_of(request), brief):
        raise PermissionDenied
    return brief


def _preview(brief: Brief, form: BriefForm) -> dict[str, Any]:
    """The sections as they would read with the text in the form (nothing saved)."""
    unsaved = Brief(**{name: form.cleaned_data.get(name, "") for name in services.TEXT_NAMES})
    return {"brief": unsaved, **sections(unsaved)}


def brief_edit(request: HttpRequest, pk: int) -> HttpResponse:
    brief = _editable(request, pk)
    person = person_of(request)
    form = BriefForm(
        form_data(request),
        initial=_initial(brief),
        organisation=brief.organisation,
    )
    preview = None
    if request.method == "POST" and form.is_valid():
        if "preview" in request.POST:
            preview = _preview(brief, form)
        else:
            try:
                saved = services.brief_save(
                    person=person,
                    brief=brief,
                    revision=form.cleaned_data["revision"],
                    texts=form.texts(),
                    fields=form.other_fields(),
                    topics=form.cleaned_data["topics"],
                    priorities=form.cleaned_data["priorities"],
                    answers=form.cleaned_data["answers"],
                )
            except services.EditConflict as conflict:
                form.add_error(None, str(conflict))
            except services.BriefError as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, _("Your changes are saved."))
                return redirect("briefs:edit", pk=saved.pk)
    return render(request, "briefs/edit.html", _editor_context(brief, form, preview))


def _editor_context(brief: Brief, form: BriefForm, preview: Any) -> dict[str, Any]:
    return {
        "brief": brief,
        "form": form,
        "preview": preview,
        "report": brief_report(brief),
        "citations": brief.citations.select_related("record"),
        "images": brief.images.all(),
        "image_form": ImageForm(),
    }


@require_POST
def autosave(request: HttpRequest, pk: int) -> HttpResponse:
    """Called by the editor a few seconds after typing stops: saves the draft and sends back
    the status, the new revision number, the checks and the preview."""
    brief = _editable(request, pk)
    form = BriefForm(request.POST, organisation=brief.organisation)
    context: dict[str, Any] = {"brief": brief, "saved": False}
    if not form.is_valid():
        context["problem"] = _("Not saved: check the form for errors and save it.")
    else:
        try:
            brief = services.brief_save(
                person=person_of(request),
                brief=brief,
                revision=form.cleaned_data["revision"],
                texts=form.texts(),
                fields=form.other_fields(),
            )
        except services.BriefError as error:
            context["problem"] = str(error)
        else:
            context.update(saved=True, brief=brief, at=timezone.localtime())
        context["preview"] = _preview(brief, form)
    context["report"] = brief_report(brief)
    return render(request, "briefs/_autosave.html", context)


def cite(request: HttpRequest, pk: int) -> HttpResponse:
    """Find library records to cite (as you type, with scripts) and add one to the references."""
    brief = _editable(request, pk)
    person = person_of(request)
    if request.method == "POST":
        record_pk = request.POST.get("record", "")
        record = record_for(person, int(record_pk)) if record_pk.isdecimal() else None
        if record is None:
            messages.error(request, _("That record cannot be found."))
        else:
            citation = services.citation_add(person=person, brief=brief, record=record)
            messages.success(
                request,
                _("Added as reference %(n)s: cite it as [@%(n)s].") % {"n": citation.position},
            )
        if request.headers.get("HX-Request"):
            citations = brief.citations.select_related("record")
            return render(
                request,
                "briefs/_references.html",
                {"brief": brief, "citations": citations, "editing": True},
            )
        return redirect("briefs:edit", pk=brief.pk)
    query = request.GET.get("q", "").strip()
    found = []
    if query:
        results = records_search(
            person=person, query=query, filters=Filters(), sort="relevance", offset=0, limit=10
        )
        found = results.records
    partial = request.headers.get("HX-Request")
    template = "briefs/_cite_results.html" if partial else "briefs/cite.html"
    return render(request, template, {"brief": brief, "query": query, "found": found})


@require_POST
def citation_remove(request: HttpRequest, pk: int) -> HttpResponse:
    citation = get_object_or_404(Citation.objects.select_related("brief"), pk=pk)
    brief = _editable(request, citation.brief_id)
    services.citation_remove(person=person_of(request), citation=citation)
    messages.success(request, _("The reference was removed."))
    return redirect("briefs:edit", pk=brief.pk)


@require_POST
def image_upload(request: HttpRequest, pk: int) -> HttpResponse:
    brief = _editable(request, pk)
    form = ImageForm(request.POST, request.FILES)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, str(error))
        return redirect("briefs:edit", pk=brief.pk)
    upload = form.cleaned_data["file"]
    image = BriefImage(
        brief=brief,
        content_type=upload.detected_type,
        alt_en=form.cleaned_data["alt_en"],
        alt_cy=form.cleaned_data["alt_cy"],
        uploaded_by=person_of(request),
    )
    extension = "png" if upload.detected_type == "image/png" else "jpg"
    image.file.save(f"brief-{brief.pk}.{extension}", ContentFile(upload.read()), save=True)
    messages.success(
        request,
        _("The image is uploaded. Put it in the text with: ![%(alt)s](%(url)s)")
        % {"alt": image.alt_en, "url": image_url(image)},
    )
    return redirect("briefs:edit", pk=brief.pk)


def image_url(image: BriefImage) -> str:
    from django.urls import reverse

    return reverse("briefs:image", args=[image.pk])


def image(request: HttpRequest, pk: int) -> FileResponse:
    """An image of a brief, to whoever may read the brief."""
    found = get_object_or_404(BriefImage.objects.select_related("brief"), pk=pk)
    if not can_read(person_of(request), found.brief):
        raise Http404
    return FileResponse(found.file.open("rb"), content_type=found.content_type)
