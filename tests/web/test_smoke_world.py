"""The test world itself: users, a document with three programmes, one published."""

from __future__ import annotations

from web_world import World

from rekenschap.web.core.models import State


def test_world_has_a_published_programme_and_two_concepts(world: World) -> None:
    assert world.published.state == State.PUBLISHED
    assert world.published.published_id == world.published.approved_id
    assert world.own.state == world.other.state == State.CONCEPT
    assert world.own.current is not None
    assert world.own.current.content["name"] == "Veiligheid 1"
