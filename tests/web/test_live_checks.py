"""Check while typing: every editing form posted with ``_check=1`` answers the findings of the
unsaved content as JSON (same permissions as editing; nothing saved)."""

from __future__ import annotations

from typing import Any

from web_world import World

from rekenschap.web.core.models import ProgrammeRecord, Revision, Role


def _finance(**cells: str) -> dict[str, str]:
    form = {"base_version": "1", "_check": "1", "cell-0-original_budget": "42.668",
            "cell-0-amended_budget": "44.622", "cell-0-actual": "45.324",
            "cell-1-original_budget": "5.447", "cell-1-amended_budget": "6.506",
            "cell-1-actual": "9.648"}
    form.update(cells)
    return form


def _codes(response: Any) -> list[str]:
    assert response.status_code == 200, response.content[:300]
    assert response["Content-Type"] == "application/json"
    return [p["code"] for p in response.json()["problems"]]


def test_an_overrun_typed_into_a_finance_cell_shows_and_goes_without_saving(world: World) -> None:
    client = world.client(Role.AUTEUR)
    url = f"/programmas/{world.own.pk}/financien/"
    fixed = client.post(url, _finance(**{"cell-0-actual": "44.000"}))
    assert "FIN-OVERRUN" not in _codes(fixed)
    broken = client.post(url, _finance(**{"cell-0-actual": "46.000"}))
    found = [p for p in broken.json()["problems"] if p["code"] == "FIN-OVERRUN"]
    assert len(found) == 1
    assert found[0]["severity"] == "error"
    assert found[0]["field"] == "cell-0-original_budget"  # the Lasten row's first input
    assert found[0]["path"] == "programmes[0].finance.rows[0]"
    assert "46.000" in found[0]["message"]
    # errors come first
    severities = [p["severity"] for p in broken.json()["problems"]]
    assert severities == sorted(severities, key=["error", "warning", "notice"].index)
    assert Revision.objects.filter(programme=world.own).count() == 1  # nothing saved
    world.own.refresh_from_db()
    assert world.own.version == 1


def test_a_cell_that_is_not_a_number_is_named(world: World) -> None:
    response = world.client(Role.AUTEUR).post(
        f"/programmas/{world.own.pk}/financien/", _finance(**{"cell-1-actual": "9,6x"}))
    unreadable = [p for p in response.json()["problems"] if p["code"] == "WEB-FIELD-UNREADABLE"]
    assert [p["field"] for p in unreadable] == ["cell-1-actual"]
    assert "9,6x" in unreadable[0]["message"] and "Baten" in unreadable[0]["message"]


def test_goal_form_checks_title_and_activities(world: World) -> None:
    client = world.client(Role.AUTEUR)
    response = client.post(f"/programmas/{world.own.pk}/doelen/1/", {
        "_check": "1", "base_version": "1", "code": "", "title": "",
        "description": "", "activities": "Aantal keer iets gedaan\n2projecten opgezet"})
    problems = response.json()["problems"]
    found = {(p["code"], p["path"], p["field"]) for p in problems}
    assert found == {
        ("WEB-FIELD-UNREADABLE", "id_title", "id_title"),
        ("ACT-MISSING-NUMBER", "programmes[0].goals[1].activities[0]", "id_activities"),
        ("TXT-GLUED-NUMBER", "programmes[0].goals[1].activities[1]", "id_activities"),
    }  # only what is about this goal: not goals[5]'s glued number, not the finance table
    assert Revision.objects.filter(programme=world.own).count() == 1


def test_yaml_editor_names_the_part_that_is_not_yaml(world: World) -> None:
    client = world.client(Role.AUTEUR)
    page = client.get(f"/programmas/{world.own.pk}/bewerken/").content.decode()
    assert 'data-live-check="live-checks"' in page and 'aria-live="polite"' in page
    assert "FIN-OVERRUN" in page  # the findings of the saved content, also without JS
    response = client.post(f"/programmas/{world.own.pk}/bewerken/", {
        "_check": "1", "base_version": "1", "name": "Veiligheid", "goals": "- title: [unclosed"})
    problems = response.json()["problems"]
    assert problems[0]["code"] == "WEB-FIELD-UNREADABLE" and problems[0]["field"] == "id_goals"


