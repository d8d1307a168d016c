"""Top-level URL configuration."""

from django.contrib import admin
from django.templatetags.static import static
from django.urls import include, path
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _
from django.views.generic import RedirectView

from qaward.staff import views as staff_views

admin.site.site_header = _("Quality Award Management")
admin.site.site_title = _("Quality Award Management")
admin.site.index_title = _("Platform administration")

urlpatterns = [
    path("", include("qaward.staff.urls")),
    path("accounts/login/", staff_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", staff_views.LogoutView.as_view(), name="logout"),
    # set_language stores the choice in the language cookie and redirects to `next`.
    path("i18n/", include("django.conf.urls.i18n")),
    path("accounts/security/", include("qaward.accounts.urls_security")),
    path("accounts/", include("qaward.accounts.urls_roles")),
    path("admin/", admin.site.urls),
    path("audit/", include("qaward.audit.urls")),
    path("files/", include("qaward.documents.urls")),
    path("applications/", include("qaward.applications.urls")),
    path("vetting/", include("qaward.vetting.urls")),
    path("programs/", include("qaward.programs.urls")),
    path("publicity/", include("qaward.publicity.urls")),
    path("objections/", include("qaward.objections.urls")),
    path("experts/", include("qaward.experts.urls")),
    # The public portal (no login): notices, publicity lists, objections, complaints.
    path("portal/", include("qaward.portal.urls")),
    # Browsers ask for /favicon.ico on pages that do not link one (the admin). Lazy, so the
    # static storage is consulted per request, not at import.
    path("favicon.ico", RedirectView.as_view(url=lazy(static, str)("qaward/favicon.svg"), permanent=True)),
]
