"""Who may open what (issue 18, item 10): every public and staff address, for seven roles.

The addresses come from the URL resolver (every public view, every staff view of ours) and from the
Wagtail admin menu an administrator sees: a new view without an expected entry here fails the test.
Each entry names an access rule; the rule says the status each role gets. Object-level cases (another
resident's registration, comment or candidacy) are rows of their own.
"""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import URLResolver, get_resolver, resolve, reverse
from django.utils import timezone
from wagtail.admin.menu import admin_menu

from accounts import roles
from comments import services as comment_services
from comments.models import Block, Kind, PortalComment, Status
from draws.models import Candidacy, Draw, Source
from registrations import services as registration_services
from registrations.models import Registration
from registrations.tokens import CANCEL, CONFIRM, make_token
from tests import factories
from tests.registrations.conftest import applicant_for

pytestmark = pytest.mark.django_db

ROLES = ("anonymous", "resident", "blocked", "editor", "moderator", "organiser", "administrator")

LOGIN, DENIED = "sent to sign in", "refused by the admin"  # redirects, told apart by where they lead

# Access rules: what each role gets, in the order of ROLES.
OPEN = (200,) * 7
SIGNED_IN = (LOGIN, 200, 200, 200, 200, 200, 200)
STAFF = (LOGIN, LOGIN, LOGIN, 200, 200, 200, 200)  # any role with access to the admin
RESIDENTS = ("anonymous", "resident", "blocked")


def staff_only(*allowed):
    """Admin views for some roles: residents are sent to sign in as staff, other staff are refused."""
    return tuple(
        LOGIN if role in RESIDENTS else 200 if role in (*allowed, "administrator") else DENIED for role in ROLES
    )


def posted_by(*allowed):
    """POST-only admin views, sent empty: those allowed are sent back to the page with a message (302)."""
    return tuple(
        LOGIN if role in RESIDENTS else 302 if role in (*allowed, "administrator") else DENIED for role in ROLES
    )


EDITORS_AND_ORGANISERS = staff_only("editor", "organiser")
MODERATORS = staff_only("moderator")
ORGANISERS = staff_only("organiser")
POSTED_BY_EDITORS = posted_by("editor")  # organisers see registrations; editors change them
POSTED_BY_ORGANISERS = posted_by("organiser")
POSTED_BY_MODERATORS = posted_by("moderator")


@pytest.fixture
def world(site_tree, archive, make_session, resident, district, django_user_model):
    workshop = site_tree["workshops"]["fr"]
    people = {
        "resident": resident("Camille", username="camille"),
        "blocked": resident("Bloqué", username="bloque"),
        "editor": staff(roles.EDITORS),
        "moderator": staff(roles.MODERATORS),
        "organiser": staff(roles.ORGANISERS),
        "administrator": django_user_model.objects.create_superuser("root", "root@example.org", "x"),
    }
    someone_else = resident("Autre", username="autre")
    Block.objects.create(user=people["blocked"], reason="Insultes")
    session = make_session(capacity=20)
    draw = Draw.objects.create(
        workshop=workshop, panel_size=4, closes_at=timezone.now() + datetime.timedelta(days=10), lottery_size=100
    )
    others = {
        "comment": comment_services.post(someone_else, workshop, comment_services.Post(text="Un avis")),
        "question": approved(
            comment_services.post(
                someone_else, workshop, comment_services.Post(text="Une question ?", kind=Kind.QUESTION)
            )
        ),
        "registration": registration_services.register(session, applicant_for(someone_else)),
        "candidacy": Candidacy.objects.create(
            draw=draw, reference="ref-1", user=someone_else, features={}, source=Source.ONLINE
        ),
        "block": Block.objects.create(user=someone_else, reason="Spam"),
    }
    return {"people": people, "workshop": workshop, "session": session, "draw": draw,
            "recommendation": archive["recommendations"][0], "document": None, **others}  # fmt: skip


def approved(question):
    PortalComment.objects.filter(pk=question.pk).update(status=Status.PUBLISHED)
    return question


def staff(group):
    user = factories.UserFactory()
    user.groups.add(Group.objects.get(name=group))
    return user


