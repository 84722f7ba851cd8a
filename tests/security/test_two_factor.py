"""Two-factor authentication for the admin (issue 18, item 15): required of administrators, optional for
other staff; codes are real TOTP codes, computed here as an authenticator app computes them."""

import re
from io import StringIO

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts import roles
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def required(settings):
    settings.ADMIN_TWO_FACTOR_REQUIRED = True


def code_for(device):
    """What the phone shows now (the device's key, 30-second steps)."""
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def forgive_the_wrong_try(device):
    """A wrong code makes the next try wait a second, then two… (django-otp's throttling): skip the wait."""
    device.refresh_from_db()
    device.throttling_failure_count, device.throttling_failure_timestamp = 0, None
    device.save()


@pytest.fixture
def administrator(django_user_model):
    return django_user_model.objects.create_superuser("root", "root@example.org", "x")


def pair(client):
    page = client.get("/admin/two-factor/").content.decode()
    key = re.search(r"<code>([A-Z2-7]+)</code>", page).group(1)
    device = TOTPDevice.objects.get(confirmed=False)
    assert device.config_url.count(key) == 1
    return device


def test_an_administrator_must_pair_an_app_before_the_admin_opens(client, administrator):
    client.force_login(administrator)
    assert client.get("/admin/pages/")["Location"] == "/admin/two-factor/"
    device = pair(client)
    refused = client.post("/admin/two-factor/", {"code": "000000"})
    assert "Ce code n’est pas le bon" in refused.content.decode()
    assert client.get("/admin/pages/").status_code == 302
    forgive_the_wrong_try(device)
    client.post("/admin/two-factor/", {"code": code_for(device)})
    assert client.get("/admin/pages/").status_code == 200


def test_each_new_session_asks_for_a_code(client, administrator):
    device = TOTPDevice.objects.create(user=administrator, name="app", confirmed=True)
    client.force_login(administrator)
    assert client.get("/admin/").url.startswith("/admin/two-factor/verify/?next=/admin/")
    client.post("/admin/two-factor/verify/?next=/admin/pages/", {"code": "123"})
    assert client.get("/admin/").status_code == 302
    forgive_the_wrong_try(device)
    response = client.post("/admin/two-factor/verify/?next=/admin/pages/", {"code": code_for(device)})
    assert response["Location"] == "/admin/pages/"
    assert client.get("/admin/").status_code == 200


def test_other_staff_may_choose_and_are_then_asked(client):
    editor = factories.UserFactory()
    editor.groups.add(Group.objects.get(name=roles.EDITORS))
    client.force_login(editor)
    assert client.get("/admin/").status_code == 200  # optional for them
    TOTPDevice.objects.create(user=editor, name="app", confirmed=True)
    client.force_login(editor)
    assert client.get("/admin/").status_code == 302


def test_the_public_site_never_asks(client, administrator, site_tree):
    client.force_login(administrator)
    assert client.get("/fr/").status_code == 200


def test_a_lost_phone_is_reset_by_the_technical_team(administrator):
    TOTPDevice.objects.create(user=administrator, name="app", confirmed=True)
    out = StringIO()
    call_command("reset_two_factor", "root@example.org", stdout=out)
    assert "1 authenticator(s) removed" in out.getvalue() and not TOTPDevice.objects.exists()


def test_codes_are_rate_limited(client, administrator, settings):
    settings.PORTAL_RATE_LIMITS = {**settings.PORTAL_RATE_LIMITS, "two_factor": {"user": "3/15m"}}
    TOTPDevice.objects.create(user=administrator, name="app", confirmed=True)
    client.force_login(administrator)
    statuses = [client.post("/admin/two-factor/verify/", {"code": "000000"}).status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
