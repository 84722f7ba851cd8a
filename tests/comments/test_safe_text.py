"""Nothing a resident types runs in a browser; only http(s) addresses become links."""

import pytest
from django.test import Client
from django.urls import reverse

from comments import text
from comments.models import PortalComment

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ("<script>alert(1)</script>", "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>"),
        ('<img src=x onerror="alert(1)">', "<p>&lt;img src=x onerror=&quot;alert(1)&quot;&gt;</p>"),
        ("javascript:alert(1)", "<p>javascript:alert(1)</p>"),
        ("ligne 1\nligne 2\n\nparagraphe", "<p>ligne 1<br>ligne 2</p><p>paragraphe</p>"),
    ],
)
def test_text_is_escaped(typed, shown):
    assert text.render(text.clean(typed)) == shown


def test_web_addresses_become_safe_links():
    html = text.render("Voir https://grenoble.fr/page?a=1&b=2. Et http://x.example/<script>")
    assert '<a href="https://grenoble.fr/page?a=1&amp;b=2" rel="nofollow ugc noopener">' in html
    assert "</a>. Et" in html  # the full stop is not part of the link
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_links_cannot_break_out_of_the_attribute():
    html = text.render('https://a.example/"onmouseover="alert(1)')
    assert 'onmouseover="' not in html


def test_direction_overrides_and_control_characters_are_dropped():
    assert text.clean("abc\u202edcba\u2066x\u2069\x00\x07 fin") == "abcdcbax fin"


def test_a_script_posted_through_the_form_is_shown_as_text(client, workshop, resident):
    client.force_login(resident())
    client.post(reverse("comments:post", args=[workshop.pk]), {"text": "<script>alert('x')</script>"})
    body = client.get(workshop.url).content.decode()
    assert "<script>alert" not in body
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in body


def test_a_post_without_csrf_token_is_refused_and_the_text_given_back(workshop, resident):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(resident())
    response = browser.post(reverse("comments:post", args=[workshop.pk]), {"text": "Mon long texte précieux"})
    assert response.status_code == 403
    body = response.content.decode()
    assert "Le formulaire a expiré" in body
    assert "Mon long texte précieux" in body
    assert not PortalComment.objects.exists()
