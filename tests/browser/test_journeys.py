"""The journeys of DESIGN.md, in a real browser, as a person goes through them.

Controls are found by their accessible names and labels (the English interface: its names are the
source strings), emails are read from Django's outbox and their links followed. Staff sign in
through a session cookie: their journeys are about the decisions they take, not the sign-in form.
"""

import datetime
import re

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.utils import timezone, translation
from django.utils.translation import gettext
from wagtail.users.models import UserProfile

from archive import browse
from archive.models import Answer, Endorsement
from comments.models import PortalComment
from draws.models import Draw, DrawStatus
from registrations.models import Registration
from sortition.cli import main as sortition_main
from tests.browser.conftest import last_link, sign_in
from workshops.models import WorkshopPage

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]
PASSWORD = "a-long-test-password"


@pytest.fixture
def person(open_browser, resident):
    """A resident with an account, signed in through the form in a browser of their own."""

    def make(name, javascript=True):
        user = resident(name, "en", username=name.lower())
        page = open_browser(javascript=javascript)
        sign_in(page, user.email, PASSWORD)
        assert page.get_by_role("link", name=re.compile("My space|Mon espace")).count(), "sign-in failed"
        return user, page

    return make


def french(text):
    with translation.override("fr"):
        return gettext(text)


def staff_browser(open_browser, live_server, user):
    """A staff member's browser, signed in by a session cookie."""
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"  # the admin in English, whose names the tests look for
    profile.save()
    client = Client()
    client.force_login(user)
    page = open_browser()
    cookie = client.cookies["sessionid"]
    page.context.add_cookies([{"name": "sessionid", "value": cookie.value, "url": live_server.url}])
    return page


def register(page, session):
    page.goto(f"/en/sessions/{session.pk}/")
    page.get_by_label(re.compile(r"I am \d+ or older")).check()
    page.get_by_label(re.compile("I agree that the City keeps these details")).check()
    page.get_by_role("button", name=re.compile("^(Register|Join the waiting list)$")).click()
    page.wait_for_load_state()
    assert not page.locator(".errorlist").count(), page.locator("main form").inner_text()


def test_journey_2_seats_waiting_list_and_cancelling_from_the_email(person, session_with_two_seats):
    session = session_with_two_seats
    first, first_page = person("Ana")
    second, second_page = person("Bruno")
    third, third_page = person("Chloe")

    register(first_page, session)
    first_page.goto(f"/en/sessions/{session.pk}/")
    assert "1 seat left." in first_page.locator(".seats-left").inner_text()
    register(second_page, session)
    second_page.goto(f"/en/sessions/{session.pk}/")
    assert "0 seats left." in second_page.locator(".seats-left").inner_text()
    third_page.goto(f"/en/sessions/{session.pk}/")
    assert third_page.get_by_role("button", name="Join the waiting list").is_visible()
    register(third_page, session)
    assert "You are number 1 on the waiting list." in third_page.locator("main").inner_text()

    cancel = last_link(first.email, r"https?://\S+/sessions/cancel/\S+")
    mail.outbox.clear()
    first_page.goto(cancel)
    first_page.get_by_role("button", name="Yes, cancel").click()
    first_page.wait_for_load_state()

    assert Registration.objects.get(session=session, user=third).status == "confirmed"
    assert any(third.email in message.to for message in mail.outbox), "the promoted resident is told"
    third_page.goto(f"/en/sessions/{session.pk}/")
    assert "You are registered for this session." in third_page.locator("main").inner_text()
    assert "0 seats left." in third_page.locator(".seats-left").inner_text()


def test_journey_3_reported_comment_is_hidden_then_decided_by_a_moderator(
    person, open_browser, live_server, site_tree, resident
):
    workshop = site_tree["workshops"]["en"]
    author, author_page = person("Dana")
    author_page.goto(workshop.url)
    author_page.get_by_label("Your comment").fill("Everyone on this street is an idiot.")
    author_page.get_by_role("button", name="Publish").click()
    author_page.wait_for_load_state()
    assert "Everyone on this street is an idiot." in author_page.locator("#comments").inner_text()

    for name in ("Eli", "Farah", "Gus"):
        _, page = person(name)
        page.goto(workshop.url)
        page.locator("#comments").get_by_role("link", name="Report").first.click()
        page.get_by_label("Offensive or hateful").check()
        page.get_by_role("button", name="Send the report").click()
        page.wait_for_load_state()

    visitor = open_browser()
    visitor.goto(workshop.url)
    assert "Everyone on this street is an idiot." not in visitor.locator("main").inner_text()

    moderator = resident("Mo", "en", username="mo")
    moderator.groups.add(Group.objects.get(name="Moderators"))
    mail.outbox.clear()
    admin = staff_browser(open_browser, live_server, moderator)
    admin.goto("/admin/moderation/")
    assert "Everyone on this street is an idiot." in admin.locator("main").inner_text()
    admin.get_by_role("row").filter(has_text="idiot").get_by_role("link", name="Open").click()
    assert "Offensive or hateful" in admin.locator("main").inner_text()
    admin.get_by_label("Decision").select_option(label="Remove")
    admin.get_by_label("Reason").first.fill("Insults have no place here.")
    admin.get_by_role("button", name="Apply").click()
    admin.wait_for_load_state()

    assert PortalComment.objects.get(user=author).status == "removed"
    told = {address for message in mail.outbox for address in message.to}
    assert author.email in told