def page(w):
    return {"page_id": w["workshop"].pk}


# Every view: (its arguments from the world, its access rule). GET only: a POST-only view answers 405
# to those who get that far, and its POST is tested where the action is.
PUBLIC = {
    "sitemap": (None, OPEN),
    "robots": (None, OPEN),
    "favicon": (None, (301,) * 7),
    "healthz": (None, OPEN),
    "wagtailapi:pages:listing": (None, OPEN),
    "wagtailapi:pages:detail": (lambda w: {"pk": w["workshop"].pk}, OPEN),
    "wagtailapi:pages:find": (None, (302,) * 7),  # to the listing, with nothing to find
    "open_data:recommendations": (lambda w: {"language": "fr", "extension": "csv"}, OPEN),
    "accounts:profile": (None, SIGNED_IN),
    "accounts:delete": (None, (LOGIN, 200, 200, 302, 302, 302, 302)),  # staff accounts are closed by an administrator
    "accounts:export": (None, SIGNED_IN),
    "account_login": (None, (200, 302, 302, 302, 302, 302, 302)),
    "account_logout": (None, (302, 200, 200, 200, 200, 200, 200)),
    "account_inactive": (None, OPEN),
    "account_signup": (None, (200, 302, 302, 302, 302, 302, 302)),
    "account_reauthenticate": (None, SIGNED_IN),
    "account_request_reauthentication_code": (None, (LOGIN, 200, 200, 302, 302, 302, 302)),
    "account_confirm_reauthentication_code": (None, (LOGIN, 302, 302, 302, 302, 302, 302)),
    "account_email": (None, SIGNED_IN),
    "account_email_verification_sent": (None, OPEN),
    "account_change_password": (None, SIGNED_IN),
    "account_set_password": (None, (LOGIN, 302, 302, 302, 302, 302, 302)),
    "account_reset_password": (None, OPEN),
    "account_confirm_login_code": (None, (LOGIN, 302, 302, 302, 302, 302, 302)),
    "account_confirm_email": (lambda w: {"key": "not-a-key"}, OPEN),  # says the link is not valid
    "account_reset_password_from_key_done": (None, OPEN),
    "account_reset_password_from_key": (lambda w: {"uidb36": "1", "key": "bad"}, OPEN),
    "account_reset_password_done": (None, OPEN),
    "search": (None, OPEN),
    "search_suggestions": (None, OPEN),
    "registrations:session": (lambda w: {"pk": w["session"].pk}, OPEN),
    "registrations:session_calendar": (lambda w: {"pk": w["session"].pk}, OPEN),
    "registrations:workshop_calendar": (page, OPEN),
    "registrations:upcoming_calendar": (None, OPEN),
    "registrations:confirm": (lambda w: {"token": make_token(w["registration"], CONFIRM)}, (302,) * 7),
    "registrations:cancel": (lambda w: {"token": make_token(w["registration"], CANCEL)}, OPEN),
    "registrations:cancel_mine": (lambda w: {"pk": w["registration"].pk}, (LOGIN, 405, 405, 405, 405, 405, 405)),
    "registrations:erase": (None, SIGNED_IN),
    "comments:post": (page, (LOGIN, 405, 405, 405, 405, 405, 405)),
    "comments:ask": (page, (LOGIN, 405, 405, 405, 405, 405, 405)),
    "comments:permalink": (lambda w: {"pk": w["comment"].pk}, (302,) * 7),
    "comments:edit": (lambda w: {"pk": w["comment"].pk}, (LOGIN, 404, 404, 404, 404, 404, 404)),  # not theirs
    "comments:delete": (lambda w: {"pk": w["comment"].pk}, (LOGIN, 404, 404, 404, 404, 404, 404)),
    "comments:like": (lambda w: {"pk": w["comment"].pk}, (LOGIN, 405, 405, 405, 405, 405, 405)),
    "comments:report": (lambda w: {"pk": w["comment"].pk}, SIGNED_IN),
    "comments:unsubscribe": (lambda w: {"token": "altered"}, (404,) * 7),
    "comments:api": (page, OPEN),
    "draws:detail": (lambda w: {"pk": w["draw"].pk}, OPEN),
    "draws:apply": (lambda w: {"pk": w["draw"].pk}, SIGNED_IN),
    "draws:withdraw": (lambda w: {"pk": w["draw"].pk}, (LOGIN, 405, 405, 405, 405, 405, 405)),
    "draws:audit": (lambda w: {"pk": w["draw"].pk}, (404,) * 7),  # nothing published before the lottery
    "draws:lottery": (lambda w: {"pk": w["draw"].pk}, (404,) * 7),
    "archive:endorse": (lambda w: {"page_id": w["recommendation"].pk}, (405,) * 7),
    "archive:resume": (lambda w: {"page_id": w["recommendation"].pk}, (LOGIN, 302, 302, 302, 302, 302, 302)),
    "archive:withdraw": (lambda w: {"page_id": w["recommendation"].pk}, (LOGIN, 405, 405, 405, 405, 405, 405)),
    "archive:unsubscribe": (lambda w: {"token": "altered"}, (404,) * 7),
    "wagtailcore_authenticate_with_password": (lambda w: {"page_view_restriction_id": 999, "page_id": 1}, (404,) * 7),
    "wagtailcore_login": (None, OPEN),
    "wagtail_serve": (lambda w: None, OPEN),  # the workshop page (its address, below)
    "wagtaildocs_serve": (lambda w: None, (404,) * 7),  # no such document
    "wagtaildocs_authenticate_with_password": (lambda w: {"restriction_id": 999}, (302,) * 7),
}

