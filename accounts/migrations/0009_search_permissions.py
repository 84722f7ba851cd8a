from django.db import migrations

from accounts.roles import sync_groups


class Migration(migrations.Migration):
    """Editors read what residents search for, and promote pages for a search."""

    dependencies = [
        ("accounts", "0008_follow_up_permission"),
        ("search", "0001_initial"),
        ("wagtailsearchpromotions", "0001_initial"),
    ]

    operations = [migrations.RunPython(sync_groups, migrations.RunPython.noop)]
