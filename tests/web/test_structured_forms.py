"""The goal form and the finance cell form: structured edits that become revisions."""

from __future__ import annotations

from web_world import World

from rekenschap.web.core import structured
from rekenschap.web.core.models import Revision, Role


def _latest(world: World) -> dict[str, object]:
    revision = Revision.objects.filter(programme=world.own).order_by("-number").first()
    assert revision is not None
    return dict(revision.content)


def test_edit_a_goal_keeps_the_details_of_unchanged_activities(world: World) -> None:
    client = world.client(Role.AUTEUR)
    form = client.get(f"/programmas/{world.own.pk}/doelen/0/").content.decode()
    assert "&gt; 100 eigen onderzoeken verricht obv wet Bibob" in form
    values = structured.goal_initial(_latest(world), 0)
    lines = values["activities"].splitlines()
    response = client.post(f"/programmas/{world.own.pk}/doelen/0/", {
        "base_version": 1, "code": "G1", "title": "Ondermijning aanpakken",
        "description": "", "activities": "\n".join([*lines[:-1], lines[-1], "Nieuwe activiteit"])})
    assert response.status_code == 302
    goal = _latest(world)["goals"][0]  # type: ignore[index]
    assert goal["title"] == "Ondermijning aanpakken" and goal["code"] == "G1"
    assert goal["activities"][-1]["text"] == "Nieuwe activiteit"
    assert goal["activities"][-1]["quantities"] == []
    kept = goal["activities"][3]
    assert kept["quantities"][0]["value"] == 100  # unchanged line kept its quantity


def test_add_a_goal_and_refuse_one_without_title(world: World) -> None:
    client = world.client(Role.AUTEUR)
    refused = client.post(f"/programmas/{world.own.pk}/doelen/nieuw/", {
        "base_version": 1, "title": "  ", "activities": "x"})
    assert refused.status_code == 422
    added = client.post(f"/programmas/{world.own.pk}/doelen/nieuw/", {
        "base_version": 1, "title": "Nieuw doel", "activities": "Eerste\n\nTweede"})
    assert added.status_code == 302
    goal = _latest(world)["goals"][-1]  # type: ignore[index]
    assert goal["title"] == "Nieuw doel"
    assert [a["text"] for a in goal["activities"]] == ["Eerste", "Tweede"]


def test_finance_cells_take_dutch_numbers_and_name_bad_cells(world: World) -> None:
    client = world.client(Role.AUTEUR)
    rows = structured.finance_cells(_latest(world))
    first_row, label, cells = rows[0]
    name, column, shown = cells[0]
    page = client.get(f"/programmas/{world.own.pk}/financien/").content.decode()
    assert f'value="{shown}"' in page
    bad = client.post(f"/programmas/{world.own.pk}/financien/", {
        "base_version": 1, name: "veel"})
    assert bad.status_code == 422
    assert f"{label} / {column}" in bad.content.decode()
    assert Revision.objects.filter(programme=world.own).count() == 1
    good = client.post(f"/programmas/{world.own.pk}/financien/", {
        "base_version": 1, name: "1.234,5"})
    assert good.status_code == 302
    finance = _latest(world)["finance"]
    key = name.rsplit("-", 1)[1]
    assert finance["rows"][first_row]["values"][key] == 1234.5  # type: ignore[index]


def test_structured_forms_follow_the_permissions(world: World) -> None:
    for role in (Role.LEZER, Role.RAADSLID, Role.BEHEERDER):
        client = world.client(role)
        assert client.get(f"/programmas/{world.own.pk}/doelen/0/").status_code == 403
        assert client.post(f"/programmas/{world.own.pk}/financien/",
                           {"base_version": 1}).status_code == 403
    other = world.client(Role.AUTEUR).get(f"/programmas/{world.other.pk}/doelen/0/")
    assert other.status_code == 403


def test_goal_form_on_a_stale_version_shows_the_conflict_screen(world: World) -> None:
    client = world.client(Role.AUTEUR)
    first = client.post(f"/programmas/{world.own.pk}/doelen/nieuw/", {
        "base_version": 1, "title": "Een", "activities": ""})
    assert first.status_code == 302
    second = client.post(f"/programmas/{world.own.pk}/doelen/nieuw/", {
        "base_version": 1, "title": "Twee", "activities": ""})
    assert second.status_code == 409
    assert "Twee" in second.content.decode() and "Een" in second.content.decode()
