"""Exports open whatever residents typed (issue 18, item 5): a control character in a guest's access
needs made openpyxl refuse to write the workbook (a 500 for staff)."""

import io

import pytest
from openpyxl import load_workbook

from registrations import services
from registrations.forms import RegistrationForm
from tests.registrations.conftest import guest

pytestmark = pytest.mark.django_db


def test_control_characters_in_saved_answers_do_not_break_the_xlsx_export(admin_client, make_session):
    session = make_session()
    services.register(session, guest(1, name="Ada\x1b", access_needs="Rampe\x1b[31m\x07 d'accès\nsvp"))
    response = admin_client.get(f"/admin/session-registrations/{session.pk}/?export=xlsx")
    assert response.status_code == 200
    rows = [[cell.value for cell in row] for row in load_workbook(io.BytesIO(response.content)).active.iter_rows()]
    assert rows[1][0] == "Ada\ufffd"
    assert "Rampe\ufffd[31m\ufffd d'accès\nsvp" in rows[1]


def test_free_text_with_control_characters_is_refused_with_a_message(make_session):
    data = {"name": "Ada", "email": "a@example.org", "language": "fr", "access_needs": "Rampe\x1b[31m", "consent": "on"}
    form = RegistrationForm(data=data, session=make_session())
    assert not form.is_valid()
    assert form.errors["access_needs"] == ["Veuillez retirer les caractères invisibles ou spéciaux."]