OUR_ADMIN = {
    "two_factor:setup": (None, STAFF),
    "two_factor:verify": (None, (LOGIN, LOGIN, LOGIN, 302, 302, 302, 302)),  # no device: sent to the setup page
    "registrations_admin:session": (lambda w: {"pk": w["session"].pk}, EDITORS_AND_ORGANISERS),
    "registrations_admin:message": (lambda w: {"pk": w["session"].pk}, POSTED_BY_EDITORS, "post"),
    "registrations_admin:update": (lambda w: {"pk": w["registration"].pk}, POSTED_BY_EDITORS, "post"),
    "draws_admin:run": (lambda w: {"pk": w["draw"].pk}, ORGANISERS),
    "draws_admin:check": (lambda w: {"pk": w["draw"].pk}, ORGANISERS, "post"),  # answers with its findings
    "draws_admin:import": (lambda w: {"pk": w["draw"].pk}, POSTED_BY_ORGANISERS, "post"),
    "draws_admin:step": (lambda w: {"pk": w["draw"].pk}, POSTED_BY_ORGANISERS, "post"),
    "draws_admin:decline": (lambda w: {"pk": w["candidacy"].pk}, POSTED_BY_ORGANISERS, "post"),
    "search_terms": (None, staff_only("editor")),
    "comments_admin:queue": (None, MODERATORS),
    "comments_admin:item": (lambda w: {"pk": w["comment"].pk}, MODERATORS),
    "comments_admin:blocks": (None, MODERATORS),
    "comments_admin:lift_block": (lambda w: {"pk": w["block"].pk}, POSTED_BY_MODERATORS, "post"),
    "comments_admin:questions": (None, EDITORS_AND_ORGANISERS),  # answering: moderators approve in the queue
    "comments_admin:answer": (lambda w: {"pk": w["question"].pk}, EDITORS_AND_ORGANISERS),
}
# The viewsets of our models: every action of theirs under the same rule.
OUR_VIEWSETS = {"sessions": EDITORS_AND_ORGANISERS, "workshop_members": ORGANISERS, "draw_settings": ORGANISERS}


def public_and_our_admin_names():
    """Every named view outside Wagtail's own admin, and every view of our admin apps and viewsets."""

    def walk(patterns, namespace=None, prefix=""):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                inner = ":".join(part for part in (namespace, pattern.namespace) if part) or None
                yield from walk(pattern.url_patterns, inner, prefix + str(pattern.pattern))
            elif pattern.name:
                yield (f"{namespace}:{pattern.name}" if namespace else pattern.name), prefix + str(pattern.pattern)

    for name, route in walk(get_resolver().url_patterns):
        if not route.startswith("admin/"):
            yield name
        elif not name.split(":")[0].startswith(("wagtail", "wagtail_localize")):
            yield name


