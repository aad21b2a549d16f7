"""Check results beside the content, and generated sentences offered as suggestions."""

from __future__ import annotations

from web_world import World

from rekenschap.web.core.models import Role
from rekenschap.web.core.revisions import save_revision


def test_programme_page_shows_check_results_with_codes(world: World) -> None:
    html = world.client(Role.AUTEUR).get(f"/programmas/{world.own.pk}/").content.decode()
    aside = html[html.index('<aside'):html.index('</aside>')]
    # the seed page has "Aantal keer bestuurlijke boete opgelegd ..." without a number
    assert "ACT-MISSING-NUMBER" in aside
    assert "goals[1].activities[2]" in aside


def test_a_save_shows_the_new_findings(world: World) -> None:
    assert world.own.current is not None
    content = world.own.current.content
    goals = [{**g, "activities": [a for a in g.get("activities", [])
                                  if not a["text"].startswith("Aantal keer")]}
             for g in content["goals"]]
    save_revision(world.own.pk, {**content, "goals": goals}, 1, world.users[Role.AUTEUR])
    html = world.client(Role.AUTEUR).get(f"/programmas/{world.own.pk}/").content.decode()
    aside = html[html.index('<aside'):html.index('</aside>')]
    assert "ACT-MISSING-NUMBER" not in aside


def test_generated_sentences_are_offered_as_suggestions(world: World) -> None:
    html = world.client(Role.AUTEUR).get(f"/programmas/{world.own.pk}/").content.decode()
    aside = html[html.index('<aside'):html.index('</aside>')]
    assert "Voorgestelde zinnen" in aside
    assert aside.count("<li>") >= 1


def test_raadslid_sees_no_internal_findings(world: World) -> None:
    html = world.client(Role.RAADSLID).get(f"/programmas/{world.published.pk}/").content.decode()
    assert "<aside" not in html and "ACT-MISSING-NUMBER" not in html
