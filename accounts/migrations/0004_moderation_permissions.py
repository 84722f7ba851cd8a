from django.db import migrations

from accounts.roles import sync_groups


class Migration(migrations.Migration):
    """Moderators work the moderation queue; Editors and Organisers answer questions."""

    dependencies = [
        ("accounts", "0003_registration_permissions"),
        ("comments", "0001_initial"),
    ]

    operations = [migrations.RunPython(sync_groups, migrations.RunPython.noop)]
