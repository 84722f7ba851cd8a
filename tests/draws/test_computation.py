"""The draw's computation in the task worker: its progress for the organiser, the cancel button, the fallback."""

from django.urls import reverse

from draws import services
from draws.models import DrawStatus
from tests.draws.conftest import pool


def test_the_worker_writes_its_progress_and_a_cancel_freezes_the_draw_again(draw, organiser, monkeypatch):
    pool(draw)
    services.freeze(draw, organiser)
    monkeypatch.setattr(services, "PROGRESS_EVERY_SECONDS", 0)
    seen = []
    writer = services._progress_writer

    def cancelling_writer(draw_id):
        report = writer(draw_id)

        def cancel_after_the_first(progress):
            report(progress)
            draw.refresh_from_db()
            seen.append(draw.computation)
            services.cancel_computation(draw, organiser)

        return cancel_after_the_first

    monkeypatch.setattr(services, "_progress_writer", cancelling_writer)
    services.compute_lottery(draw.pk)
    assert seen[0]["rounds"] >= 1 and 0 < seen[0]["smallest"] <= 1 and seen[0]["panels"] == 0
    draw.refresh_from_db()
    assert draw.status == DrawStatus.FROZEN and not draw.cancel_requested and not draw.lottery_sha256
    assert draw.computation == {}
    monkeypatch.setattr(services, "_progress_writer", writer)
    services.compute_lottery(draw.pk)  # computed again, to the end
    draw.refresh_from_db()
    assert draw.status == DrawStatus.LOTTERY and draw.algorithm == "leximin" and draw.computation["share"] == 1


def test_the_organiser_sees_the_progress_and_can_cancel(client, draw, organiser):
    pool(draw)
    services.freeze(draw, organiser)
    draw.status = DrawStatus.COMPUTING
    draw.computation = {"rounds": 4, "smallest": 0.0417, "panels": 812, "gap": 0.25, "cuts": 0, "seconds": 12.3}
    draw.save()
    client.force_login(organiser)
    page = client.get(reverse("draws_admin:run", args=[draw.pk])).content.decode()
    for text in ("Tours LEXIMIN terminés", "0,0417", "812", "0,250000", "12 s", "Annuler le calcul"):
        assert text in page
    client.post(reverse("draws_admin:step", args=[draw.pk]), {"action": "cancel"})
    draw.refresh_from_db()
    assert draw.cancel_requested
    page = client.get(reverse("draws_admin:run", args=[draw.pk])).content.decode()
    assert "Annulation demandée" in page and 'value="cancel"' not in page
    draw.status = DrawStatus.FROZEN
    draw.save()
    response = client.post(reverse("draws_admin:step", args=[draw.pk]), {"action": "cancel"}, follow=True)
    assert "Ce tirage a avancé" in response.content.decode()  # nothing to cancel once it is not computing


def test_a_draw_that_ran_out_of_time_says_so_in_plain_words(client, draw, organiser, monkeypatch):
    pool(draw)
    services.freeze(draw, organiser)
    monkeypatch.setattr(services, "TIME_BUDGET_SECONDS", 0)
    services.compute_lottery(draw.pk)
    draw.refresh_from_db()
    assert draw.fell_back and 0 <= draw.computation["share"] < 1  # no time: the share may be nothing at all
    page = client.get(reverse("draws:detail", args=[draw.pk])).content.decode()
    share = f"{100 * draw.computation['share']:.1f}".replace(".", ",")
    assert "Le calcul a manqué de temps" in page and f"au moins {share}" in page
    english = client.get(reverse("draws:detail", args=[draw.pk]).replace("/fr/", "/en/")).content.decode()
    assert "The computation ran out of time" in english