def test_journey_4_a_question_waits_for_approval_then_shows_its_answer(
    person, open_browser, live_server, site_tree, resident
):
    workshop = site_tree["workshops"]["en"]
    asker, page = person("Hana")
    page.goto(workshop.url)
    page.get_by_label("Your question").fill("Will the sessions be interpreted into sign language?")
    page.get_by_role("button", name="Send my question").click()
    page.wait_for_load_state()

    visitor = open_browser()
    visitor.goto(workshop.url)
    assert "sign language" not in visitor.locator("main").inner_text()

    moderator = resident("Moira", "en", username="moira")
    moderator.groups.add(Group.objects.get(name="Moderators"))
    admin = staff_browser(open_browser, live_server, moderator)
    admin.goto("/admin/moderation/?tab=pending")
    admin.get_by_role("row").filter(has_text="sign language").get_by_role("checkbox").check()
    admin.get_by_label("Decision").select_option(label="Approve the question")
    admin.get_by_role("button", name="Apply").click()
    admin.wait_for_load_state()
    assert "Decision applied to 1 item(s)." in admin.locator("main").inner_text()

    editor = resident("Eva", "en", username="eva")  # communications staff post the official answers
    editor.groups.add(Group.objects.get(name="Editors"))
    admin = staff_browser(open_browser, live_server, editor)
    admin.goto("/admin/moderation/questions/")
    admin.get_by_role("row").filter(has_text="sign language").get_by_role("link", name="Answer").click()
    admin.get_by_label("Official answer").fill("Yes: tell us when you register and we book an interpreter.")
    admin.get_by_role("button", name="Publish the answer").click()
    admin.wait_for_load_state()
    assert "The official answer is published." in admin.locator("body").inner_text()

    visitor.goto(workshop.url)
    questions = visitor.locator("#questions")
    questions.get_by_text("Will the sessions be interpreted into sign language?").first.click()  # unfold it
    answer = questions.locator(".answer")
    assert answer.is_visible()
    assert "Official answer" in answer.inner_text()
    assert "we book an interpreter" in answer.inner_text()


def test_journey_7_a_resident_endorses_and_appears_in_the_list(person, archive):
    """On the French recommendation, with the French interface's names."""
    recommendation = archive["recommendations"][0]
    user, page = person("Ines")
    page.goto(recommendation.url)
    endorsements = page.locator("#endorsements")
    assert "0 soutien" in endorsements.inner_text()
    endorsements.get_by_label(french("Show my name in the list of endorsers")).check()
    endorsements.get_by_role("button", name=french("Endorse this recommendation")).click()
    page.wait_for_load_state()

    assert Endorsement.objects.filter(user=user, translation_key=recommendation.translation_key).count() == 1
    assert french("You endorse this recommendation.") in page.locator("#endorsements").inner_text()
    visitor = person("Jo")[1]
    visitor.goto(recommendation.url)
    listed = visitor.locator("#endorsements").inner_text()
    assert "1 soutien" in listed and "Ines" in listed


def choose(select, label):
    """Pick the option whose label starts with ``label`` (the facets add their counts)."""
    option = select.locator("option").filter(has_text=re.compile(f"^{re.escape(label)} ")).first
    select.select_option(option.get_attribute("value"))


