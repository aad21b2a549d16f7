"""Variance item amounts in euros on the programme page; overview references follow renames."""

from __future__ import annotations

import copy
from typing import Any

from web_world import World

from rekenschap.model import Report
from rekenschap.web.core import revisions
from rekenschap.web.core.models import Document, Role
from rekenschap.web.core.overview import rename_refs


def _content(world: World) -> dict[str, Any]:
    world.own.refresh_from_db()
    assert world.own.current is not None
    return copy.deepcopy(dict(world.own.current.content))


def _with_overview(world: World) -> None:
    """Give the world's document an overview with one line per programme."""
    unit = world.document.header["unit"]
    rows = [{"label": f"Programma {code}", "ref": code, "kind": "lasten",
             "values": {"r": 1000 * int(code)}}
            for code in ("1", "2", "3")]
    header = {**world.document.header, "overview": {
        "title": "Overzicht van baten en lasten", "unit": unit,
        "columns": [{"key": "r", "label": "Rekening 2024", "kind": "actual"}],
            "rows": rows}}
    Report.model_validate({**header, "programmes": []})  # the model accepts it
    Document.objects.filter(pk=world.document.pk).update(header=header)
    world.document.refresh_from_db()


def test_variance_amounts_are_whole_euros_dutch_formatted(world: World) -> None:
    content = _content(world)
    content["explanations"] = [{"title": "Toelichting op verschillen", "items": [
        {"title": "Hogere inhuur", "amount": "40", "unit": {"scale": 1000}, "text": "Tijdelijk"},
        {"title": "Lagere subsidie", "amount": "-1250", "text": "Minder aanvragen"},
        {"title": "Zonder bedrag"},
    ]}]
    revisions.save_revision(world.own.pk, content, world.own.version, world.users[Role.AUTEUR])
    page = world.client(Role.AUTEUR).get(f"/programmas/{world.own.pk}/").content.decode()
    assert "<strong>Hogere inhuur</strong> (€ 40.000): Tijdelijk" in page
    assert "<strong>Lagere subsidie</strong> (-€ 1.250): Minder aanvragen" in page
    assert "<strong>Zonder bedrag</strong></li>" in page


def test_rename_refs_moves_only_the_named_lines() -> None:
    header = {"overview": {"rows": [{"label": "a", "ref": "1"}, {"label": "b", "ref": "2"},
                                    {"label": "totaal"}]}}
    renamed, count = rename_refs(header, "1", "1A")
    assert count == 1
    assert [r.get("ref") for r in renamed["overview"]["rows"]] == ["1A", "2", None]
    assert header["overview"]["rows"][0]["ref"] == "1"  # the input is not changed
    assert rename_refs({}, "1", "2") == ({}, 0)


def test_programme_rename_takes_its_overview_line_along(world: World) -> None:
    _with_overview(world)
    content = _content(world)
    content["code"] = "1A"
    revisions.save_revision(world.own.pk, content, world.own.version, world.users[Role.AUTEUR])
    world.document.refresh_from_db()
    refs = [r["ref"] for r in world.document.header["overview"]["rows"]]
    assert refs == ["1A", "2", "3"]
    page = world.client(Role.AUTEUR).get(f"/programmas/{world.own.pk}/").content.decode()
    assert "WEB-OVERVIEW-REF" not in page


def test_a_broken_overview_reference_is_a_warning_in_ui_and_api(world: World) -> None:
    _with_overview(world)
    header = copy.deepcopy(world.document.header)
    header["overview"]["rows"][1]["ref"] = "9"
    Document.objects.filter(pk=world.document.pk).update(header=header)
    page = world.client(Role.AUTEUR).get(f"/programmas/{world.own.pk}/").content.decode()
    assert "WEB-OVERVIEW-REF" in page and "Programma 2" in page
    found = world.api(Role.CONTROLLER).get(f"/api/v1/programmes/{world.own.pk}/problems").json()
    broken = [p for p in found if p["code"] == "WEB-OVERVIEW-REF"]
    assert len(broken) == 1
    assert broken[0]["severity"] == "warning"
    assert broken[0]["location"]["path"] == "overview.rows[1].ref"
    assert "programma 9" in broken[0]["message"]


