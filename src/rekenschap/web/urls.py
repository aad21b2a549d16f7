"""URL map: the HTML app, the JSON API, the published sites, admin (user management)."""

from __future__ import annotations

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path, re_path

from rekenschap.web.core.api import api
from rekenschap.web.core.views import (
    account,
    compare,
    documents,
    programmes,
    sentences,
    static_files,
    structured,
    structured_rows,
)

urlpatterns = [
    path("", documents.home, name="home"),
    path(
        "login/", auth_views.LoginView.as_view(template_name="rekenschap/login.html"), name="login"
    ),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("wachtwoord/", account.PasswordChange.as_view(), name="password_change"),
    path(
        "wachtwoord/klaar/",
        auth_views.PasswordChangeDoneView.as_view(template_name="rekenschap/password_done.html"),
        name="password_change_done",
    ),
    path("i18n/", include("django.conf.urls.i18n")),
    path("documenten/<int:pk>/", documents.document_detail, name="document"),
    path("documenten/<int:pk>/vergelijken/", compare.compare_view, name="compare"),
    path("documenten/<int:pk>/publiceren/", documents.publish_view, name="publish"),
    path("importeren/", documents.import_view, name="import"),
    path("programmas/<int:pk>/", programmes.programme_detail, name="programme"),
    path("programmas/<int:pk>/bewerken/", programmes.programme_edit, name="programme_edit"),
    path(
        "programmas/<int:pk>/actie/<str:action>/",
        programmes.programme_transition,
        name="programme_transition",
    ),
    path(
        "programmas/<int:pk>/geschiedenis/", programmes.programme_history, name="programme_history"
    ),
    path(
        "programmas/<int:pk>/herstel/<int:number>/",
        programmes.programme_restore,
        name="programme_restore",
    ),
    path("programmas/<int:pk>/opmerking/", programmes.programme_comment, name="programme_comment"),
    path("programmas/<int:pk>/doelen/nieuw/", structured.goal_edit, name="goal_new"),
    path("programmas/<int:pk>/doelen/<int:index>/", structured.goal_edit, name="goal_edit"),
    path("programmas/<int:pk>/financien/", structured.finance_edit, name="finance_edit"),
    path("programmas/<int:pk>/indicatoren/<int:index>/", structured_rows.indicator_edit,
         name="indicator_edit"),
    path("programmas/<int:pk>/toelichtingen/<int:index>/", structured_rows.explanation_edit,
         name="explanation_edit"),
    path("programmas/<int:pk>/zinnen/", sentences.accept_sentence, name="accept_sentence"),
    path("token/", account.token_view, name="token"),
    path("token/<int:token_id>/intrekken/", account.token_revoke, name="token_revoke"),
    path("drempels/", account.settings_view, name="settings"),
    path("opmerkingen/", account.inbox, name="inbox"),
    path("site/<int:pk>.zip", documents.site_zip, name="site_zip"),
    path("site/<int:pk>/", documents.site_file, name="site"),
    path("site/<int:pk>/<path:path>", documents.site_file, name="site_file"),
    path("api/v1/", api.urls),
    path("beheer/", admin.site.urls),
    re_path(r"^static/(?P<path>.*)$", static_files.serve_static),
]
