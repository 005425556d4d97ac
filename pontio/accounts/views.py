"""A person's own account settings, accepting an invitation, and the administrators' pages for
people and invitations."""

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from pontio.core.paging import paginate, sort_key
from pontio.core.permissions import administrator_required, person_of
from pontio.organisations import services as organisations_services
from pontio.organisations.models import Membership

from . import selectors, services
from .forms import (
    DeactivateForm,
    InvitationAcceptForm,
    InviteForm,
    MembershipForm,
    RolesForm,
    SettingsForm,
)
from .models import ApiToken, Invitation, Person, Role

PEOPLE_SORTS = {"name": "name", "email": "email", "newest": "-date_joined"}


def account_settings(request: HttpRequest) -> HttpResponse:
    person = person_of(request)
    form = SettingsForm(request.POST or None, instance=person)
    if request.method == "POST" and form.is_valid():
        services.person_update(
            actor=person,
            person=person,
            name=form.cleaned_data["name"],
            language=form.cleaned_data["language"],
            topics=form.cleaned_data["topics"],
        )
        messages.success(request, _("Your settings were saved."))
        return redirect("accounts:settings")
    return render(request, "accounts/settings.html", {"form": form})


@login_not_required
def invitation_accept(request: HttpRequest, token: str) -> HttpResponse:
    try:
        invitation = services.invitation_for_token(token)
    except services.InvitationError as error:
        return render(
            request, "accounts/invitation_invalid.html", {"reason": str(error)}, status=410
        )
    form = InvitationAcceptForm(
        request.POST or None, email=invitation.email, initial={"name": invitation.name}
    )
    if request.method == "POST" and form.is_valid():
        try:
            person = services.invitation_accept(
                token=token, name=form.cleaned_data["name"], password=form.cleaned_data["password"]
            )
        except services.InvitationError as error:
            return render(
                request, "accounts/invitation_invalid.html", {"reason": str(error)}, status=410
            )
        login(request, person, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, _("Welcome to Pontio. Your account is ready."))
        return redirect("core:home")
    return render(
        request, "accounts/invitation_accept.html", {"form": form, "invitation": invitation}
    )


@administrator_required
def people(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()
    role = request.GET.get("role", "")
    status = request.GET.get("status", "")
    sort, order = sort_key(request, PEOPLE_SORTS, "name")
    found = selectors.people_list(query=query, role=role, status=status).order_by(order)
    return render(
        request,
        "accounts/people.html",
        {
            "page": paginate(request, found),
            "query": query,
            "role": role,
            "status": status,
            "sort": sort,
            "roles": Role.choices,
            "invitations": selectors.invitations_pending(),
        },
    )


@administrator_required
def person_invite(request: HttpRequest) -> HttpResponse:
    form = InviteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.person_invite(
                actor=person_of(request),
                email=data["email"],
                name=data["name"],
                organisation=data["organisation"],
                team=data["team"],
                roles=data["roles"],
                language=data["language"],
            )
        except services.InvitationError as error:
            form.add_error("email", str(error))
        else:
            messages.success(request, _("Invitation sent to %(email)s.") % {"email": data["email"]})
            return redirect("accounts:people")
    return render(request, "accounts/invite.html", {"form": form})


@administrator_required
def person_detail(request: HttpRequest, pk: int) -> HttpResponse:
    person = get_object_or_404(Person, pk=pk)
    roles_form = RolesForm(initial={"roles": sorted(person.roles)})
    membership_form = MembershipForm()
    if request.method == "POST":
        actor = person_of(request)
        if "save_roles" in request.POST:
            roles_form = RolesForm(request.POST)
            if roles_form.is_valid():
                wanted = set(roles_form.cleaned_data["roles"])
                try:
                    for role in wanted - person.roles:
                        services.role_give(actor=actor, person=person, role=role)
                    for role in person.roles - wanted:
                        services.role_take(actor=actor, person=person, role=role)
                except services.InvitationError as error:
                    roles_form.add_error("roles", str(error))
                else:
                    messages.success(request, _("Roles saved."))
                    return redirect("accounts:person", pk=person.pk)
        elif "add_membership" in request.POST:
            membership_form = MembershipForm(request.POST)
            if membership_form.is_valid():
                organisations_services.membership_add(
                    actor=actor,
                    person=person,
                    organisation=membership_form.cleaned_data["organisation"],
                    team=membership_form.cleaned_data["team"],
                )
                messages.success(request, _("Membership added."))
                return redirect("accounts:person", pk=person.pk)
    memberships = person.memberships.select_related("organisation", "team")
    return render(
        request,
        "accounts/person.html",
        {
            "person": person,
            "roles_form": roles_form,
            "membership_form": membership_form,
            "memberships": memberships,
            "form": roles_form if roles_form.errors else membership_form,
        },
    )


@administrator_required
@require_POST
def membership_remove(request: HttpRequest, pk: int, membership_pk: int) -> HttpResponse:
    membership = get_object_or_404(Membership, pk=membership_pk, person_id=pk)
    organisations_services.membership_remove(actor=person_of(request), membership=membership)
    messages.success(request, _("Membership removed."))
    return redirect("accounts:person", pk=pk)


@administrator_required
def person_deactivate(request: HttpRequest, pk: int) -> HttpResponse:
    person = get_object_or_404(Person, pk=pk, is_active=True)
    form = DeactivateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.person_deactivate(
                actor=person_of(request),
                person=person,
                reason=form.cleaned_data["reason"],
            )
        except services.InvitationError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                _("%(name)s can no longer sign in. Their work stays in Pontio.") % {"name": person},
            )
            return redirect("accounts:person", pk=person.pk)
    return render(request, "accounts/deactivate.html", {"person": person, "form": form})


@administrator_required
@require_POST
def person_reactivate(request: HttpRequest, pk: int) -> HttpResponse:
    person = get_object_or_404(Person, pk=pk, is_active=False)
    services.person_reactivate(actor=person_of(request), person=person)
    messages.success(request, _("%(name)s can sign in again.") % {"name": person})
    return redirect("accounts:person", pk=person.pk)


@administrator_required
@require_POST
def invitation_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    invitation = get_object_or_404(Invitation, pk=pk)
    services.invitation_cancel(actor=person_of(request), invitation=invitation)
    messages.success(request, _("Invitation to %(email)s cancelled.") % {"email": invitation.email})
    return redirect("accounts:people")


def api_tokens(request: HttpRequest) -> HttpResponse:
    """A person's API tokens: make one (shown once), see when each was used, revoke."""
    person = person_of(request)
    new_token = ""
    if request.method == "POST":
        if revoke := request.POST.get("revoke", ""):
            if revoke.isdecimal():
                token = get_object_or_404(ApiToken, pk=int(revoke), person=person)
                services.api_token_revoke(person=person, api_token=token)
                messages.success(
                    request,
                    _("The token was revoked. Programs using it can no longer reach Pontio."),
                )
            return redirect("accounts:api_tokens")
        name = request.POST.get("name", "").strip()
        if name:
            _token, new_token = services.api_token_create(person=person, name=name)
        else:
            messages.error(request, _("Give the token a name, so you know later what uses it."))
    return render(
        request,
        "accounts/api_tokens.html",
        {
            "tokens": person.api_tokens.filter(revoked_at__isnull=True),
            "new_token": new_token,
        },
    )
