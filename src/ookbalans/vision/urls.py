"""URLs of vision."""

app_name = "vision"
urlpatterns: list = []
