"""The draws app's permission, named once for the roles and the admin views."""

RUN = "draws.run_draw"
