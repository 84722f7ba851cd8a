from django.db import migrations

from accounts.roles import sync_groups


class Migration(migrations.Migration):
    """Organisers keep the list of each workshop's members."""

    dependencies = [
        ("accounts", "0005_draw_permissions"),
        ("workshops", "0005_workshop_members"),
    ]

    operations = [migrations.RunPython(sync_groups, migrations.RunPython.noop)]
