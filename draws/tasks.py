"""The slow step of a draw, run by the task worker rather than in a request."""

from django_tasks import task

from draws import services


@task()
def compute_lottery(draw_id):
    services.compute_lottery(draw_id)
    return draw_id
