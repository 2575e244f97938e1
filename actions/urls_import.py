"""The clerk's minutes import: upload or paste, review, confirm."""

urlpatterns = []
