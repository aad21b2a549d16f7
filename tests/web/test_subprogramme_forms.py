"""Deelprogramma's in the structured forms (``?deel=``): goals, finance, indicators and
explanations of a subprogramme, with the same permissions and locking as the programme."""

from __future__ import annotations

import copy
from typing import Any

from web_world import World

from rekenschap.web.core.models import Revision, Role
from rekenschap.web.core.revisions import save_revision
from rekenschap.web.core.structured_parts import (
    NoSuchPart,
    owner_path,
    parse_sub,
    part_at,
    put_part,
)


def _with_sub(world: World) -> dict[str, Any]:
    """The auteur's programme with one deelprogramma (a copy of its own content), saved as v2."""
    assert world.own.current is not None
    content: dict[str, Any] = copy.deepcopy(world.own.current.content)
    sub = {**copy.deepcopy(content), "code": "2.2.1", "name": "Ondermijning",
           "level": "deelprogramma", "subprogrammes": []}
    content["subprogrammes"] = [sub]
    save_revision(world.own.pk, content, 1, world.users[Role.AUTEUR])
    return content


def _latest(world: World) -> dict[str, Any]:
    revision = Revision.objects.filter(programme=world.own).order_by("-number").first()
    assert revision is not None
    return dict(revision.content)


def test_paths() -> None:
    content: dict[str, Any] = {"name": "p", "subprogrammes": [
        {"name": "a"}, {"name": "b", "subprogrammes": [{"name": "c"}]}]}
    assert parse_sub("") == () and parse_sub("1.0") == (1, 0)
    assert part_at(content, (1, 0))["name"] == "c"
    changed = put_part(content, (1, 0), {"name": "C"})
    assert changed["subprogrammes"][1]["subprogrammes"][0]["name"] == "C"
    assert content["subprogrammes"][1]["subprogrammes"][0]["name"] == "c"  # a copy
    assert owner_path("programmes[0].subprogrammes[1].finance.rows[2]") == (1,)
    assert owner_path("programmes[0].indicators[1]") == ()
    assert owner_path("programmes[1]") is None
    for bad in ("x", "-1", "0..1"):
        try:
            parse_sub(bad)
        except NoSuchPart:
            continue
        raise AssertionError(bad)
    try:
        part_at(content, (5,))
    except NoSuchPart:
        pass
    else:
        raise AssertionError("no such part")


def test_programme_page_links_the_deelprogramma_forms(world: World) -> None:
    _with_sub(world)
    html = world.client(Role.AUTEUR).get(f"/programmas/{world.own.pk}/").content.decode()
    assert "Deelprogramma 2.2.1 Ondermijning" in html
    assert f"/programmas/{world.own.pk}/doelen/0/?deel=0" in html
    assert f"/programmas/{world.own.pk}/financien/?deel=0" in html
    assert f"/programmas/{world.own.pk}/indicatoren/1/?deel=0" in html
    assert f"/programmas/{world.own.pk}/doelen/nieuw/?deel=0" in html
    lezer = world.client(Role.LEZER).get(f"/programmas/{world.own.pk}/").content.decode()
    assert "?deel=0" not in lezer


def test_edit_a_goal_of_a_deelprogramma_only(world: World) -> None:
    before = _with_sub(world)
    client = world.client(Role.AUTEUR)
    form = client.get(f"/programmas/{world.own.pk}/doelen/0/?deel=0").content.decode()
    assert "deelprogramma" in form and "2.2.1 Ondermijning" in form
    assert 'name="deel" value="0"' in form
    response = client.post(f"/programmas/{world.own.pk}/doelen/0/?deel=0", {
        "base_version": 2, "deel": "0", "code": "D1", "title": "Ondermijning in de wijk",
        "description": "", "activities": "Wijkaanpak"})
    assert response.status_code == 302
    after = _latest(world)
    assert after["subprogrammes"][0]["goals"][0]["title"] == "Ondermijning in de wijk"
    assert after["goals"] == before["goals"]  # the programme's own goals untouched
    added = client.post(f"/programmas/{world.own.pk}/doelen/nieuw/?deel=0", {
        "base_version": 3, "title": "Nieuw subdoel", "activities": ""})
    assert added.status_code == 302
    assert _latest(world)["subprogrammes"][0]["goals"][-1]["title"] == "Nieuw subdoel"


def test_finance_and_indicator_of_a_deelprogramma(world: World) -> None:
    _with_sub(world)
    client = world.client(Role.AUTEUR)
    cells = {"base_version": "2", "deel": "0", "cell-0-actual": "44.000"}
    check = client.post(f"/programmas/{world.own.pk}/financien/?deel=0", {**cells, "_check": "1"})
    assert all(p["path"].startswith("programmes[0].subprogrammes[0]")
               for p in check.json()["problems"])
    assert "FIN-OVERRUN" not in [p["code"] for p in check.json()["problems"]]
    saved = client.post(f"/programmas/{world.own.pk}/financien/?deel=0", cells)
    assert saved.status_code == 302
    after = _latest(world)
    assert after["subprogrammes"][0]["finance"]["rows"][0]["values"]["actual"] == 44000
    assert after["finance"]["rows"][0]["values"]["actual"] == 45324
    rows = client.post(f"/programmas/{world.own.pk}/indicatoren/1/?deel=0", {
        "base_version": "3", "row-0-period": "2019", "row-0-value": "4,1"})
    assert rows.status_code == 302
    assert _latest(world)["subprogrammes"][0]["indicators"][1]["observations"][0]["value"] == 4.1


def test_deelprogramma_forms_keep_permissions_and_locking(world: World) -> None:
    _with_sub(world)
    url = f"/programmas/{world.own.pk}/doelen/0/?deel=0"
    assert world.client(Role.LEZER).get(url).status_code == 403
    assert world.client(Role.AUTEUR).get(
        f"/programmas/{world.own.pk}/doelen/0/?deel=7").status_code == 404
    assert world.client(Role.AUTEUR).get(
        f"/programmas/{world.own.pk}/financien/?deel=x").status_code == 404
    stale = world.client(Role.AUTEUR).post(url, {
        "base_version": 1, "deel": "0", "title": "Oud formulier", "activities": ""})
    assert stale.status_code == 409  # the conflict screen; nothing overwritten
    assert "Oud formulier" in stale.content.decode()
    assert _latest(world)["subprogrammes"][0]["goals"][0]["title"] != "Oud formulier"


def test_a_deelprogramma_sentence_goes_into_the_deelprogramma(world: World) -> None:
    _with_sub(world)
    client = world.client(Role.AUTEUR)
    page = client.get(f"/programmas/{world.own.pk}/").content.decode()
    path = "programmes[0].subprogrammes[0].finance.rows[1]"
    assert f'name="path" value="{path}"' in page
    response = client.post(f"/programmas/{world.own.pk}/zinnen/", {
        "base_version": "2", "path": path,
        "text": "De baten zijn € 3.142.000 (48%) hoger dan begroot."})
    assert response.status_code == 302
    after = _latest(world)
    assert after["subprogrammes"][0]["sections"][-1] == {
        "heading": "Toelichting bij de cijfers",
        "text": "De baten zijn € 3.142.000 (48%) hoger dan begroot.", "provenance": None}
    assert not after.get("sections")
