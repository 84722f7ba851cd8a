"""Two-factor authentication for the Wagtail admin (django-otp, time-based codes from an app).

Administrators (superusers) must set it up: their first visit to the admin leads to the setup
page, and every new session asks for a code before the admin opens. Other staff may set it up
from the same page; once they have, their sessions ask for a code too. Residents never see it:
the public site does not ask.
"""

import base64
from io import BytesIO

import qrcode
import qrcode.image.svg
from django import forms
from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_otp import login as otp_login
from django_otp import user_has_device
from django_otp.plugins.otp_totp.models import TOTPDevice

from portal import rate_limits

OPEN_PATHS = ("two-factor/", "logout/", "jsi18n/")  # under /admin/: what a session without its code may reach


def required(user):
    return user.is_superuser and settings.ADMIN_TWO_FACTOR_REQUIRED


class CodeForm(forms.Form):
    code = forms.CharField(
        label=gettext_lazy("Six-digit code from your app"),
        max_length=8,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )

    def __init__(self, *args, device, **kwargs):
        super().__init__(*args, **kwargs)
        self.device = device

    def clean_code(self):
        code = "".join(self.cleaned_data["code"].split())
        if not self.device.verify_token(code):
            raise forms.ValidationError(_("This code is not right, or has expired. Type the one your app shows now."))
        return code


class AdminTwoFactorMiddleware:
    """Sends staff whose session has no verified code to the page that asks for it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        admin = reverse("wagtailadmin_home")
        user = request.user
        if request.path.startswith(admin) and user.is_authenticated and not user.is_verified():
            rest = request.path[len(admin) :]
            if not rest.startswith(OPEN_PATHS):
                if user_has_device(user):
                    return redirect(reverse("two_factor:verify") + "?next=" + request.path)
                if required(user):
                    return redirect("two_factor:setup")
        return self.get_response(request)


def _qr_svg(url):
    image = qrcode.make(url, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    buffer = BytesIO()
    image.save(buffer)
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode()


def setup(request):
    """Pair an authenticator app: scan the code (or type the key), then confirm with a first code."""
    user = request.user
    confirmed = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if confirmed is not None:
        return TemplateResponse(request, "accounts/two_factor/done.html", {"required": required(user)})
    device, _created = TOTPDevice.objects.get_or_create(user=user, confirmed=False, defaults={"name": "app"})
    form = CodeForm(request.POST or None, device=device)
    if request.method == "POST":
        rate_limits.hit(request, "two_factor")
        if form.is_valid():
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            otp_login(request, device)
            messages.success(request, _("Two-factor authentication is on. Each new session will ask for a code."))
            return redirect("wagtailadmin_home")
    secret = base64.b32encode(device.bin_key).decode()
    context = {"form": form, "qr": _qr_svg(device.config_url), "secret": secret, "required": required(user)}
    return TemplateResponse(request, "accounts/two_factor/setup.html", context)


def verify(request):
    """The code of this session, asked once after signing in."""
    device = TOTPDevice.objects.filter(user=request.user, confirmed=True).first()
    if device is None:
        return redirect("two_factor:setup")
    form = CodeForm(request.POST or None, device=device)
    if request.method == "POST":
        rate_limits.hit(request, "two_factor")
        if form.is_valid():
            otp_login(request, device)
            target = request.GET.get("next", "")
            return redirect(target if target.startswith(reverse("wagtailadmin_home")) else "wagtailadmin_home")
    return TemplateResponse(request, "accounts/two_factor/verify.html", {"form": form})
