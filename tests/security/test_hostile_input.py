"""Whatever anyone types, anywhere: never a 5xx, and nothing typed becomes markup (issue 18, item 11).

A corpus of hostile values goes into every field of every public form and every query parameter of
the public pages, signed in and not. Each answer, and the pages that show what was typed, are parsed:
no element or attribute the portal did not write may appear (scripts, event handlers, javascript:
links, injected images or frames).
"""

import datetime
from urllib.parse import quote

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import timezone

from draws.models import Draw

pytestmark = pytest.mark.django_db

MEGABYTE = "é" * (512 * 1024)
CORPUS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "'><svg/onload=alert(1)>",
    "<iframe src=javascript:alert(1)>",
    "javascript:alert(1)",
    "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "\uff1cscript\uff1ealert(1)\uff1c/script\uff1e",  # full-width angle brackets
    "<a href='javascript:alert(1)'>x</a>",
    "[x](javascript:alert(1))",
    "' OR 1=1 --",
    '"; DROP TABLE comments_portalcomment; --',
    '*?~^:"()[]{}\\/+-!&|',
    "NEAR(a b) AND OR NOT",
    "%s%s%s%n%x {0} {} %(name)s ${7*7} {{7*7}}",
    "a\x00b",
    "\u202egnp.exe",
    "مرحبا بالعالم שלום",
    "👩🏽‍🚒🏳️‍🌈 \u200d\ufeff",
    "x" * 20_000,
    "mot " * 5000,
    MEGABYTE,
]
INVALID_UTF8 = ["%FF%FE", "%ED%A0%80", "%C0%AF", "%E0%A4%A", "%zz"]  # raw bytes no browser would send
RAW_QUERIES = ["q=%FF%FE%FD", "q=%E0%A4%A", "q=%zz", "page=%00", "q=%C0%AF", "theme=%2e%2e%2f%2e%2e"]
INJECTED_TAGS = {"script", "iframe", "svg", "object", "embed"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "xlink:href", "poster"}


def assert_no_injection(response, where):
    assert response.status_code < 500, (where, response.status_code)
    if "html" not in response.get("Content-Type", ""):
        return
    soup = BeautifulSoup(response.content, "html.parser")
    for element in soup.find_all(True):
        assert element.name not in INJECTED_TAGS or element.get("src", "").startswith("/static/"), (where, element)
        for attribute, value in element.attrs.items():
            assert not attribute.lower().startswith("on"), (where, str(element)[:200])
            if attribute.lower() in URL_ATTRIBUTES:  # a form field may hold "javascript:…" as typed text
                assert not str(value).strip().lower().startswith("javascript:"), (where, str(element)[:200])
        if element.name == "img":
            assert element.get("src") != "x", (where, element)


@pytest.fixture
def places(site_tree, archive, make_session, resident, district, settings):
    settings.PORTAL_RATE_LIMITS_ENABLED = False  # thousands of requests from one address, on purpose
    settings.REGISTRATION_UNCONFIRMED_SHARE = 1
    workshop = site_tree["workshops"]["fr"]
    draw = Draw.objects.create(
        workshop=workshop, panel_size=4, closes_at=timezone.now() + datetime.timedelta(days=10), lottery_size=100
    )
    return {
        "workshop": workshop,
        "session": make_session(capacity=500),
        "draw": draw,
        "district": district,
        "index": archive["index"]["fr"],
        "recommendation": archive["recommendations"][0],
    }


