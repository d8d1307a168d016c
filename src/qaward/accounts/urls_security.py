"""Login security pages: MFA setup and verification, backup codes (filled in with issue 3)."""

app_name = "security"
urlpatterns: list = []
