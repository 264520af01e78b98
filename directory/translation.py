from modeltranslation.translator import TranslationOptions, register

from .models import ProducerIndexPage, ProducerPage


@register(ProducerIndexPage)
class ProducerIndexPageTR(TranslationOptions):
    fields = ("intro",)


@register(ProducerPage)
class ProducerPageTR(TranslationOptions):
    fields = ("intro", "story")
