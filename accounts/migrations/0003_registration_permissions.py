from django.db import migrations

from accounts.roles import sync_groups


class Migration(migrations.Migration):
    """Editors manage registrations; Organisers read them; private answers stay with those granted them."""

    dependencies = [
        ("accounts", "0002_staff_groups"),
        ("registrations", "0001_initial"),
    ]

    operations = [migrations.RunPython(sync_groups, migrations.RunPython.noop)]
