"""The project's own user model, in place from the first migration so that roles scoped to award
programs, MFA and organisation links can be added without swapping the model later."""

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from qaward.accounts.validators import validate_phone_number


class User(AbstractUser):
    full_name = models.CharField(_("full name"), max_length=100, blank=True)
    # A contact number for the award office (mobile or landline). Personal data: shown masked in
    # lists and never published.
    phone = models.CharField(_("phone"), max_length=20, blank=True, validators=[validate_phone_number])

    class Meta(AbstractUser.Meta):
        verbose_name = _("user")
        verbose_name_plural = _("users")
        swappable = "AUTH_USER_MODEL"

    def __str__(self) -> str:
        return self.full_name or self.username
