"""Staff views of a session's registrations: who may see what, exports, attendance and moves."""

import csv
import io

import pytest
from django.contrib.auth.models import Group, Permission
from openpyxl import load_workbook

from accounts import roles
from registrations import services
from tests import factories
from tests.registrations.conftest import applicant_for

pytestmark = pytest.mark.django_db


def staff(group_name):
    user = factories.UserFactory()
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def booked(make_session, resident):
    session = make_session(capacity=1)
    seated = services.register(
        session, applicant_for(resident("Ada"), children=2, children_ages="2 et 5", access_needs="Fauteuil roulant")
    )
    waiting = services.register(session, applicant_for(resident('=HYPERLINK("http://x")')))
    return session, seated, waiting


@pytest.mark.parametrize(
    "group_name, allowed", [(roles.EDITORS, True), (roles.ORGANISERS, True), (roles.MODERATORS, False)]
)
def test_who_sees_the_list(client, booked, group_name, allowed):
    client.force_login(staff(group_name))
    response = client.get(f"/admin/session-registrations/{booked[0].pk}/")
    assert (response.status_code == 200) is allowed
    assert (booked[1].email in response.content.decode()) is allowed


def test_counts_and_private_answers_need_their_permission(client, booked):
    editor = staff(roles.EDITORS)
    client.force_login(editor)
    html = client.get(f"/admin/session-registrations/{booked[0].pk}/").content.decode()
    counts = "1 confirmées et 0 présences sur 1 places · 1 en attente · 0 annulées · 2 places de garde demandées"
    assert counts in html
    assert "Fauteuil roulant" not in html

    editor.user_permissions.add(Permission.objects.get(codename="view_private_answers"))
    editor = type(editor).objects.get(pk=editor.pk)
    client.force_login(editor)
    assert "Fauteuil roulant" in client.get(f"/admin/session-registrations/{booked[0].pk}/").content.decode()


def test_csv_and_xlsx_exports(admin_client, booked):
    session = booked[0]
    response = admin_client.get(f"/admin/session-registrations/{session.pk}/?export=csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:3] == ["Nom", "Courriel", "Statut"]
    assert {row[0] for row in rows[1:]} == {"Ada", '\'=HYPERLINK("http://x")'}
    assert "Fauteuil roulant" in {cell for row in rows for cell in row}

    response = admin_client.get(f"/admin/session-registrations/{session.pk}/?export=xlsx&status=waitlisted")
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert len(values) == 2 and values[1][4] == 1


def test_attendance_and_moves(client, booked, make_session):
    session, seated, waiting = booked
    other = make_session(capacity=5)
    client.force_login(staff(roles.EDITORS))
    client.post(f"/admin/session-registrations/registration/{seated.pk}/", {"action": "attended"})
    seated.refresh_from_db()
    assert seated.status == "attended"
    client.post(f"/admin/session-registrations/registration/{waiting.pk}/", {"action": "move", "target": other.pk})
    assert other.registrations.get().name == waiting.name


def test_a_garbled_move_target_is_a_404_not_a_crash(admin_client, booked):
    url = f"/admin/session-registrations/registration/{booked[2].pk}/"
    for target in ("abc", "", "-1", "99999"):
        assert admin_client.post(url, {"action": "move", "target": target}, follow=True).status_code == 404
    booked[2].refresh_from_db()
    assert booked[2].status == "waitlisted"


def test_organisers_cannot_change_registrations(client, booked):
    seated = booked[1]
    client.force_login(staff(roles.ORGANISERS))
    response = client.post(f"/admin/session-registrations/registration/{seated.pk}/", {"action": "attended"})
    assert response.status_code in (302, 403)
    seated.refresh_from_db()
    assert seated.status == "confirmed"


def test_session_listing_shows_registration_counts(client, booked):
    client.force_login(staff(roles.EDITORS))
    response = client.get("/admin/sessions/")
    assert response.status_code == 200
    assert f'href="/admin/session-registrations/{booked[0].pk}/"' in response.content.decode()


def test_staff_list_and_export_queries_do_not_grow(admin_client, make_session, django_assert_max_num_queries):
    from tests.registrations.conftest import guest

    session = make_session(capacity=3)
    for n in range(5):
        services.register(session, guest(n))
    url = f"/admin/session-registrations/{session.pk}/"
    admin_client.get(url)
    with django_assert_max_num_queries(60) as few:
        admin_client.get(url)
    for n in range(5, 40):
        services.register(session, guest(n))
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = admin_client.get(url)
    assert "(37)" in response.content.decode(), "the last person waiting shows position 37"
    with django_assert_max_num_queries(len(few.captured_queries)):
        admin_client.get(url + "?export=csv")
