from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from wagtail.models import Locale

from accounts import services
from accounts.forms import DeleteAccountForm, ProfileForm
from comments.services import comments_of
from draws.services import candidacies_of
from portal import rate_limits
from registrations.services import registrations_of


@login_required
def profile(request):
    """The resident's own space: public name, email language, registrations, draws and comments."""
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your profile has been saved."))
        return redirect("accounts:profile")
    locale = Locale.get_active()
    context = {
        "form": form,
        "registrations": registrations_of(request.user, locale),
        "comments": comments_of(request.user, locale),
        "candidacies": candidacies_of(request.user, locale),
        "may_delete_own_account": services.may_delete_own_account(request.user),
    }
    return render(request, "accounts/profile.html", context)


@login_required
def delete_account(request):
    """The resident deletes their account; staff accounts are closed by an administrator."""
    if not services.may_delete_own_account(request.user):
        messages.error(request, _("Staff accounts are closed by an administrator, who hands over their work first."))
        return redirect("accounts:profile")
    if request.method == "POST":
        rate_limits.hit(request, "deletion_password")
    form = DeleteAccountForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.delete_account(request.user)
        logout(request)
        messages.success(request, _("Your account has been deleted. Thank you for taking part."))
        return redirect("/")
    return render(request, "accounts/delete.html", {"form": form})


@login_required
def export(request):
    """The resident's own data as a JSON file."""
    return JsonResponse(
        services.personal_data(request.user, Locale.get_active()),
        json_dumps_params={"ensure_ascii": False, "indent": 2},
        headers={"Content-Disposition": 'attachment; filename="my-data.json"', "Cache-Control": "private, no-store"},
    )
