from django.db import migrations

from accounts.roles import sync_groups


class Migration(migrations.Migration):
    """Organisers set up, run and publish draws by lot."""

    dependencies = [
        ("accounts", "0004_moderation_permissions"),
        ("draws", "0001_initial"),
    ]

    operations = [migrations.RunPython(sync_groups, migrations.RunPython.noop)]
