"""The comments app's permissions, named once for the roles, the admin views and the emails."""

MODERATE = "comments.moderate_comments"
ANSWER = "comments.answer_questions"
