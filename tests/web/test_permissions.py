"""The permission matrix: every role x action, through the HTML UI and through the JSON API.

The expected table is written out here by hand (not derived from ``permissions.TABLE``), so a
change in the code that lets the wrong role in makes a test fail.
"""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from web_world import EXAMPLE, World

from rekenschap.web.core.forms import ProgrammeForm
from rekenschap.web.core.models import (
    ApiToken,
    Comment,
    Document,
    ProgrammeRecord,
    Revision,
    Role,
    State,
    User,
)
from rekenschap.web.core.tokens import create_token

EXPECTED: dict[Role, set[str]] = {
    Role.BEHEERDER: {"read_concept", "read_published", "history", "import", "manage_users",
                     "read_comments", "settings", "list_all_tokens", "revoke_others_token"},
    Role.CONTROLLER: {"read_concept", "read_published", "history", "edit_own", "edit_other",
                      "submit_own", "approve", "publish", "import", "comment_published",
                      "read_comments", "settings", "check_own", "accept_own"},
    Role.AUTEUR: {"read_concept", "read_published", "history", "edit_own", "submit_own",
                  "check_own", "accept_own"},
    Role.LEZER: {"read_concept", "read_published", "history"},
    Role.RAADSLID: {"read_published", "comment_published", "read_comments"},
}


def _edit_form(record: ProgrammeRecord) -> dict[str, object]:
    assert record.current is not None
    data = ProgrammeForm.initial_from(record.current.content, record.version)
    return {**data, "name": "Gewijzigd door test"}


def _content(record: ProgrammeRecord) -> dict[str, object]:
    assert record.current is not None
    return {**record.current.content, "name": "Gewijzigd door test"}


def _to_review(record: ProgrammeRecord) -> None:
    ProgrammeRecord.objects.filter(pk=record.pk).update(state=State.REVIEW)


def _others_token() -> ApiToken:
    """A token of a user who is not the caller (a user made for it), recognisable by its label."""
    owner = User.objects.create_user("u-ander", password="x-x-x-x-x-x", role=Role.LEZER)
    create_token(owner, "TOKEN-VAN-EEN-ANDER")
    return ApiToken.objects.get(user=owner)


def _gone(token: ApiToken) -> int:
    """200 when the token was revoked, 404 when it is still there."""
    return 404 if ApiToken.objects.filter(pk=token.pk).exists() else 200


Call = Callable[[World, Client], int]


def ui(action: str) -> Call:
    def call(w: World, c: Client) -> int:
        if action == "read_concept":
            return c.get(f"/programmas/{w.own.pk}/").status_code
        if action == "read_published":
            return c.get(f"/programmas/{w.published.pk}/").status_code
        if action == "history":
            return c.get(f"/programmas/{w.own.pk}/geschiedenis/").status_code
        if action == "edit_own":
            return c.post(f"/programmas/{w.own.pk}/bewerken/", _edit_form(w.own)).status_code
        if action == "edit_other":
            return c.post(f"/programmas/{w.other.pk}/bewerken/", _edit_form(w.other)).status_code
        if action == "submit_own":
            return c.post(f"/programmas/{w.own.pk}/actie/submit/").status_code
        if action == "approve":
            _to_review(w.own)
            return c.post(f"/programmas/{w.own.pk}/actie/approve/").status_code
        if action == "publish":
            return c.post(f"/documenten/{w.document.pk}/publiceren/").status_code
        if action == "import":
            upload = SimpleUploadedFile("nieuw.yaml", EXAMPLE.read_bytes())
            return c.post("/importeren/", {"file": upload}).status_code
        if action == "comment_published":
            return c.post(f"/programmas/{w.published.pk}/opmerking/",
                          {"target": "goals[0]", "text": "Waarom?"}).status_code
        if action == "read_comments":
            Comment.objects.create(programme=w.published, target="finance", text="GEHEIM-X")
            page = c.get(f"/programmas/{w.published.pk}/")
            return 200 if b"GEHEIM-X" in page.content else 403
        if action == "check_own":  # check while typing: JSON findings, nothing saved
            response = c.post(f"/programmas/{w.own.pk}/financien/",
                              {"_check": "1", "base_version": "1", "cell-0-actual": "1"})
            assert Revision.objects.filter(programme=w.own).count() == 1
            return response.status_code
        if action == "accept_own":  # a generated sentence into the text
            return c.post(f"/programmas/{w.own.pk}/zinnen/", {
                "base_version": "1", "path": "programmes[0].finance.rows[1]",
                "text": "De baten zijn € 3.142.000 (48%) hoger dan begroot."}).status_code
        if action == "settings":
            return c.post("/drempels/", {"toml": "variance.absolute = 50000\n"}).status_code
        if action == "manage_users":
            page = c.get("/beheer/core/user/")
            return 403 if page.status_code == 302 else page.status_code
        if action == "list_all_tokens":
            _others_token()
            page = c.get("/token/")
            assert page.status_code == 200  # everyone has the page for their own tokens
            return 200 if b"TOKEN-VAN-EEN-ANDER" in page.content else 403
        if action == "revoke_others_token":
            token = _others_token()
            response = c.post(f"/token/{token.pk}/intrekken/")
            assert response.status_code == 302  # back to the token page, with a message
            return _gone(token)
        raise AssertionError(action)
    return call


