"""Who records the City's answer and the progress of actions (Editors, or a "City services" group a city adds)."""

RECORD_FOLLOW_UP = "archive.record_follow_up"
# the facts of an action: only they change them, and they are the same in every translation
FOLLOW_UP_FIELDS = ("due_date", "status", "percent_done")
