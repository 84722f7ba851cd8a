from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from accounts import two_factor

two_factor_urls = (
    [path("", two_factor.setup, name="setup"), path("verify/", two_factor.verify, name="verify")],
    "two_factor",
)


@hooks.register("register_admin_urls")
def register_two_factor_urls():
    return [path("two-factor/", include(two_factor_urls))]


@hooks.register("register_admin_menu_item")
def register_two_factor_menu_item():
    return MenuItem(_("Two-factor authentication"), reverse("two_factor:setup"), icon_name="lock", order=10000)
