"""A visitor follows the published instructions: download the record and the verifier, install, verify."""

import datetime
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation

from draws import services
from draws.models import Draw
from draws.views import VERIFIER_WHEEL
from tests.draws.conftest import pool

pytestmark = pytest.mark.django_db
SORTITION = Path(settings.BASE_DIR) / "sortition"
WHEEL = Path(settings.BASE_DIR) / "portal" / "static" / "downloads" / VERIFIER_WHEEL


def test_the_offered_wheel_holds_todays_sortition_code():
    with zipfile.ZipFile(WHEEL) as wheel:
        packaged = {Path(name).name: wheel.read(name) for name in wheel.namelist() if name.startswith("sortition/")}
    source = {path.name: path.read_bytes() for path in SORTITION.glob("*.py")}
    assert packaged == source, "run `make verifier` after changing sortition/"


@pytest.fixture
def drawn(site_tree, django_capture_on_commit_callbacks):
    draw = Draw.objects.create(
        workshop=site_tree["workshops"]["fr"],
        panel_size=4,
        closes_at=timezone.now() + datetime.timedelta(days=10),
        randomness_method="Trois dés.",
        lottery_size=100,
    )
    pool(draw)
    services.freeze(draw, None)
    services.compute_lottery(draw.pk)
    draw.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True), translation.override("fr"):
        services.draw_panel(draw, None, "4 1 7")
    return draw


@pytest.fixture(scope="module")
def verifier(tmp_path_factory):
    """A fresh Python with nothing but the wheel from the page: no solver, no numpy, no portal."""
    home = tmp_path_factory.mktemp("visitor")
    subprocess.run([sys.executable, "-m", "venv", str(home / "env")], check=True, timeout=120)
    python = home / "env" / "bin" / "python"
    subprocess.run([python, "-m", "pip", "install", "--quiet", "--no-index", str(WHEEL)], check=True, timeout=120)
    missing = subprocess.run([python, "-c", "import numpy"], capture_output=True)
    assert missing.returncode != 0  # the verifier really runs without the engine's dependencies
    return python


def test_a_visitor_verifies_the_draw_with_the_downloaded_files(client, drawn, verifier, tmp_path):
    page = BeautifulSoup(client.get(reverse("draws:detail", args=[drawn.pk])).content, "html.parser")
    steps = page.select_one("ol.steps").get_text(" ", strip=True)
    download = client.get(reverse("draws:audit", args=[drawn.pk]))
    filename = download["Content-Disposition"].split('filename="')[1].rstrip('"')
    assert filename == f"draw-{drawn.pk}-audit.json"
    assert f"python -m sortition.verify {filename}" in steps and f"pip install {VERIFIER_WHEEL}" in steps
    (tmp_path / filename).write_bytes(download.content)

    result = subprocess.run(
        [verifier, "-m", "sortition.verify", filename], cwd=tmp_path, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("verified: the same panel of 4 comes out")

    tampered = download.content.decode().replace('"randomness": "4 1 7"', '"randomness": "4 1 8"')
    (tmp_path / filename).write_text(tampered)
    result = subprocess.run([verifier, "-m", "sortition.verify", filename], cwd=tmp_path, capture_output=True)
    assert result.returncode == 1


@pytest.mark.parametrize("code, words", [("fr", "Vérifier"), ("en", "Check"), ("es", "Compruebe")])
def test_the_instructions_are_worded_in_each_language(client, drawn, code, words):
    with translation.override(code):
        response = client.get(reverse("draws:detail", args=[drawn.pk]))
    html = BeautifulSoup(response.content, "html.parser")
    section = html.select_one("#verify").find_parent("section").get_text(" ", strip=True)
    assert words in section
    assert "FOLDER" not in section and "DOSSIER" not in section and "CARPETA" not in section
