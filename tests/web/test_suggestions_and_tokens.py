"""Generated sentences accepted into the text with one button; API tokens listed and revoked
(UI and API); the NL Design System CSS served to the app pages."""

from __future__ import annotations

import html as htmllib
import re

from django.test import Client
from web_world import World

from rekenschap.web.core.models import ApiToken, Revision, Role
from rekenschap.web.core.tokens import create_token

VARIANCE = "De baten zijn € 3.142.000 (48%) hoger dan begroot."


def _sections(world: World) -> list[dict[str, str]]:
    revision = Revision.objects.filter(programme=world.own).order_by("-number").first()
    assert revision is not None
    return list(revision.content.get("sections") or [])


def test_a_suggested_sentence_is_accepted_with_one_button(world: World) -> None:
    client = world.client(Role.AUTEUR)
    page = client.get(f"/programmas/{world.own.pk}/").content.decode()
    forms = re.findall(r'<form method="post" action="/programmas/\d+/zinnen/">(.*?)</form>', page,
                       re.S)
    assert len(forms) >= 5  # one button per sentence, no JS needed
    fields = {name: htmllib.unescape(value) for form in forms if VARIANCE in htmllib.unescape(form)
              for name, value in re.findall(r'name="(\w+)" value="([^"]*)"', form)}
    assert fields["path"] == "programmes[0].finance.rows[1]"
    response = client.post(f"/programmas/{world.own.pk}/zinnen/", fields)
    assert response.status_code == 302
    notes = [s for s in _sections(world) if s["heading"] == "Toelichting bij de cijfers"]
    assert notes and notes[0]["text"] == VARIANCE
    after = client.get(f"/programmas/{world.own.pk}/").content.decode()
    assert "staat al in de tekst" in after
    again = client.post(f"/programmas/{world.own.pk}/zinnen/", {**fields, "base_version": "2"})
    assert again.status_code == 302
    assert Revision.objects.filter(programme=world.own).count() == 2  # not added twice


def test_only_offered_sentences_are_accepted(world: World) -> None:
    client = world.client(Role.AUTEUR)
    forged = client.post(f"/programmas/{world.own.pk}/zinnen/", {
        "base_version": "1", "path": "programmes[0].finance.rows[1]",
        "text": "<script>alert(1)</script>"})
    assert forged.status_code == 422
    assert Revision.objects.filter(programme=world.own).count() == 1
    stale = client.post(f"/programmas/{world.own.pk}/zinnen/", {
        "base_version": "0", "path": "programmes[0].finance.rows[1]", "text": VARIANCE})
    assert stale.status_code == 409  # optimistic locking as for every save
    other = world.client(Role.AUTEUR).post(f"/programmas/{world.other.pk}/zinnen/", {
        "base_version": "1", "path": "programmes[0].finance.rows[1]", "text": VARIANCE})
    assert other.status_code == 403
    lezer = world.client(Role.LEZER).get(f"/programmas/{world.own.pk}/").content.decode()
    assert "/zinnen/" not in lezer


def _api(token: str) -> Client:
    return Client(headers={"authorization": f"Bearer {token}"})


def test_tokens_are_listed_and_revoked_in_the_ui(world: World) -> None:
    client = world.client(Role.AUTEUR)
    made = client.post("/token/", {"label": "rapportage-script"}).content.decode()
    token = re.search(r'<code id="token">(rks_[^<]+)</code>', made)
    assert token is not None
    assert "rapportage-script" in made
    assert _api(token.group(1)).get("/api/v1/me").status_code == 200
    stored = ApiToken.objects.get(user=world.users[Role.AUTEUR], label="rapportage-script")
    assert f'action="/token/{stored.pk}/intrekken/"' in made
    assert client.get(f"/token/{stored.pk}/intrekken/").status_code == 405  # POST only
    revoked = client.post(f"/token/{stored.pk}/intrekken/", follow=True).content.decode()
    assert "ingetrokken" in revoked and "rapportage-script" not in revoked
    response = _api(token.group(1)).get("/api/v1/me")
    assert response.status_code == 401
    assert response.json() == {"ok": False, "error": {
        "code": "WEB-UNAUTHENTICATED", "message": "Geldig API-token vereist.", "details": []}}


def test_nobody_revokes_someone_elses_token(world: World) -> None:
    theirs = create_token(world.users[Role.CONTROLLER], "controller")
    stored = ApiToken.objects.get(user=world.users[Role.CONTROLLER], label="controller")
    world.client(Role.AUTEUR).post(f"/token/{stored.pk}/intrekken/")
    assert _api(theirs).get("/api/v1/me").status_code == 200
    mine = create_token(world.users[Role.AUTEUR], "mine")
    response = _api(mine).delete(f"/api/v1/tokens/{stored.pk}")
    assert response.status_code == 404 and response.json()["error"]["code"] == "WEB-NOT-FOUND"
    assert _api(theirs).get("/api/v1/me").status_code == 200


def test_tokens_are_listed_and_revoked_through_the_api(world: World) -> None:
    first = create_token(world.users[Role.AUTEUR], "een")
    second = create_token(world.users[Role.AUTEUR], "twee")
    listed = _api(first).get("/api/v1/tokens").json()
    assert [t["label"] for t in listed] == ["twee", "een"]
    assert set(listed[0]) == {"id", "user", "label", "created_at"}  # never secret or digest
    assert {t["user"] for t in listed} == {world.users[Role.AUTEUR].username}
    gone = _api(first).delete(f"/api/v1/tokens/{listed[0]['id']}")
    assert gone.status_code == 200 and gone.json() == {"ok": True, "revoked": listed[0]["id"]}
    failed = _api(second).get("/api/v1/tokens")
    assert failed.status_code == 401 and failed.json()["error"]["code"] == "WEB-UNAUTHENTICATED"
    assert [t["label"] for t in _api(first).get("/api/v1/tokens").json()] == ["een"]
    assert "/api/v1/tokens/{token_id}" in _api(first).get("/api/v1/openapi.json").json()["paths"]


