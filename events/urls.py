"""Routes under the language prefix (/de/, /en/, ...)."""

urlpatterns = []
