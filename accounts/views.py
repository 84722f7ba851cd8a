from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from wagtail.models import Locale

from accounts.forms import ProfileForm
from registrations.services import registrations_of


@login_required
def profile(request):
    """The resident's own space: public name, email language, and (later) their activity."""
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your profile has been saved."))
        return redirect("accounts:profile")
    context = {"form": form, "registrations": registrations_of(request.user, Locale.get_active())}
    return render(request, "accounts/profile.html", context)
