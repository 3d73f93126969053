"""URLs of interchange."""

app_name = "interchange"
urlpatterns: list = []
