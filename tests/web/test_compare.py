"""The comparison page (vergelijken) and its API: real CBS open data from the shared corpus."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.test import override_settings
from web_world import World

from rekenschap.web.core.models import Organisation, ProgrammeRecord, Role


@pytest.fixture
def opendata(corpus: Path) -> Path:
    return corpus


def _url(world: World, peers: str = "") -> str:
    return f"/documenten/{world.document.pk}/vergelijken/" + (f"?peers={peers}" if peers else "")


def test_reader_sees_chart_text_alternative_and_table(world: World, opendata: Path) -> None:
    with override_settings(REKENSCHAP_OPENDATA=str(opendata)):
        response = world.client(Role.LEZER).get(_url(world))
    page = response.content.decode()
    assert response.status_code == 200, page[:2000]
    assert "Groningen (GM0014), Iv3 jaarrekening 2023" in page  # 2024 absent: latest earlier
    # the chart is one image named by the visible text alternative beside it
    assert '<svg role="img" aria-labelledby="chart-lasten-desc"' in page
    assert re.search(r'<figcaption id="chart-lasten-desc">Groningen: lasten per inwoner', page)
    assert '<th scope="row">0.1 Bestuur</th>' in page
    assert re.search(r"ligt bij \d+ van de \d+ taakvelden boven de mediaan", page)
    assert "geweldsmisdrijven" in page and "CBS 83648NED" in page


def test_raadslid_reads_it_for_a_published_document_only(world: World, opendata: Path) -> None:
    with override_settings(REKENSCHAP_OPENDATA=str(opendata)):
        assert world.client(Role.RAADSLID).get(_url(world)).status_code == 200
        ProgrammeRecord.objects.filter(document=world.document).update(published=None)
        assert world.client(Role.RAADSLID).get(_url(world)).status_code == 403
        api = world.api(Role.RAADSLID).get(f"/api/v1/documents/{world.document.pk}/compare")
    assert api.status_code == 403 and api.json()["error"]["code"] == "WEB-FORBIDDEN"


def test_named_peers_and_a_bad_peer_value(world: World, opendata: Path) -> None:
    with override_settings(REKENSCHAP_OPENDATA=str(opendata)):
        client = world.client(Role.CONTROLLER)
        page = client.get(_url(world, "GM0034,GM0363")).content.decode()
        bad = client.get(_url(world, "Utrecht;DROP"))
    assert "Almere" in page and "Amsterdam" in page
    assert bad.status_code == 422
    assert "Ongeldige vergelijkingsgroep" in bad.content.decode()


def test_absent_open_data_is_said_clearly(world: World, tmp_path: Path) -> None:
    with override_settings(REKENSCHAP_OPENDATA=str(tmp_path)):
        page = world.client(Role.LEZER).get(_url(world))
        api = world.api(Role.LEZER).get(f"/api/v1/documents/{world.document.pk}/compare")
    assert page.status_code == 404
    assert "De open data ontbreken" in page.content.decode()
    assert str(tmp_path) in page.content.decode()
    body = api.json()
    assert api.status_code == 404 and body["ok"] is False
    assert body["error"]["code"] == "WEB-OPENDATA-ABSENT"


def test_organisation_without_cbs_code(world: World, opendata: Path) -> None:
    Organisation.objects.filter(pk=world.document.organisation_id).update(cbs_code="")
    header = dict(world.document.header)
    header["organisation"] = {k: v for k, v in header["organisation"].items() if k != "cbs_code"}
    type(world.document).objects.filter(pk=world.document.pk).update(header=header)
    with override_settings(REKENSCHAP_OPENDATA=str(opendata)):
        page = world.client(Role.LEZER).get(_url(world)).content.decode()
    assert "geen CBS-code" in page


def test_api_gives_the_same_comparison(world: World, opendata: Path) -> None:
    with override_settings(REKENSCHAP_OPENDATA=str(opendata)):
        response = world.api(Role.LEZER).get(
            f"/api/v1/documents/{world.document.pk}/compare?peers=size-class")
        bad = world.api(Role.LEZER).get(
            f"/api/v1/documents/{world.document.pk}/compare?peers=x")
    assert response.status_code == 200
    comparison = response.json()["comparison"]
    assert comparison["cbs_code"] == "GM0014" and comparison["year"] == 2023
    assert comparison["peer_kind"] == "size-class" and len(comparison["peers"]) >= 5
    bestuur = [r for r in comparison["rows"]
               if r["taakveld"] == "0.1" and r["measure"] == "lasten"]
    assert bestuur and bestuur[0]["n"] == len(comparison["peers"])
    assert bad.status_code == 422 and bad.json()["error"]["code"] == "WEB-INVALID"


def test_english_comparison_page(world: World, opendata: Path) -> None:
    client = world.client(Role.LEZER)
    client.cookies["django_language"] = "en"
    with override_settings(REKENSCHAP_OPENDATA=str(opendata)):
        page = client.get(_url(world)).content.decode()
    assert "<h1>Compare: " in page
    assert "Expenditure per inhabitant per taakveld" in page
    assert re.search(r"is above the median in \d+ of the \d+ taakvelden", page)
