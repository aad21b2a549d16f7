"""Security: production settings, Argon2, CSRF, CSP, login throttling, escaping, forced password
change, one-time admin password, language."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth.hashers import check_password, make_password
from django.test import Client, override_settings
from web_world import PASSWORD, World

from rekenschap.web import settings as base_settings
from rekenschap.web.core.bootstrap import ensure_admin
from rekenschap.web.core.models import ProgrammeRecord, Role, User


def test_production_settings_pass_check_deploy(tmp_path: Path) -> None:
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "rekenschap.web.settings_production",
           "REKENSCHAP_DATA_DIR": str(tmp_path)}
    env.pop("REKENSCHAP_DATABASE_URL", None)
    result = subprocess.run([sys.executable, "-m", "rekenschap.web.manage", "check", "--deploy",
                             "--fail-level", "WARNING"], env=env, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
    from rekenschap.web import settings_production as prod

    assert prod.SESSION_COOKIE_SECURE and prod.CSRF_COOKIE_SECURE and not prod.DEBUG


def test_passwords_are_hashed_with_argon2() -> None:
    assert base_settings.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")
    with override_settings(PASSWORD_HASHERS=base_settings.PASSWORD_HASHERS):
        hashed = make_password("geheim")
        assert hashed.startswith("argon2$argon2id$")
        assert check_password("geheim", hashed) and not check_password("fout", hashed)


def test_csp_and_security_headers(world: World) -> None:
    response = world.client(Role.LEZER).get("/")
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "script-src 'self'" in csp and "unsafe" not in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_post_without_csrf_token_is_refused(world: World) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.users[Role.CONTROLLER])
    response = client.post(f"/programmas/{world.own.pk}/actie/submit/")
    assert response.status_code == 403
    world.own.refresh_from_db()
    assert world.own.state == "concept"


def test_login_is_throttled_after_five_failures(world: World) -> None:
    client = Client()
    for _ in range(5):
        client.post("/login/", {"username": "u-lezer", "password": "fout"})
    locked = client.post("/login/", {"username": "u-lezer", "password": PASSWORD})
    assert locked.status_code in {403, 429}
    assert "_auth_user_id" not in client.session
    # another user from the same address is not locked out
    other = Client().post("/login/", {"username": "u-auteur", "password": PASSWORD})
    assert other.status_code == 302


def test_user_text_is_escaped(world: World) -> None:
    assert world.own.current is not None
    from rekenschap.web.core.revisions import save_revision

    evil = "<script>alert('x')</script>"
    save_revision(world.own.pk, {**world.own.current.content, "name": evil,
                                 "goals": [{"title": evil}]}, 1, world.users[Role.AUTEUR])
    html = world.client(Role.LEZER).get(f"/programmas/{world.own.pk}/").content.decode()
    assert evil not in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html


def test_first_admin_gets_a_one_time_password_that_must_be_changed(db: None) -> None:
    User.objects.all().delete()
    password = ensure_admin()
    assert password is not None and len(password) >= 12
    assert ensure_admin() is None  # only once
    admin = User.objects.get(username="beheerder")
    assert admin.role == Role.BEHEERDER and admin.is_staff and admin.must_change_password
    client = Client()
    login = client.post("/login/", {"username": "beheerder", "password": password})
    assert login.status_code == 302
    assert client.get("/").url == "/wachtwoord/"
    new = "Een-Nieuw-Wachtwoord-2026"
    done = client.post("/wachtwoord/", {"old_password": password, "new_password1": new,
                                        "new_password2": new})
    assert done.status_code == 302
    admin.refresh_from_db()
    assert admin.must_change_password is False
    assert client.get("/").status_code == 200


@pytest.mark.parametrize(("lang", "text"), [("nl", "Documenten"), ("en", "Documents")])
def test_dutch_by_default_english_available(world: World, lang: str, text: str) -> None:
    client = world.client(Role.LEZER)
    if lang == "en":  # what the language switch does
        assert client.post("/i18n/setlang/", {"language": "en", "next": "/"}).status_code == 302
    # an English browser still gets Dutch until the user switches
    html = client.get("/", headers={"accept-language": "en-US,en"}).content.decode()
    assert f"<h1>{text}</h1>" in html
    assert f'<html lang="{lang}" ' in html


def test_raadslid_comment_reaches_author_and_controller(world: World) -> None:
    world.published.authors.add(world.users[Role.AUTEUR])
    response = world.client(Role.RAADSLID).post(
        f"/programmas/{world.published.pk}/opmerking/",
        {"target": "indicators[0]", "text": "Waarom daalt dit?", "is_question": "on"})
    assert response.status_code == 302
    for role in (Role.AUTEUR, Role.CONTROLLER):
        assert "Waarom daalt dit?" in world.client(role).get("/opmerkingen/").content.decode()
    assert "Waarom daalt dit?" not in world.client(Role.LEZER).get("/opmerkingen/").content.decode()
    _ = ProgrammeRecord