def test_rows_form_checks_an_indicator(world: World) -> None:
    response = world.client(Role.AUTEUR).post(
        f"/programmas/{world.own.pk}/indicatoren/1/",
        {"_check": "1", "base_version": "1", "row-0-period": "2019", "row-0-value": "veel"})
    problems = response.json()["problems"]
    assert problems[0]["code"] == "WEB-FIELD-UNREADABLE" and problems[0]["field"] == "row-0-value"


def test_checking_needs_the_same_permission_as_editing(world: World) -> None:
    url = "/programmas/{}/financien/"
    for role, record in ((Role.LEZER, world.own), (Role.AUTEUR, world.other),
                         (Role.RAADSLID, world.published)):
        response = world.client(role).post(url.format(record.pk), _finance())
        assert response.status_code == 403, role
        assert b"FIN-OVERRUN" not in response.content
    ProgrammeRecord.objects.filter(pk=world.own.pk).update(state="review")
    locked = world.client(Role.AUTEUR).post(url.format(world.own.pk), _finance())
    assert locked.status_code == 409


def test_the_form_pages_load_the_script_and_show_findings_without_js(world: World) -> None:
    page = world.client(Role.AUTEUR).get(f"/programmas/{world.own.pk}/financien/")
    html = page.content.decode()
    assert '<script src="/static/rekenschap/check.js" defer></script>' in html
    region = html[html.index('id="live-checks"'):]
    assert "FIN-OVERRUN" in region and 'href="#cell-0-original_budget"' in region
    assert "<script>" not in html  # no inline script (CSP script-src 'self')
    script = world.client(Role.AUTEUR).get("/static/rekenschap/check.js")
    assert script.status_code == 200
    assert "_check" in b"".join(script.streaming_content).decode()  # type: ignore[attr-defined]


def test_yaml_editor_names_the_field_the_domain_model_rejects(world: World) -> None:
    response = world.client(Role.AUTEUR).post(f"/programmas/{world.own.pk}/bewerken/", {
        "_check": "1", "base_version": "1", "name": "Veiligheid", "goals": "- code: G1\n"})
    invalid = [p for p in response.json()["problems"] if p["code"] == "WEB-FIELD-INVALID"]
    assert invalid and invalid[0]["path"] == "programmes[0].goals[0].title"
    assert invalid[0]["field"] == "id_goals" and invalid[0]["severity"] == "error"
    assert Revision.objects.filter(programme=world.own).count() == 1


def test_only_a_short_status_line_is_live_not_the_list(world: World) -> None:
    """Screen readers re-read a live region whenever it changes: only the status line (the
    summary) is live; the list of findings sits beside it, outside any live region."""
    html = world.client(Role.AUTEUR).get(f"/programmas/{world.own.pk}/financien/").content
    region = html.decode()[html.decode().index('<div id="live-checks"'):]
    region = region[:region.index("</div>")]
    opening = region[:region.index(">") + 1]
    assert "aria-live" not in opening and "role=" not in opening  # the container is not live
    status = region[region.index('<p id="live-checks-status"'):]
    status = status[:status.index("</p>") + 4]
    assert 'role="status"' in status and 'aria-live="polite"' in status
    assert "bevinding" in status and "<li" not in status and "FIN-OVERRUN" not in status
    listing = region[region.index('<ul class="live-problems">'):]
    assert "FIN-OVERRUN" in listing and 'data-key="FIN-OVERRUN programmes[0].finance' in listing
    assert 'data-new="{n} nieuw"' in opening and 'data-gone="{n} opgelost"' in opening
