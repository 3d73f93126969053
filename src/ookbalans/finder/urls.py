"""URLs of finder."""

app_name = "finder"
urlpatterns: list = []
