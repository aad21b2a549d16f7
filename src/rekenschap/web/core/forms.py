"""Forms: the programme editor (one field per part, YAML), upload, comment, password."""

from __future__ import annotations

from typing import Any

import yaml
from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

# Programme parts edited as structured text; each maps to one field of the domain Programme.
PARTS: list[tuple[str, Any]] = [
    ("goals", gettext_lazy("Doelen en activiteiten")),
    ("finance", gettext_lazy("Financiën (tabel)")),
    ("indicators", gettext_lazy("Beleidsindicatoren")),
    ("explanations", gettext_lazy("Toelichting op verschillen")),
    ("sections", gettext_lazy("Overige tekst")),
]


def dump_part(value: Any) -> str:
    if value in (None, [], ()):
        return ""
    return yaml.safe_dump(value, allow_unicode=True, sort_keys=False, width=100)


class NLDesignForm(forms.Form):
    """Inputs with the NL Design System (Utrecht) classes, like the published site's."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            widget = field.widget
            if isinstance(widget, forms.HiddenInput | forms.CheckboxInput | forms.FileInput):
                continue
            css = "utrecht-textarea" if isinstance(widget, forms.Textarea) \
                else "utrecht-textbox utrecht-textbox--html-input"
            widget.attrs["class"] = f"{widget.attrs.get('class', '')} {css}".strip()


class ProgrammeForm(NLDesignForm):
    base_version = forms.IntegerField(widget=forms.HiddenInput)
    code = forms.CharField(label=gettext_lazy("Code"), required=False, max_length=32)
    name = forms.CharField(label=gettext_lazy("Naam"), max_length=300)
    goals = forms.CharField(
        label=PARTS[0][1], required=False, widget=forms.Textarea(attrs={"rows": 16})
    )
    finance = forms.CharField(
        label=PARTS[1][1], required=False, widget=forms.Textarea(attrs={"rows": 12})
    )
    indicators = forms.CharField(
        label=PARTS[2][1], required=False, widget=forms.Textarea(attrs={"rows": 12})
    )
    explanations = forms.CharField(
        label=PARTS[3][1], required=False, widget=forms.Textarea(attrs={"rows": 8})
    )
    sections = forms.CharField(
        label=PARTS[4][1], required=False, widget=forms.Textarea(attrs={"rows": 6})
    )
    note = forms.CharField(
        label=gettext_lazy("Toelichting bij deze wijziging"), required=False, max_length=300
    )

    @classmethod
    def initial_from(cls, content: dict[str, Any], version: int) -> dict[str, Any]:
        initial = {
            "base_version": version,
            "code": content.get("code") or "",
            "name": content.get("name", ""),
        }
        for name, _label in PARTS:
            initial[name] = dump_part(content.get(name))
        return initial

    def content(self, base: dict[str, Any]) -> dict[str, Any] | None:
        """The edited programme as JSON (parts parsed from YAML); None with field errors."""
        out = dict(base)
        out["code"] = self.cleaned_data["code"] or None
        out["name"] = self.cleaned_data["name"]
        ok = True
        for name, _label in PARTS:
            text = self.cleaned_data.get(name) or ""
            try:
                value = yaml.safe_load(text) if text.strip() else None
            except yaml.YAMLError as exc:
                mark = getattr(exc, "problem_mark", None)
                where = _("regel %(n)s") % {"n": mark.line + 1} if mark else ""
                self.add_error(name, f"{where}: {getattr(exc, 'problem', exc)}")
                ok = False
                continue
            if value is None:
                out[name] = None if name == "finance" else []
            else:
                out[name] = value
        return out if ok else None


class UploadForm(NLDesignForm):
    file = forms.FileField(label=gettext_lazy("Bestand (PDF, tekst, JSON of YAML)"))


class CommentForm(NLDesignForm):
    target = forms.CharField(label=gettext_lazy("Over"), max_length=100)
    is_question = forms.BooleanField(label=gettext_lazy("Dit is een vraag"), required=False)
    text = forms.CharField(
        label=gettext_lazy("Opmerking"), max_length=5000, widget=forms.Textarea(attrs={"rows": 3})
    )