def test_journey_5_searching_the_archive_in_french_with_filters(open_browser, archive):
    call_command("update_search_index", verbosity=0)
    page = open_browser()
    page.goto(archive["index"]["fr"].url)
    words = page.get_by_label(french("Words to look for"))
    for typed, expected in [("arbre", "Planter des arbres"), ("ECOLES", "Ouvrir les cours d'école")]:
        words.fill(typed)
        words.press("Enter")  # the keyboard sends the form
        page.wait_for_load_state()
        titles = page.locator(".archive__results .card__title").all_inner_texts()
        assert titles and titles[0].startswith(expected), f"{typed!r} found {titles}"

    words.fill("")
    words.press("Enter")
    page.wait_for_load_state()
    with translation.override("fr"):
        theme, year, answer = (str(browse.FACETS[i].label) for i in (1, 3, 4))
        accepted = str(Answer.ACCEPTED.label)
    choose(page.get_by_label(answer), accepted)
    page.get_by_label(theme).select_option(index=1)
    choose(page.get_by_label(year), "2025")
    page.locator(".archive__filters").get_by_role("button", name=french("Show")).click()
    page.wait_for_load_state()
    cards = page.locator(".archive__results .card")
    assert cards.count() == 1 and "Planter des arbres" in cards.inner_text()

    cards.get_by_role("link", name="Planter des arbres").click()
    main = page.locator("main").inner_text()
    assert accepted in main and "Planter 500 arbres" in main and "40" in main


def test_journey_6_an_organiser_runs_the_draw_and_a_visitor_verifies_it(
    open_browser, live_server, site_tree, resident, tmp_path, capsys
):
    """Quotas for parity, age bands and districts, 17 seats, a pool of 300 from the city's mail-out."""
    draw = Draw.objects.create(
        workshop=site_tree["workshops"]["fr"],
        panel_size=17,
        closes_at=timezone.now() + datetime.timedelta(days=10),
        randomness_method="Five ten-sided dice thrown in public.",
        lottery_size=200,
    )
    categories = tmp_path / "categories.csv"
    categories.write_text(
        "category,name,min,max\ngender,woman,8,9\ngender,man,8,9\n"
        "age,16-29,3,6\nage,30-44,3,6\nage,45-64,3,6\nage,65+,2,5\n"
        "district,north,4,7\ndistrict,centre,4,7\ndistrict,south,4,7\n"
    )
    respondents = tmp_path / "respondents.csv"
    bands, districts = ["16-29", "30-44", "45-64", "65+"], ["north", "centre", "south"]
    rows = [f"r{n},{['woman', 'man'][n % 2]},{bands[n % 4]},{districts[n % 3]}" for n in range(300)]
    respondents.write_text("id,gender,age,district\n" + "\n".join(rows) + "\n")

    organiser = resident("Olga", "en", username="olga")
    organiser.groups.add(Group.objects.get(name="Organisers"))
    admin = staff_browser(open_browser, live_server, organiser)
    admin.goto(f"/admin/draw-runs/{draw.pk}/")
    admin.get_by_label(re.compile("^Categories file")).set_input_files(categories)
    admin.get_by_label(re.compile("^Respondents file")).set_input_files(respondents)
    admin.get_by_role("button", name="Import").click()
    admin.wait_for_load_state()
    assert "300 respondents and 9 quotas imported" in admin.locator("body").inner_text()

    admin.get_by_label("Minimum, district: north").fill("5")  # the organiser tightens one quota
    admin.get_by_role("button", name="Save the quotas").click()
    admin.wait_for_load_state()
    assert "The quotas are saved." in admin.locator("body").inner_text()
    assert draw.quotas.get(category="district", value="north").minimum == 5

    admin.get_by_label(re.compile("^I confirm: once frozen")).check()
    admin.get_by_role("button", name="Freeze").click()
    admin.wait_for_load_state()
    admin.get_by_role("button", name="Compute").click()
    admin.wait_for_load_state()
    admin.get_by_label("The public randomness, exactly as produced").fill("3 9 0 7 2")
    admin.get_by_role("button", name="Draw the panel").click()
    admin.wait_for_load_state()
    draw.refresh_from_db()
    assert draw.status == DrawStatus.DRAWN

    visitor = open_browser()
    visitor.goto(f"/en/draws/{draw.pk}/")
    text = visitor.locator("main").inner_text()
    assert "3 9 0 7 2" in text and draw.pool_sha256 in text
    with visitor.expect_download() as download:
        visitor.get_by_role("link", name=re.compile(r"^Download the audit record \(")).click()
    record = tmp_path / download.value.suggested_filename
    download.value.save_as(record)
    capsys.readouterr()
    assert sortition_main(["verify", str(record)]) == 0  # as the page says: python -m sortition.verify <file>
    assert "verified: the same panel of 17" in capsys.readouterr().out


TRANSLATIONS = {
    "en": ["Streets to play in", "streets-to-play-in", "How can streets go back to children on Sundays?", "Try it."],
    "es": ["Calles para jugar", "calles-para-jugar", "¿Cómo devolver las calles a los niños el domingo?", "Probarlo."],
}


