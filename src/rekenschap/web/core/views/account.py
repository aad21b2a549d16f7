"""The user's own pages: API token, comments inbox."""

from __future__ import annotations

from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import PasswordChangeForm
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from rekenschap.web.core.models import Comment, Role, User
from rekenschap.web.core.tokens import create_token
from rekenschap.web.core.views.common import user_of


@login_required
def token_view(request: HttpRequest) -> HttpResponse:
    token = create_token(user_of(request), "web") if request.method == "POST" else None
    return render(request, "rekenschap/token.html", {"token": token})


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
