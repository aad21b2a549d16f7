"""Indicator observations and variance items edited as rows of inputs."""

from __future__ import annotations

from web_world import World

from rekenschap.web.core.models import Revision, Role
from rekenschap.web.core.revisions import save_revision


def _latest(world: World) -> dict[str, object]:
    revision = Revision.objects.filter(programme=world.own).order_by("-number").first()
    assert revision is not None
    return dict(revision.content)


def test_indicator_observations_change_add_and_remove(world: World) -> None:
    client = world.client(Role.AUTEUR)
    url = f"/programmas/{world.own.pk}/indicatoren/0/"
    page = client.get(url).content.decode()
    assert 'value="13.140"' in page and "Aantal geregistreerde misdrijven" in page
    before = _latest(world)["indicators"][0]["observations"]  # type: ignore[index]
    data = {"base_version": 1, "row-0-period": "2024", "row-0-value": "13.200",
            "row-1-period": "", "row-1-value": "",
            f"row-{len(before)}-period": "2025", f"row-{len(before)}-value": "5,7"}
    for i in range(2, len(before)):
        data[f"row-{i}-period"] = before[i].get("period") or ""
        data[f"row-{i}-value"] = str(before[i].get("value") or "").replace(".", ",")
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:500]
    after = _latest(world)["indicators"][0]["observations"]  # type: ignore[index]
    assert after[0]["period"] == "2024" and after[0]["value"] == 13200
    assert len(after) == len(before)  # one removed, one added
    assert after[-1]["period"] == "2025" and after[-1]["value"] == 5.7


def test_bad_number_or_bad_period_is_refused(world: World) -> None:
    client = world.client(Role.AUTEUR)
    url = f"/programmas/{world.own.pk}/indicatoren/0/"
    bad_number = client.post(url, {"base_version": 1, "row-0-value": "veel"})
    assert bad_number.status_code == 422 and "1 / value" in bad_number.content.decode()
    bad_period = client.post(url, {"base_version": 1, "row-0-period": "vorig jaar",
                                   "row-0-value": "3"})
    assert bad_period.status_code == 422
    assert "indicators[0].observations[0].period" in bad_period.content.decode()
    assert Revision.objects.filter(programme=world.own).count() == 1


def test_variance_items(world: World) -> None:
    assert world.own.current is not None
    save_revision(world.own.pk, {**world.own.current.content, "explanations": [
        {"title": "Toelichting", "items": [{"title": "Inhuur", "amount": 120}]}]}, 1,
        world.users[Role.AUTEUR])
    client = world.client(Role.AUTEUR)
    url = f"/programmas/{world.own.pk}/toelichtingen/0/"
    assert 'value="Inhuur"' in client.get(url).content.decode()
    response = client.post(url, {"base_version": 2, "row-0-title": "Inhuur",
                                 "row-0-amount": "-1.250", "row-0-text": "Meer inhuur",
                                 "row-1-title": "Subsidie", "row-1-amount": "300"})
    assert response.status_code == 302
    items = _latest(world)["explanations"][0]["items"]  # type: ignore[index]
    assert [(i["title"], i["amount"], i["text"]) for i in items] == [
        ("Inhuur", -1250, "Meer inhuur"), ("Subsidie", 300, None)]


def test_row_forms_follow_the_permissions(world: World) -> None:
    assert world.client(Role.LEZER).get(
        f"/programmas/{world.own.pk}/indicatoren/0/").status_code == 403
    assert world.client(Role.AUTEUR).get(
        f"/programmas/{world.other.pk}/indicatoren/0/").status_code == 403
    assert world.client(Role.AUTEUR).get(
        f"/programmas/{world.own.pk}/indicatoren/99/").status_code == 404
