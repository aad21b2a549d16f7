"""Revisions, optimistic locking, the review workflow, history/diff and restore."""

from __future__ import annotations

import json

import pytest
from web_world import World

from rekenschap.web.core import revisions, workflow
from rekenschap.web.core.errors import Conflict, Invalid, Locked
from rekenschap.web.core.models import ProgrammeRecord, Revision, Role, State, Transition
from rekenschap.web.core.permissions import Action


def _content(world: World, **changes: object) -> dict[str, object]:
    assert world.own.current is not None
    return {**world.own.current.content, **changes}


def test_each_save_is_a_new_revision_validated_by_the_domain_model(world: World) -> None:
    auteur = world.users[Role.AUTEUR]
    rev = revisions.save_revision(world.own.pk, _content(world, name="Nieuw"), 1, auteur, "n")
    assert rev.number == 2
    record = ProgrammeRecord.objects.get(pk=world.own.pk)
    assert (record.version, record.name, record.current_id) == (2, "Nieuw", rev.pk)
    assert rev.content["name"] == "Nieuw" and rev.author == auteur
    # the first revision is untouched
    assert Revision.objects.get(programme=record, number=1).content["name"] == "Veiligheid 1"


def test_invalid_content_is_refused_with_the_field_path(world: World) -> None:
    bad = _content(world, goals=[{"title": "ok"}, {"activities": []}])
    with pytest.raises(Invalid) as caught:
        revisions.save_revision(world.own.pk, bad, 1, world.users[Role.AUTEUR])
    paths = [d["location"]["path"] for d in caught.value.details]
    assert paths == ["goals[1].title"]
    assert Revision.objects.filter(programme=world.own).count() == 1


def test_second_save_on_the_same_base_is_a_conflict_and_keeps_the_first(world: World) -> None:
    auteur, controller = world.users[Role.AUTEUR], world.users[Role.CONTROLLER]
    revisions.save_revision(world.own.pk, _content(world, name="Eerste"), 1, auteur)
    with pytest.raises(Conflict) as caught:
        revisions.save_revision(world.own.pk, _content(world, name="Tweede"), 1, controller)
    assert caught.value.current["name"] == "Eerste"
    assert caught.value.current_version == 2
    assert [r.content["name"] for r in Revision.objects.filter(programme=world.own)] == [
        "Veiligheid 1", "Eerste"]


def test_conflict_screen_shows_both_versions_and_keeps_my_edit(world: World) -> None:
    from rekenschap.web.core.forms import ProgrammeForm

    revisions.save_revision(world.own.pk, _content(world, name="Van de controller"), 1,
                            world.users[Role.CONTROLLER])
    form = ProgrammeForm.initial_from(_content(world), 1)
    form["name"] = "Van de auteur"
    page = world.client(Role.AUTEUR).post(f"/programmas/{world.own.pk}/bewerken/", form)
    assert page.status_code == 409
    html = page.content.decode()
    assert "Van de controller" in html and 'value="Van de auteur"' in html
    assert 'name="base_version" value="2"' in html  # saving again is now possible
    form["base_version"] = 2
    again = world.client(Role.AUTEUR).post(f"/programmas/{world.own.pk}/bewerken/", form)
    assert again.status_code == 302
    names = [r.content["name"] for r in Revision.objects.filter(programme=world.own)]
    assert names == ["Veiligheid 1", "Van de controller", "Van de auteur"]


def test_api_conflict_has_the_error_shape(world: World) -> None:
    client = world.api(Role.AUTEUR)
    body = {"base_version": 1, "content": _content(world, name="A")}
    url = f"/api/v1/programmes/{world.own.pk}"
    assert client.put(url, json.dumps(body), content_type="application/json").status_code == 200
    second = client.put(url, json.dumps(body), content_type="application/json")
    assert second.status_code == 409
    error = second.json()["error"]
    assert error["code"] == "WEB-CONFLICT" and error["details"] == [{"current_version": 2}]


def test_workflow_concept_review_approved_published_with_who_and_when(world: World) -> None:
    auteur, controller = world.users[Role.AUTEUR], world.users[Role.CONTROLLER]
    workflow.transition(world.own.pk, Action.SUBMIT, auteur)
    with pytest.raises(Locked):  # under review: locked for editing
        revisions.save_revision(world.own.pk, _content(world, name="x"), 1, auteur)
    record = workflow.transition(world.own.pk, Action.APPROVE, controller)
    assert record.state == State.APPROVED and record.approved_id == record.current_id
    with pytest.raises(Locked):  # approved: locked
        revisions.save_revision(world.own.pk, _content(world, name="x"), 1, controller)
    from rekenschap.web.core.publishing import publish

    publish(world.document.pk, controller)
    record.refresh_from_db()
    assert record.state == State.PUBLISHED and record.published_id == record.approved_id
    steps = [(t.from_state, t.to_state, t.user)
             for t in Transition.objects.filter(programme=record)]
    assert steps == [("concept", "review", auteur), ("review", "approved", controller),
                     ("approved", "published", controller)]
    assert all(t.at is not None for t in Transition.objects.filter(programme=record))


def test_a_correction_is_a_new_revision_that_goes_through_review_again(world: World) -> None:
    controller = world.users[Role.CONTROLLER]
    published = world.published
    old_published = published.published_id
    record = workflow.transition(published.pk, Action.CORRECT, controller)
    assert record.state == State.CONCEPT
    assert record.current is not None
    rev = revisions.save_revision(published.pk, {**record.current.content, "name": "Correctie"},
                                  record.version, controller)
    record.refresh_from_db()
    # the public version stays the approved one until the correction is approved and published
    assert record.published_id == old_published and record.approved_id != rev.pk
    workflow.transition(published.pk, Action.SUBMIT, controller)
    workflow.transition(published.pk, Action.APPROVE, controller)
    record.refresh_from_db()
    assert record.approved_id == rev.pk


def test_history_diff_and_restore(world: World) -> None:
    auteur = world.users[Role.AUTEUR]
    revisions.save_revision(world.own.pk, _content(world, name="Tweede naam"), 1, auteur)
    page = world.client(Role.LEZER).get(f"/programmas/{world.own.pk}/geschiedenis/")
    html = page.content.decode()
    assert "<code>name</code>" in html and "Veiligheid 1" in html and "Tweede naam" in html
    response = world.client(Role.AUTEUR).post(f"/programmas/{world.own.pk}/herstel/1/",
                                              {"base_version": 2})
    assert response.status_code == 302
    latest = Revision.objects.filter(programme=world.own).order_by("-number").first()
    assert latest is not None and latest.number == 3
    assert latest.content == Revision.objects.get(programme=world.own, number=1).content
    assert "hersteld van revisie 1" in latest.note


def test_diff_lists_changed_fields_by_path() -> None:
    old = {"name": "A", "goals": [{"title": "x", "activities": [{"text": "a"}]}]}
    new = {"name": "A", "goals": [{"title": "y", "activities": []}]}
    changes = revisions.diff(old, new)
    assert [(c.path, c.old, c.new) for c in changes] == [
        ("goals[0].title", "x", "y"), ("goals[0].activities[0].text", "a", None)]
