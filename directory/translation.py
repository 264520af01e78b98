from modeltranslation.translator import TranslationOptions, register

from .models import ProducerIndexPage, ProducerPage, Product


@register(ProducerIndexPage)
class ProducerIndexPageTR(TranslationOptions):
    fields = ("intro",)


@register(ProducerPage)
class ProducerPageTR(TranslationOptions):
    fields = ("intro", "story")


@register(Product)
class ProductTR(TranslationOptions):
    fields = ("name", "description")
