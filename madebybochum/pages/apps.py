from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PagesConfig(AppConfig):
    name = "madebybochum.pages"
    label = "pages"
    verbose_name = _("Site pages")

    def ready(self):
        from madebybochum.spreadsheets import protect_wagtail_exports

        protect_wagtail_exports()
