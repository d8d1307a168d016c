"""Platform administration of accounts: find an account, disable it (history and roles are kept,
sessions end at once)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from qaward.accounts.domain import roles
from qaward.accounts.forms import ReasonForm, add_domain_errors
from qaward.permissions import permission_required

PAGE_SIZE = 50


def account_from_pk(request, pk: int, **kwargs):
    return get_object_or_404(get_user_model(), pk=pk)


@require_GET
@permission_required("accounts.list_users")
def user_list(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()[:100]
    status = request.GET.get("status", "")
    users = get_user_model().objects.order_by("username")
    if query:
        users = users.filter(
            Q(username__icontains=query) | Q(full_name__icontains=query) | Q(email__icontains=query)
        )
    if status in ("active", "inactive"):
        users = users.filter(is_active=status == "active")
    page = Paginator(users, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "accounts/users/list.html", {"page": page, "q": query, "status": status})


@require_http_methods(["GET", "POST"])
@permission_required("accounts.deactivate_user", fn=account_from_pk)
def deactivate(request: HttpRequest, pk: int) -> HttpResponse:
    account = request.permission_object
    form = ReasonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            roles.deactivate_user(user=account, actor=request.user, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            add_domain_errors(form, error)
        else:
            messages.success(
                request, _("The account %(user)s is disabled; its sessions have ended.") % {"user": account}
            )
            return redirect("roles:users")
    return render(request, "accounts/users/deactivate.html", {"account": account, "form": form})