def test_the_beheerder_sees_and_revokes_every_users_tokens(world: World) -> None:
    theirs = create_token(world.users[Role.AUTEUR], "script-van-de-auteur")
    stored = ApiToken.objects.get(label="script-van-de-auteur")
    beheerder = world.client(Role.BEHEERDER)
    page = beheerder.get("/token/").content.decode()
    assert "Tokens van alle gebruikers" in page and "script-van-de-auteur" in page
    beheerder.cookies["django_language"] = "en"
    assert "All users' tokens" in beheerder.get("/token/").content.decode()
    beheerder.cookies["django_language"] = "nl"
    row = page[page.index(f'id="all-token-{stored.pk}"'):]
    row = row[:row.index("</tr>")]
    assert world.users[Role.AUTEUR].username in row
    assert f'action="/token/{stored.pk}/intrekken/"' in row
    # the auteur's own page shows their token but not the everyone section
    own = world.client(Role.AUTEUR).get("/token/").content.decode()
    assert "script-van-de-auteur" in own and "Tokens van alle gebruikers" not in own
    done = beheerder.post(f"/token/{stored.pk}/intrekken/", follow=True).content.decode()
    assert "Het token is ingetrokken" in done and "script-van-de-auteur" not in done
    assert _api(theirs).get("/api/v1/me").status_code == 401
    # and through the API: everyone's tokens with their owner, any one revoked
    again = create_token(world.users[Role.RAADSLID], "raadslid-export")
    admin_api = world.api(Role.BEHEERDER)
    listed = admin_api.get("/api/v1/tokens/all").json()
    owners = {t["label"]: t["user"] for t in listed}
    assert owners["raadslid-export"] == world.users[Role.RAADSLID].username
    assert {t["user"] for t in admin_api.get("/api/v1/tokens").json()} == {
        world.users[Role.BEHEERDER].username}  # /tokens: only the caller's own
    target = next(t["id"] for t in listed if t["label"] == "raadslid-export")
    assert admin_api.delete(f"/api/v1/tokens/{target}").json() == {"ok": True, "revoked": target}
    assert _api(again).get("/api/v1/me").status_code == 401


def test_app_pages_use_the_vendored_nl_design_system_css(world: World) -> None:
    client = world.client(Role.AUTEUR)
    html = client.get("/").content.decode()
    assert 'class="utrecht-root voorbeeld-theme"' in html
    for name in ("voorbeeld-theme.css", "utrecht-components.css", "utrecht-html.css"):
        assert f'href="/static/vendor/{name}"' in html
        response = client.get(f"/static/vendor/{name}")
        assert response.status_code == 200 and response["Content-Type"] == "text/css"
    assert "utrecht-page-header" in html and "utrecht-page-footer" in html
    links = re.findall(r'<(?:link|script)[^>]+(?:href|src)="([^"]+)"', html)
    assert len(links) == 5 and all(link.startswith("/static/") for link in links)  # no CDN
    assert client.get("/static/admin/css/base.css").status_code == 200
    for bad in ("/static/../settings.py", "/static/vendor/../../site.py", "/static/nope.css"):
        assert client.get(bad).status_code == 404


def test_the_finance_and_indicator_forms_offer_their_own_sentences(world: World) -> None:
    client = world.client(Role.AUTEUR)
    finance = htmllib.unescape(
        client.get(f"/programmas/{world.own.pk}/financien/").content.decode())
    assert VARIANCE in finance and "Het aantal winkeldiefstallen" not in finance
    assert finance.count('class="utrecht-button utrecht-button--secondary-action accept-sentence"'
                         ) == 4  # budget change + variance, for lasten and baten
    indicator = htmllib.unescape(
        client.get(f"/programmas/{world.own.pk}/indicatoren/1/").content.decode())
    assert "Het aantal winkeldiefstallen per 1.000 inwoners is gestegen" in indicator
    assert VARIANCE not in indicator and "verwijzingen Halt" not in indicator


def test_accepting_on_a_form_returns_to_that_form_and_only_to_this_site(world: World) -> None:
    client = world.client(Role.AUTEUR)
    form = f"/programmas/{world.own.pk}/financien/"
    page = client.get(form).content.decode()
    assert f'name="next" value="{form}"' in page
    back = client.post(f"/programmas/{world.own.pk}/zinnen/", {
        "base_version": "1", "path": "programmes[0].finance.rows[1]", "text": VARIANCE,
        "next": form})
    assert back.status_code == 302 and back["Location"] == form
    away = client.post(f"/programmas/{world.own.pk}/zinnen/", {
        "base_version": "2", "path": "programmes[0].finance.rows[0]",
        "text": "De lasten zijn € 702.000 (1,6%) hoger dan begroot.",
        "next": "https://example.org/phish"})
    assert away.status_code == 302 and away["Location"] == f"/programmas/{world.own.pk}/"


def test_an_english_interface_still_offers_dutch_sentences_for_the_dutch_text(
        world: World) -> None:
    client = world.client(Role.AUTEUR)
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    page = htmllib.unescape(client.get(f"/programmas/{world.own.pk}/").content.decode())
    assert "Add to the text" in page and VARIANCE in page
    assert "higher than budgeted" not in page
