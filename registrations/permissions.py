"""The registrations app's permissions, named once for the roles and the admin views."""

VIEW = "registrations.view_registration"
CHANGE = "registrations.change_registration"
PRIVATE = "registrations.view_private_answers"
