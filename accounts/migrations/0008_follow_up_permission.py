from django.db import migrations

from accounts.roles import sync_groups


class Migration(migrations.Migration):
    """Editors record the City's answers and the progress of actions (a city may give it to a City services group)."""

    dependencies = [
        ("accounts", "0007_public_name_help"),
        ("archive", "0001_initial"),
    ]

    operations = [migrations.RunPython(sync_groups, migrations.RunPython.noop)]
