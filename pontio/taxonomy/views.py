"""Administrators manage topics and strategic priorities, in English and Welsh."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from pontio.core.paging import paginate
from pontio.core.permissions import administrator_required

from . import services
from .forms import PriorityForm, TopicForm
from .models import Priority, Topic


@administrator_required
def topics(request: HttpRequest) -> HttpResponse:
    top = Topic.objects.top_level().prefetch_related("children")
    return render(request, "taxonomy/topics.html", {"topics": top})


@administrator_required
def topic_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    topic = get_object_or_404(Topic, pk=pk) if pk else None
    form = TopicForm(request.POST or None, instance=topic)
    if request.method == "POST" and form.is_valid():
        saved = services.topic_save(actor=request.user, topic=form.save(commit=False))
        messages.success(request, _("%(name)s saved.") % {"name": saved})
        return redirect("taxonomy:topics")
    title = _("Edit topic") if topic else _("Add a topic")
    return render(
        request,
        "core/form_page.html",
        {"form": form, "title": title, "back": reverse("taxonomy:topics")},
    )


@administrator_required
def priorities(request: HttpRequest) -> HttpResponse:
    found = Priority.objects.select_related("organisation")
    return render(request, "taxonomy/priorities.html", {"page": paginate(request, found)})


@administrator_required
def priority_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    priority = get_object_or_404(Priority, pk=pk) if pk else None
    form = PriorityForm(request.POST or None, instance=priority)
    if request.method == "POST" and form.is_valid():
        saved = services.priority_save(actor=request.user, priority=form.save(commit=False))
        messages.success(request, _("%(name)s saved.") % {"name": saved})
        return redirect("taxonomy:priorities")
    title = _("Edit strategic priority") if priority else _("Add a strategic priority")
    return render(
        request,
        "core/form_page.html",
        {"form": form, "title": title, "back": reverse("taxonomy:priorities")},
    )
