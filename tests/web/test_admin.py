"""The beheerder manages users and author assignments in the admin (/beheer/)."""

from __future__ import annotations

from web_world import World

from rekenschap.web.core.models import Role, User


def test_beheerder_creates_an_auteur_and_assigns_a_programme(world: World) -> None:
    client = world.client(Role.BEHEERDER)
    created = client.post("/beheer/core/user/add/", {
        "username": "nieuwe-auteur", "password1": "Lang-Genoeg-Wachtwoord-1",
        "password2": "Lang-Genoeg-Wachtwoord-1", "role": "auteur", "usable_password": "true"})
    assert created.status_code == 302, created.content.decode()[:3000]
    user = User.objects.get(username="nieuwe-auteur")
    assert user.role == Role.AUTEUR and not user.is_staff
    assigned = client.post(f"/beheer/core/programmerecord/{world.other.pk}/change/",
                           {"authors": [user.pk]})
    assert assigned.status_code == 302
    assert list(world.other.authors.all()) == [user]
    # the new auteur may now edit that programme and still not the other one
    from django.test import Client

    auteur = Client()
    auteur.force_login(user)
    assert auteur.get(f"/programmas/{world.other.pk}/bewerken/").status_code == 200
    assert auteur.get(f"/programmas/{world.own.pk}/bewerken/").status_code == 403


def test_controller_has_no_admin(world: World) -> None:
    response = world.client(Role.CONTROLLER).get("/beheer/core/user/add/")
    assert response.status_code == 302 and "/beheer/login/" in response.url