def forms(p):
    """(address, valid fields, needs an account) for every public form."""
    registration = {"name": "Nadia", "email": "n@example.org", "language": "fr", "old_enough": "on",
                    "children": "0", "children_ages": "", "access_needs": "", "consent": "on",
                    "district": p["district"].pk}  # fmt: skip
    application = {"old_enough": "on", "district": p["district"].pk, "gender": "woman", "age": "30-44", "consent": "on"}
    return [
        (reverse("comments:post", args=[p["workshop"].pk]), {"text": "Bonjour", "parent": "", "followup": ""}, True),
        (reverse("comments:ask", args=[p["workshop"].pk]), {"text": "Quand ?", "session": ""}, True),
        (f"/fr/sessions/{p['session'].pk}/", registration, False),
        (f"/fr/sessions/{p['session'].pk}/", {k: v for k, v in registration.items() if k != "email"}, True),
        (reverse("draws:apply", args=[p["draw"].pk]), application, True),
        (reverse("archive:endorse", args=[p["recommendation"].pk]), {"show_name": "on", "notify": ""}, True),
        (reverse("accounts:profile"), {"display_name": "Camille", "preferred_language": "fr"}, True),
        (reverse("accounts:delete"), {"password": "wrong"}, True),
        (
            reverse("account_signup"),
            {"email": "s@example.org", "password1": "Long-pass-42!", "password2": "Long-pass-42!", "display_name": "S"},
            False,
        ),  # fmt: skip
        (reverse("account_login"), {"login": "l@example.org", "password": "x"}, False),
        (reverse("account_reset_password"), {"email": "r@example.org"}, False),
    ]


def test_every_form_field_takes_anything(client, places, resident):
    camille = resident("Camille", username="camille")
    for url, valid, signed_in in forms(places):
        if signed_in:
            client.force_login(camille)
        else:
            client.logout()
        for field in valid:
            for value in CORPUS:
                response = client.post(url, {**valid, field: value}, follow=True)
                assert_no_injection(response, (url, field, value[:40]))
    client.force_login(camille)
    assert_no_injection(client.get(places["workshop"].url), "the workshop page, after it all")
    assert_no_injection(client.get(reverse("accounts:profile")), "the resident's space")


def test_invalid_utf8_and_percent_encoding_in_forms(client, places, resident):
    client.force_login(resident("Camille", username="camille"))
    for url, valid, _signed_in in forms(places):
        for field in valid:
            for raw in INVALID_UTF8:
                body = "&".join(
                    f"{name}={raw if name == field else quote(str(value))}" for name, value in valid.items()
                )
                response = client.generic("POST", url, body, content_type="application/x-www-form-urlencoded")
                assert response.status_code < 500, (url, field, raw, response.status_code)


def test_a_comment_answered_by_staff_is_shown_as_text(client, places, resident):
    """The comment form above accepted some values: where they show, they are text."""
    client.force_login(resident("Camille", username="camille"))
    for value in CORPUS[:10]:
        client.post(reverse("comments:post", args=[places["workshop"].pk]), {"text": value})
    page = client.get(places["workshop"].url)
    assert_no_injection(page, "comments shown")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page.content.decode()


# Each public page and the parameters it reads (search's facets, the archive's filters, the threads' pages).
FACETS = ["q", "page", "sort", "type", "theme", "territory", "workshop", "year", "answer", "progress"]
QUERY_PARAMETERS = {
    "/fr/search/": FACETS,
    "/fr/search/suggestions/": ["q"],
    "{index}": FACETS,
    "{workshop}": ["comment", "reply", "sort", "comments_page", "questions", "untranslated"],
    "{api}": ["page", "language"],
    "/fr/accounts/login/": ["next"],
}


@pytest.mark.parametrize("signed_in", [False, True], ids=["visitor", "resident"])
def test_every_query_parameter_takes_anything(client, places, resident, signed_in):
    if signed_in:
        client.force_login(resident("Camille", username="camille"))
    addresses = {
        "{index}": places["index"].url,
        "{workshop}": places["workshop"].url,
        "{api}": reverse("comments:api", args=[places["workshop"].pk]),
    }
    for page, parameters in QUERY_PARAMETERS.items():
        page = addresses.get(page, page)
        for parameter in parameters:
            for value in CORPUS:
                if value == MEGABYTE:
                    value = value[:8000]  # an address is at most a few kilobytes long before any server
                response = client.get(f"{page}?{parameter}={quote(value, safe='', errors='ignore')}")
                assert_no_injection(response, (page, parameter, value[:40]))
        for raw in RAW_QUERIES:
            assert_no_injection(client.get(f"{page}?{raw}"), (page, raw))