def test_indicator_form_keeps_benchmarks_and_edits_targets_per_year(world: World) -> None:
    content = _content(world)
    indicator = content["indicators"][0]
    indicator["benchmarks"] = [{"region": "Nederland", "region_code": "NL01",
                                "observations": [{"period": "2023", "value": "2.5"}]}]
    indicator["target"] = {"direction": "down", "value": "3", "period": "2024"}
    indicator["targets"] = [{"direction": "down", "value": "3", "period": "2024"},
                            {"direction": "down", "value": "2.8", "period": "2025"}]
    revisions.save_revision(world.own.pk, content, world.own.version, world.users[Role.AUTEUR])
    world.own.refresh_from_db()
    client = world.client(Role.AUTEUR)
    url = f"/programmas/{world.own.pk}/indicatoren/0/"
    form = client.get(url).content.decode()
    assert 'name="target-1-value" value="2,8"' in form
    assert 'name="target-0-direction" value="down"' in form
    observations = {f"row-{i}-{f}": v for i, o in enumerate(indicator["observations"])
                    for f, v in (("period", o.get("period") or ""),
                                 ("value", str(o["value"]).replace(".", ",")))}
    response = client.post(url, {
        "base_version": world.own.version, **observations,
        "target-0-period": "2024", "target-0-value": "2,9", "target-0-direction": "down",
        "target-1-period": "", "target-1-value": "", "target-1-direction": "",   # removed
        "target-2-period": "2026", "target-2-value": "2,5", "target-2-direction": "down"})
    assert response.status_code == 302, response.content.decode()[:3000]
    saved = _content(world)["indicators"][0]
    assert saved["benchmarks"][0]["region"] == "Nederland"
    assert saved["benchmarks"][0]["observations"][0]["value"] == 2.5
    assert [(t["period"], t["value"]) for t in saved["targets"]] == [("2024", 2.9), ("2026", 2.5)]
    assert saved["target"]["value"] == 2.9  # the single target follows its year's entry
    assert len(saved["observations"]) == len(indicator["observations"])


def test_indicator_form_refuses_a_bad_target_and_keeps_everything(world: World) -> None:
    client = world.client(Role.AUTEUR)
    url = f"/programmas/{world.own.pk}/indicatoren/0/"
    bad = client.post(url, {"base_version": world.own.version, "target-0-period": "2024",
                            "target-0-value": "veel"})
    assert bad.status_code == 422
    assert "targets 1 / value" in bad.content.decode()
    assert 'value="veel"' in bad.content.decode()  # the user's input is kept in the form
    wrong = client.post(url, {"base_version": world.own.version, "target-0-period": "2024",
                              "target-0-value": "3", "target-0-direction": "omhoog"})
    assert wrong.status_code == 422
    assert "indicators[0].targets[0].direction" in wrong.content.decode()


def test_a_post_without_the_target_table_leaves_the_targets(world: World) -> None:
    content = _content(world)
    content["indicators"][0]["targets"] = [{"value": "3", "period": "2024"}]
    revisions.save_revision(world.own.pk, content, world.own.version, world.users[Role.AUTEUR])
    world.own.refresh_from_db()
    response = world.client(Role.AUTEUR).post(
        f"/programmas/{world.own.pk}/indicatoren/0/",
        {"base_version": world.own.version, "row-0-period": "2022", "row-0-value": "7"})
    assert response.status_code == 302
    saved = _content(world)["indicators"][0]
    assert saved["targets"] == [{"direction": None, "value": 3, "period": "2024",
                                 "provenance": None}]
    assert saved["observations"][0]["value"] == 7


def test_cached_api_reads_follow_saves_transitions_and_roles(world: World) -> None:
    controller, raadslid = world.api(Role.CONTROLLER), world.api(Role.RAADSLID)
    url = f"/api/v1/programmes/{world.own.pk}"
    first = controller.get(url).json()
    assert controller.get(url).json() == first  # the second read comes from the cache
    content = _content(world)
    content["name"] = "Veiligheid hernoemd"
    revisions.save_revision(world.own.pk, content, world.own.version, world.users[Role.AUTEUR])
    after = controller.get(url).json()
    assert after["name"] == "Veiligheid hernoemd" and after["revision"] == first["revision"] + 1
    assert after["content"]["name"] == "Veiligheid hernoemd"
    assert raadslid.get(url).status_code == 403  # a concept: the cache does not skip the check
    published = f"/api/v1/programmes/{world.published.pk}"
    assert raadslid.get(published).json()["content"] == controller.get(published).json()["content"]
    world.api(Role.CONTROLLER).post(f"{published}/transitions", {"action": "correct"},
                                    content_type="application/json")
    assert controller.get(published).json()["state"] == "concept"