def api(action: str) -> Call:
    def call(w: World, c: Client) -> int:
        base = "/api/v1"
        put = {"content_type": "application/json"}
        if action == "read_concept":
            return c.get(f"{base}/programmes/{w.own.pk}").status_code
        if action == "read_published":
            return c.get(f"{base}/programmes/{w.published.pk}").status_code
        if action == "history":
            return c.get(f"{base}/programmes/{w.own.pk}/revisions").status_code
        if action in {"edit_own", "edit_other"}:
            record = w.own if action == "edit_own" else w.other
            body = {"base_version": record.version, "content": _content(record)}
            return c.put(f"{base}/programmes/{record.pk}", json.dumps(body), **put).status_code
        if action == "submit_own":
            return c.post(f"{base}/programmes/{w.own.pk}/transitions",
                          json.dumps({"action": "submit"}), **put).status_code
        if action == "approve":
            _to_review(w.own)
            return c.post(f"{base}/programmes/{w.own.pk}/transitions",
                          json.dumps({"action": "approve"}), **put).status_code
        if action == "publish":
            return c.post(f"{base}/documents/{w.document.pk}/publish").status_code
        if action == "import":
            body = EXAMPLE.read_text(encoding="utf-8")
            import yaml

            return c.post(f"{base}/documents", json.dumps(yaml.safe_load(body)), **put).status_code
        if action == "comment_published":
            return c.post(f"{base}/programmes/{w.published.pk}/comments",
                          json.dumps({"target": "goals[0]", "text": "Waarom?"}), **put).status_code
        if action == "read_comments":
            return c.get(f"{base}/programmes/{w.published.pk}/comments").status_code
        if action == "manage_users":
            return c.get(f"{base}/users").status_code
        if action == "list_all_tokens":
            _others_token()
            response = c.get(f"{base}/tokens/all")
            if response.status_code == 200:
                assert "TOKEN-VAN-EEN-ANDER" in {t["label"] for t in response.json()}
            return response.status_code
        if action == "revoke_others_token":
            token = _others_token()
            response = c.delete(f"{base}/tokens/{token.pk}")
            assert _gone(token) == response.status_code
            return response.status_code
        raise AssertionError(action)
    return call


ACTIONS = sorted({a for allowed in EXPECTED.values() for a in allowed})
API_ACTIONS = [a for a in ACTIONS if a not in {"settings", "check_own", "accept_own"}]


def _state(w: World) -> tuple[int, int, int, int]:
    return (Revision.objects.count(), Document.objects.count(), Comment.objects.count(),
            ProgrammeRecord.objects.filter(state=State.CONCEPT).count())


@pytest.mark.parametrize("role", list(Role), ids=lambda r: r.value)
@pytest.mark.parametrize("action", ACTIONS)
def test_ui_matrix(world: World, role: Role, action: str) -> None:
    client = world.client(role)
    status = ui(action)(world, client)
    if action in EXPECTED[role]:
        assert status in {200, 201, 302}, f"{role} should be allowed to {action} (UI): {status}"
    else:
        assert status in {403, 404}, f"{role} must not {action} (UI): got {status}"


@pytest.mark.parametrize("role", list(Role), ids=lambda r: r.value)
@pytest.mark.parametrize("action", API_ACTIONS)
def test_api_matrix(world: World, role: Role, action: str) -> None:
    client = world.api(role)
    before = _state(world)
    response_status = api(action)(world, client)
    if action in EXPECTED[role]:
        assert response_status in {200, 201}, f"{role} should be allowed to {action} (API)"
    else:
        assert response_status in {403, 404}, f"{role} must not {action}: got {response_status}"
        if action not in {"approve", "read_comments"}:
            assert _state(world) == before, "a refused request changed data"


@pytest.mark.parametrize("role", [r for r in Role if r != Role.BEHEERDER], ids=lambda r: r.value)
def test_only_the_beheerder_touches_another_users_token_others_get_404(world: World,
                                                                       role: Role) -> None:
    token = _others_token()
    response = world.api(role).delete(f"/api/v1/tokens/{token.pk}")
    assert response.status_code == 404 and response.json()["error"]["code"] == "WEB-NOT-FOUND"
    listed = world.api(role).get("/api/v1/tokens/all")
    assert listed.status_code == 403 and listed.json()["error"]["code"] == "WEB-FORBIDDEN"
    assert ApiToken.objects.filter(pk=token.pk).exists()


def test_auteur_cannot_edit_another_departments_programme(world: World) -> None:
    client = world.client(Role.AUTEUR)
    before = Revision.objects.filter(programme=world.other).count()
    response = client.post(f"/programmas/{world.other.pk}/bewerken/", _edit_form(world.other))
    assert response.status_code == 403
    assert Revision.objects.filter(programme=world.other).count() == before


def test_raadslid_cannot_read_a_concept(world: World) -> None:
    assert world.client(Role.RAADSLID).get(f"/programmas/{world.own.pk}/").status_code == 403
    response = world.api(Role.RAADSLID).get(f"/api/v1/programmes/{world.own.pk}")
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "WEB-FORBIDDEN"
    listing = world.api(Role.RAADSLID).get("/api/v1/documents").json()
    seen = {p["id"] for d in listing for p in d["programmes"]}
    assert seen == {world.published.pk}


def test_anonymous_gets_login_or_401(world: World) -> None:
    assert Client().get(f"/programmas/{world.published.pk}/").status_code == 302
    response = Client().get("/api/v1/documents")
    assert response.status_code == 401
    assert response.json() == {"ok": False, "error": {
        "code": "WEB-UNAUTHENTICATED", "message": "Geldig API-token vereist.", "details": []}}
