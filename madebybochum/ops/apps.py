from django.apps import AppConfig


class OpsConfig(AppConfig):
    """Production concerns with no models of their own: page-cache invalidation on content changes."""

    name = "madebybochum.ops"
    label = "ops"

    def ready(self):
        from madebybochum import cache

        cache.connect_signals()
