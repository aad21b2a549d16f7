"""One programme: read, edit (conflict screen), workflow, history, restore, comments."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from rekenschap.model import Programme
from rekenschap.web.core import adapters, revisions, workflow
from rekenschap.web.core.content import report_with
from rekenschap.web.core.errors import Conflict, Forbidden, Invalid, Locked, WebError
from rekenschap.web.core.forms import PARTS, CommentForm, ProgrammeForm
from rekenschap.web.core.models import Comment, ProgrammeRecord
from rekenschap.web.core.overview import broken_refs
from rekenschap.web.core.permissions import Action, can
from rekenschap.web.core.present import programme_view
from rekenschap.web.core.structured_check import as_json, input_problem, live_problems, summary
from rekenschap.web.core.structured_sentences import CONTENT_LANG, already_in
from rekenschap.web.core.views.common import error_page, readable_programme, user_of


def _checks(record: ProgrammeRecord, programme: Programme) -> tuple[list[Any], list[Any]]:
    """Findings, and the generated sentences as (path, text, already in the text)."""
    report = report_with(record.document, programme)
    problems = broken_refs(record.document) + adapters.run_checks(report)
    content = programme.model_dump(mode="json")
    offered = adapters.sentence_suggestions(report, programme, CONTENT_LANG)
    return problems, [(s.path, s.text, already_in(content, s.path, s.text)) for s in offered]


def _with_subs(view: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """``programme_view`` data with each deelprogramma's path (``deel``) for its edit links."""
    subs = [_with_subs(sub, f"{prefix}.{i}" if prefix else str(i))
            for i, sub in enumerate(view.get("subviews") or [])]
    return {**view, "sub": prefix, "subviews": subs}


