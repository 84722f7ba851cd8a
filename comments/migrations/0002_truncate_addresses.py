"""Addresses kept with comments before December 2026 were whole: keep only their network part, as new
comments do (``portal.proxy.truncated``)."""

import ipaddress

from django.db import migrations

KEPT_PREFIX = {4: 24, 6: 48}


def truncate(apps, schema_editor):
    PortalComment = apps.get_model("comments", "PortalComment")
    for pk, address in PortalComment.objects.exclude(ip_address=None).values_list("pk", "ip_address").iterator():
        ip = ipaddress.ip_address(address)
        kept = str(ipaddress.ip_network(f"{ip}/{KEPT_PREFIX[ip.version]}", strict=False).network_address)
        if kept != address:
            PortalComment.objects.filter(pk=pk).update(ip_address=kept)


class Migration(migrations.Migration):
    dependencies = [("comments", "0001_initial")]
    operations = [migrations.RunPython(truncate, migrations.RunPython.noop)]
