"""Least privilege: each staff group sees what it needs and nothing more; residents see no admin."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone
from wagtail.models import GroupPagePermission, Page, Site

from accounts import roles
from search.models import SearchTerm
from tests import factories


@pytest.fixture
def pages(db):
    root = Page.get_first_root_node()
    home = factories.HomePageFactory(parent=root, slug="accueil")
    Site.objects.update(root_page=home)
    index = factories.WorkshopIndexPageFactory(parent=home)
    return {"home": home, "workshop": factories.WorkshopPageFactory(parent=index)}


def member_of(group_name):
    user = factories.UserFactory()
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.mark.django_db
def test_the_migration_creates_the_three_groups_with_their_permissions():
    for name, dotted_names in roles.MODEL_PERMISSIONS.items():
        group = Group.objects.get(name=name)
        granted = {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.select_related("content_type")}
        assert granted == set(dotted_names)


@pytest.mark.django_db
def test_only_editors_hold_page_permissions():
    holders = set(GroupPagePermission.objects.values_list("group__name", flat=True))
    assert roles.EDITORS in holders
    assert not holders & {roles.MODERATORS, roles.ORGANISERS}


@pytest.mark.django_db
def test_sync_groups_is_repeatable():
    from django.apps import apps

    roles.sync_groups(apps)
    roles.sync_groups(apps)
    assert Group.objects.filter(name__in=roles.MODEL_PERMISSIONS).count() == 3
    assert GroupPagePermission.objects.filter(group__name=roles.EDITORS).count() == len(
        roles.PAGE_PERMISSIONS[roles.EDITORS]
    )


@pytest.mark.parametrize(
    "group_name, can_edit",
    [(roles.EDITORS, True), (roles.MODERATORS, False), (roles.ORGANISERS, False)],
)
def test_page_editing_by_role(client, pages, group_name, can_edit):
    client.force_login(member_of(group_name))
    assert client.get(reverse("wagtailadmin_home")).status_code == 200
    response = client.get(reverse("wagtailadmin_pages:edit", args=[pages["workshop"].pk]))
    assert (response.status_code == 200) is can_edit
    if can_edit:
        assert "Add a session" in response.content.decode() or "Ajouter une séance" in response.content.decode()
    perms = pages["workshop"].permissions_for_user(member_of(group_name))
    assert perms.can_edit() is can_edit
    assert perms.can_publish() is can_edit


@pytest.mark.parametrize(
    "group_name, allowed",
    [(roles.EDITORS, True), (roles.MODERATORS, False), (roles.ORGANISERS, False)],
)
@pytest.mark.parametrize(
    "url_name", ["wagtailsnippets_workshops_theme:add", "wagtailsnippets_workshops_district:add", "sessions:add"]
)
def test_only_editors_manage_themes_places_and_sessions(client, pages, group_name, allowed, url_name):
    client.force_login(member_of(group_name))
    response = client.get(reverse(url_name))
    assert (response.status_code == 200) is allowed


def test_residents_never_reach_the_admin(client, pages):
    resident = factories.UserFactory()
    client.force_login(resident)
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 302
    assert reverse("wagtailadmin_login") in response["Location"]
    assert not resident.has_perm(roles.ACCESS_ADMIN)


@pytest.mark.parametrize(
    "group_name, allowed",
    [(roles.EDITORS, True), (roles.MODERATORS, False), (roles.ORGANISERS, False), (None, False)],
)
def test_what_residents_search_for_is_shown_to_editors_only(client, pages, group_name, allowed):
    today = timezone.localdate()
    SearchTerm.objects.create(language="fr", query="compost", day=today, searches=9, without_results=0)
    SearchTerm.objects.create(language="fr", query="trottinette", day=today, searches=4, without_results=4)
    client.force_login(member_of(group_name) if group_name else factories.UserFactory())
    response = client.get(reverse("search_terms"), {"days": "7", "language": "fr"})
    assert (response.status_code == 200) is allowed
    if allowed:
        popular, unanswered = response.context["popular"], response.context["unanswered"]
        assert [row["query"] for row in popular] == ["compost", "trottinette"]
        assert [row["query"] for row in unanswered] == ["trottinette"]
        assert client.get(reverse("search_terms"), {"days": "x", "language": "zz"}).status_code == 200
