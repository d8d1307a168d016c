"""Project-wide middleware."""

from __future__ import annotations

import contextlib

from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.utils import translation


class ChineseFirstLocaleMiddleware(LocaleMiddleware):
    """LocaleMiddleware that ignores the browser's Accept-Language.

    The users are Chinese government offices and applicants, often on machines set up in
    English; they must see Chinese unless they pick English with the language switch (which
    sets the language cookie).
    """

    def process_request(self, request) -> None:
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        language = settings.LANGUAGE_CODE
        if chosen and translation.check_for_language(chosen):
            with contextlib.suppress(LookupError):
                language = translation.get_supported_language_variant(chosen)
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()
