"""The controller sets the check thresholds; the checks beside the content follow them."""

from __future__ import annotations

from web_world import World

from rekenschap.web.core import thresholds
from rekenschap.web.core.models import CheckSettings, Role


def test_bad_settings_are_refused_with_the_line_and_nothing_is_stored(world: World) -> None:
    response = world.client(Role.CONTROLLER).post(
        "/drempels/", {"toml": "variance.absolute = 50000\nno.such.setting = 3\n"})
    assert response.status_code == 422
    html = response.content.decode()
    assert "CFG-UNKNOWN-KEY" in html and "rekenschap.toml" in html
    assert CheckSettings.objects.count() == 0


def test_saved_thresholds_change_the_check_results(world: World) -> None:
    client = world.client(Role.CONTROLLER)
    page = client.get(f"/programmas/{world.own.pk}/").content.decode()
    assert "ACT-MISSING-NUMBER" in page
    saved = client.post("/drempels/", {"toml": 'checks.disabled = ["ACT-MISSING-NUMBER"]\n'})
    assert saved.status_code == 302, saved.content.decode()[:2000]
    assert thresholds.current_text().startswith("checks.disabled")
    page = client.get(f"/programmas/{world.own.pk}/").content.decode()
    assert "ACT-MISSING-NUMBER" not in page
