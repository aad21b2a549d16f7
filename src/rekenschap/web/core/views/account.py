"""The user's own pages: API token, comments inbox."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import PasswordChangeForm
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from rekenschap.web.core import thresholds
from rekenschap.web.core.errors import Forbidden
from rekenschap.web.core.models import CheckSettings, Comment, Role, User
from rekenschap.web.core.permissions import Action, can
from rekenschap.web.core.tokens import all_tokens, create_token, manages_all, revoke, tokens_of
from rekenschap.web.core.views.common import error_page, user_of


@login_required
def token_view(request: HttpRequest) -> HttpResponse:
    """Make a token (shown once) and list the user's tokens with a revoke button each; a
    beheerder also sees every user's tokens."""
    user = user_of(request)
    token = None
    if request.method == "POST":
        label = request.POST.get("label", "").strip()[:100] or "web"
        token = create_token(user, label)
    everyone = all_tokens() if manages_all(user) else None
    return render(request, "rekenschap/token.html",
                  {"token": token, "tokens": tokens_of(user), "all_tokens": everyone})


@login_required
@require_POST
def token_revoke(request: HttpRequest, token_id: int) -> HttpResponse:
    if revoke(user_of(request), token_id):
        messages.success(request, _("Het token is ingetrokken; het werkt niet meer."))
    else:
        messages.error(request, _("Token niet gevonden."))
    return redirect("token")


@login_required
def inbox(request: HttpRequest) -> HttpResponse:
    """Comments that reach me: on my programmes (auteur), all (controller), my own (raadslid)."""
    user = user_of(request)
    comments = Comment.objects.select_related("programme", "author")
    if user.role == Role.AUTEUR:
        comments = comments.filter(Q(programme__authors=user) | Q(author=user))
    elif user.role != Role.CONTROLLER:
        comments = comments.filter(author=user)
    return render(
        request, "rekenschap/inbox.html", {"comments": comments.order_by("-created_at")[:200]}
    )


class PasswordChange(auth_views.PasswordChangeView):
    """Changing the password also ends the one-time-password state."""

    template_name = "rekenschap/password_change.html"

    def form_valid(self, form: PasswordChangeForm) -> HttpResponse:
        response = super().form_valid(form)
        User.objects.filter(pk=form.user.pk).update(must_change_password=False)
        return response


@login_required
def settings_view(request: HttpRequest) -> HttpResponse:
    """The check thresholds (controller, beheerder) as rekenschap.toml text."""
    user = user_of(request)
    if not can(user, Action.SETTINGS):
        return error_page(request, Forbidden(_("U mag de drempels niet instellen.")))
    text = thresholds.current_text()
    problems: list[Any] = []
    status = 200
    if request.method == "POST":
        text = request.POST.get("toml", "")[:20000]
        problems = [p.model_dump(mode="json") for p in thresholds.save(text, user)]
        if not problems:
            messages.success(request, _("Drempels opgeslagen; de controles gebruiken ze vanaf nu."))
            return redirect("settings")
        status = 422
    return render(request, "rekenschap/settings.html", {
        "toml": text, "problems": problems,
        "history": CheckSettings.objects.select_related("user")[:20]}, status=status)
