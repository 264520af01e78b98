"""Routes without a language prefix: machine-readable data, feeds and permanent links."""

urlpatterns = []
