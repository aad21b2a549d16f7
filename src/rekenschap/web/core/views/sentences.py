"""Accept a generated sentence into the programme's text with one click (a plain form button)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from rekenschap.model import Programme
from rekenschap.web.core import adapters, structured_sentences
from rekenschap.web.core.content import report_with
from rekenschap.web.core.errors import Invalid, WebError
from rekenschap.web.core.views.common import error_page
from rekenschap.web.core.views.programmes import save_or_conflict
from rekenschap.web.core.views.structured import editable_programme, posted_version


@login_required
@require_POST
def accept_sentence(request: HttpRequest, pk: int) -> HttpResponse:
    """Append the posted sentence, if the generator offers it for the current content."""
    lang = structured_sentences.CONTENT_LANG
    try:
        record, content = editable_programme(request, pk)
        path, text = request.POST.get("path", ""), request.POST.get("text", "")
        programme = Programme.model_validate(content)
        offered = adapters.sentence_suggestions(report_with(record.document, programme),
                                                programme, lang)
        if not any(s.path == path and s.text == text for s in offered):
            raise Invalid(_("Deze zin wordt niet (meer) voorgesteld; bekijk de pagina opnieuw."))
        new = structured_sentences.accept(content, path, text, lang)
    except WebError as error:
        return error_page(request, error)
    if new == content:
        messages.info(request, _("Deze zin staat al in de tekst."))
        return redirect("programme", pk=pk)
    return save_or_conflict(request, record, new, posted_version(request, record),
                            _("Voorgestelde zin overgenomen"), {},
                            then=request.POST.get("next") or None)
