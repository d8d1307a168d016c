"""Login security of 等保 level 3: password policy, lockout (django-axes), session limits, MFA
(django-otp). Settings live in the "Login security" block of ``qaward.settings``."""
