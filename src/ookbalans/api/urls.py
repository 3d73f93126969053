"""URLs of api."""

app_name = "api"
urlpatterns: list = []