def test_every_view_has_an_expected_entry():
    known = set(PUBLIC) | set(OUR_ADMIN)
    unknown = [
        name for name in public_and_our_admin_names() if name not in known and name.split(":")[0] not in OUR_VIEWSETS
    ]
    assert not unknown, f"views without an expected entry in {__name__}: {sorted(set(unknown))}"


def client_for(role, world):
    client = Client()
    if role != "anonymous":
        client.force_login(world["people"][role])
    return client


def url_of(name, arguments, world):
    if name == "wagtail_serve":
        return world["workshop"].url
    if name == "wagtaildocs_serve":
        return "/documents/999999/missing.pdf"
    return reverse(name, kwargs=arguments(world) if callable(arguments) else None)


def outcome(response):
    """The status, except that a redirect says where to: to sign in, or refused by the admin."""
    if response.status_code == 302:
        location = response["Location"]
        if "/login/" in location:
            return LOGIN
        if location == reverse("wagtailadmin_home"):
            return DENIED
    return response.status_code


def observed(world, entries):
    rows = {}
    for name, (arguments, _rule, *method) in entries.items():
        url = url_of(name, arguments, world)
        send = "post" if method == ["post"] else "get"
        rows[name] = tuple(outcome(getattr(client_for(role, world), send)(url)) for role in ROLES)
    return rows


def differences(world, entries):
    found = observed(world, entries)
    return {
        name: {"expected": rule, "got": found[name]} for name, (_a, rule, *_m) in entries.items() if found[name] != rule
    }


def test_public_views(world):
    assert differences(world, PUBLIC) == {}


def test_our_admin_views(world):
    assert differences(world, OUR_ADMIN) == {}


def test_our_admin_viewsets(world):
    entries = {}
    for prefix, rule in OUR_VIEWSETS.items():
        entries[f"{prefix}:index"] = (None, rule)
        entries[f"{prefix}:add"] = (None, rule)
    entries["sessions:add"] = (None, staff_only("editor"))  # organisers see the sessions; editors plan them
    entries["sessions:edit"] = (lambda w: {"pk": w["session"].pk}, staff_only("editor"))
    entries["draw_settings:edit"] = (lambda w: {"pk": w["draw"].pk}, ORGANISERS)
    assert differences(world, entries) == {}


def test_every_entry_of_the_admin_menu(world, rf):
    """The menu an administrator sees, entry by entry (Wagtail's own pages, images, users, settings…)."""
    request = rf.get("/admin/")
    request.user = world["people"]["administrator"]
    urls = set()

    def collect(items):
        for item in items:
            if getattr(item, "menu_items", None):
                collect(item.menu_items)
            elif getattr(item, "url", "").startswith("/admin/"):
                urls.add(item.url)

    collect(admin_menu.menu_items_for_request(request))
    assert len(urls) > 5
    found = {url: tuple(client_for(role, world).get(url).status_code for role in ROLES) for url in sorted(urls)}
    for url, statuses in found.items():
        assert statuses[0] == 302 and statuses[1] == statuses[2] == 302, (url, statuses)  # never outside staff
        assert statuses[-1] == 200, (url, statuses)  # the administrator reaches every entry
        name = resolve(url).view_name
        assert all(status in (200, 302, 403) for status in statuses), (url, name, statuses)


def test_object_level(world):
    """What belongs to another resident: their registration, comment, candidacy and data download."""
    camille = client_for("resident", world)
    assert camille.post(reverse("registrations:cancel_mine", args=[world["registration"].pk])).status_code == 404
    assert Registration.objects.get(pk=world["registration"].pk).is_active
    assert camille.post(reverse("comments:edit", args=[world["comment"].pk]), {"text": "x"}).status_code == 404
    assert camille.post(reverse("comments:delete", args=[world["comment"].pk])).status_code == 404
    camille.post(reverse("draws:withdraw", args=[world["draw"].pk]))
    assert Candidacy.objects.filter(pk=world["candidacy"].pk).exists()
    download = camille.get(reverse("accounts:export")).content.decode()
    assert "Un avis" not in download and world["registration"].email not in download