@login_required
def programme_detail(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        record, drafts = readable_programme(request, pk)
    except WebError as error:
        return error_page(request, error)
    user = user_of(request)
    revision = record.current if drafts else record.published
    if revision is None:
        return error_page(request, Forbidden(_("Er is geen gepubliceerde versie.")))
    programme = Programme.model_validate(revision.content)
    problems, suggestions = _checks(record, programme) if drafts else ([], [])
    comments = (
        record.comments.select_related("author") if can(user, Action.READ_COMMENTS, record) else []
    )
    return render(
        request,
        "rekenschap/programme.html",
        {
            "record": record,
            "revision": revision,
            "drafts": drafts,
            **_with_subs(programme_view(programme, get_language() or "nl")),
            "problems": problems,
            "suggestions": suggestions,
            "comments": comments,
            "actions": workflow.available(user, record),
            "may_edit": can(user, Action.EDIT, record) and record.state == "concept",
            "version": record.version,
            "comment_form": CommentForm() if can(user, Action.COMMENT, record) else None,
            "targets": _targets(programme),
        },
    )


def _targets(programme: Programme) -> list[tuple[str, str]]:
    """What a comment can be about: the goals, the finance table, the indicators."""
    out = [
        (f"goals[{i}]", _("Doel: %(t)s") % {"t": g.title[:80]})
        for i, g in enumerate(programme.goals)
    ]
    if programme.finance:
        out.append(("finance", _("Financiële tabel")))
    out += [
        (f"indicators[{i}]", _("Indicator: %(t)s") % {"t": ind.name[:80]})
        for i, ind in enumerate(programme.indicators)
    ]
    return out or [("programme", _("Het programma"))]


@login_required
def programme_edit(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        record, _drafts = readable_programme(request, pk)
    except WebError as error:
        return error_page(request, error)
    user = user_of(request)
    if not can(user, Action.EDIT, record):
        return error_page(request, Forbidden(_("U mag dit programma niet bewerken.")))
    if record.state != "concept":
        return error_page(request, Locked(_("Dit programma is vergrendeld; start een correctie.")))
    base = record.current.content if record.current else {}
    if request.method != "POST":
        form = ProgrammeForm(initial=ProgrammeForm.initial_from(base, record.version))
        found = live_problems(record.document, base, (), "programme", None, YAML_INPUTS)
        return render(request, "rekenschap/edit.html", {
            "record": record, "form": form, "live": found, "live_summary": summary(found)})
    form = ProgrammeForm(request.POST)
    content = form.content(base) if form.is_valid() else None
    context: dict[str, Any] = {"record": record, "form": form}
    if request.POST.get("_check") == "1":
        return _check_yaml(record, form, content)
    if content is None:
        return render(request, "rekenschap/edit.html", context, status=422)
    return save_or_conflict(request, record, content, form.cleaned_data["base_version"],
                            form.cleaned_data["note"], context)


YAML_INPUTS = ["id_code", "id_name", "id_goals", "id_finance", "id_indicators",
               "id_explanations", "id_sections"]


def _check_yaml(record: ProgrammeRecord, form: ProgrammeForm, content: dict[str, Any] | None
                ) -> HttpResponse:
    """Findings for the unsaved YAML editor (fields that are not YAML come first)."""
    unreadable = [input_problem(f"id_{name}", f"{name}: {' '.join(str(m) for m in messages)}")
                  for name, messages in form.errors.items() if name in dict(PARTS)
                  or name in {"code", "name"}]
    found = live_problems(record.document, content or {}, (), "programme", None, YAML_INPUTS,
                          unreadable) if content is not None else [
        as_json(p, p.location.path) for p in unreadable]
    return JsonResponse({"ok": True, "saved": False, "summary": summary(found),
                         "problems": found})


def save_or_conflict(request: HttpRequest, record: ProgrammeRecord, content: dict[str, Any],
                     base_version: int, note: str, context: dict[str, Any],
                     then: str | None = None) -> HttpResponse:
    """Save ``content``; on a conflict show both versions, on invalid content the editor.
    After a save: back to ``then`` (a path on this site) or the programme page."""
    try:
        revisions.save_revision(record.pk, content, base_version, user_of(request), note)
    except Conflict as conflict:
        mine = ProgrammeForm(initial={
            **ProgrammeForm.initial_from(content, conflict.current_version), "note": note})
        return render(request, "rekenschap/conflict.html", {
            "record": record, "form": mine,
            "theirs": ProgrammeForm.initial_from(conflict.current, conflict.current_version),
            "changes": revisions.diff(conflict.current, content)}, status=409)
    except Invalid as invalid:
        form = context.get("form") or ProgrammeForm(
            initial=ProgrammeForm.initial_from(content, base_version))
        return render(request, "rekenschap/edit.html", {
            **context, "record": record, "form": form, "field_problems": invalid.details},
            status=422)
    except WebError as error:
        return error_page(request, error)
    messages.success(request, _("Opgeslagen als nieuwe revisie."))
    if then and url_has_allowed_host_and_scheme(then, allowed_hosts={request.get_host()}):
        return redirect(then)
    return redirect("programme", pk=record.pk)


@login_required
@require_POST
def programme_transition(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    try:
        workflow.transition(pk, Action(action), user_of(request), request.POST.get("note", ""))
    except ValueError:
        return error_page(request, Forbidden(_("Onbekende actie.")))
    except WebError as error:
        return error_page(request, error)
    return redirect("programme", pk=pk)


@login_required
def programme_history(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        record, drafts = readable_programme(request, pk)
    except WebError as error:
        return error_page(request, error)
    if not drafts:
        return error_page(request, Forbidden(_("U mag de geschiedenis niet inzien.")))
    items = []
    previous: Any = {}
    for revision in record.revisions.select_related("author"):
        items.append((revision, revisions.diff(previous, revision.content)))
        previous = revision.content
    items.reverse()
    return render(
        request,
        "rekenschap/history.html",
        {
            "record": record,
            "items": items,
            "transitions": record.transitions.select_related("user"),
            "may_restore": can(user_of(request), Action.EDIT, record) and record.state == "concept",
        },
    )


@login_required
@require_POST
def programme_restore(request: HttpRequest, pk: int, number: int) -> HttpResponse:
    try:
        base = int(request.POST.get("base_version", "-1"))
        revisions.restore_revision(pk, number, base, user_of(request))
    except Conflict as conflict:
        return error_page(request, conflict)
    except WebError as error:
        return error_page(request, error)
    except ValueError:
        return error_page(request, Invalid(_("Ongeldige versie.")))
    messages.success(request, _("Revisie %(n)s is hersteld als nieuwe revisie.") % {"n": number})
    return redirect("programme", pk=pk)


@login_required
@require_POST
def programme_comment(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        record, drafts = readable_programme(request, pk)
    except WebError as error:
        return error_page(request, error)
    user = user_of(request)
    if not can(user, Action.COMMENT, record):
        return error_page(request, Forbidden(_("U mag hier geen opmerking plaatsen.")))
    form = CommentForm(request.POST)
    if not form.is_valid():
        return error_page(request, Invalid(_("Opmerking is niet geldig.")))
    Comment.objects.create(
        programme=record,
        revision=record.current if drafts else record.published,
        author=user,
        **form.cleaned_data,
    )
    messages.success(request, _("Uw opmerking is geplaatst."))
    return redirect("programme", pk=pk)
