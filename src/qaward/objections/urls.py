app_name = "objections"

urlpatterns: list = []