def test_journey_1_an_editor_writes_translates_and_publishes_a_visitor_switches_language(
    open_browser, site_tree, resident
):
    theme = site_tree["workshops"]["fr"].theme
    spanish_theme = theme.copy_for_translation(site_tree["locales"]["es"])
    spanish_theme.name = "Clima"
    spanish_theme.save()
    editor = resident("Edith", "en", username="edith")
    editor.groups.add(Group.objects.get(name="Editors"))
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "en"
    profile.save()

    admin = open_browser(language="en")  # the sign-in page follows the browser's language
    script_errors = []
    admin.on("pageerror", lambda error: script_errors.append(str(error)))
    admin.goto("/admin/login/")
    admin.get_by_label("Username").fill(editor.email)
    admin.get_by_label("Password").fill(PASSWORD)
    admin.get_by_role("button", name="Sign in").click()
    admin.wait_for_url("**/admin/")

    index = site_tree["indexes"]["fr"]
    response = admin.goto(f"/admin/pages/add/workshops/workshoppage/{index.pk}/")
    assert response.status == 200 and "/add/" in admin.url, admin.locator("body").inner_text()[:500]
    admin.get_by_role("textbox", name="Title*").fill("Des rues pour jouer")
    admin.get_by_role("textbox", name="Topic*").fill("Comment rendre les rues aux enfants le dimanche ?")
    # found by the field's content path, which, unlike the panel's id, does not depend on how the
    # admin's form was first built in this process
    rich_text = admin.locator("[data-contentpath=city_expectations] [role=textbox]")
    try:
        rich_text.click(timeout=30_000)  # Draftail, once the admin's scripts have run
    except Exception as error:
        raise AssertionError(f"the rich text editor did not start; script errors: {script_errors}") from error
    admin.keyboard.type("La Ville essaiera les idées retenues.")
    admin.get_by_role("button", name="Choose theme").click()
    admin.locator(".modal").get_by_role("link", name=theme.name).click()
    admin.get_by_role("combobox", name="Status*").select_option(label="Call for candidates")
    admin.get_by_role("button", name="More actions").click()
    admin.get_by_role("button", name="Publish").click()
    admin.wait_for_load_state()
    assert "created and published" in admin.locator("body").inner_text()
    workshop = WorkshopPage.objects.get(slug="des-rues-pour-jouer")

    admin.goto(f"/admin/pages/{workshop.pk}/edit/")
    admin.get_by_role("navigation", name="Actions", exact=True).get_by_role("button", name="Actions").click()
    admin.get_by_role("link", name="Translate").click()
    admin.get_by_label("English").check()
    admin.get_by_label("Spanish").check()
    admin.locator("main [type=submit]").click()
    admin.wait_for_load_state()
    assert "submitted for translation into 2 locales" in admin.locator("body").inner_text()

    for code, language in (("en", "English"), ("es", "Spanish")):
        translation_page = workshop.get_translation(site_tree["locales"][code])
        admin.goto(f"/admin/pages/{translation_page.pk}/edit/")  # wagtail-localize's translation editor
        for text in TRANSLATIONS[code]:
            admin.get_by_role("button", name="Translate", exact=True).first.click()
            admin.locator("textarea").first.fill(text)
            admin.get_by_role("button", name="Save", exact=True).first.click()
            admin.get_by_text(text, exact=True).wait_for()
        admin.get_by_role("button", name=f"Publish in {language}").click()
        admin.wait_for_load_state()
        assert f"in {language}." in admin.locator("body").inner_text()

    visitor = open_browser()
    visitor.goto(workshop.url)
    for code, name, address in (("en", "English", "/en/workshops/streets-to-play-in/"), ("es", "español", None)):
        visitor.locator(".language-switcher").get_by_role("link", name=name).click()
        visitor.wait_for_load_state()
        assert visitor.evaluate("document.documentElement.lang") == code
        assert visitor.locator("h1").inner_text() == TRANSLATIONS[code][0]
        if address:
            assert visitor.url.endswith(address)
        alternates = visitor.locator("link[rel=alternate][hreflang]").evaluate_all(
            "links => Object.fromEntries(links.map(link => [link.hreflang, new URL(link.href).pathname]))"
        )
        assert alternates == {
            "fr": "/fr/ateliers/des-rues-pour-jouer/",
            "en": "/en/workshops/streets-to-play-in/",
            "es": "/es/talleres/calles-para-jugar/",
            "x-default": "/fr/ateliers/des-rues-pour-jouer/",
        }
