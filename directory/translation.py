from modeltranslation.translator import TranslationOptions, register

from .models import (
    Category,
    Closure,
    ProducerIndexPage,
    ProducerPage,
    ProducerPhoto,
    Product,
    SpokenLanguage,
)


@register(ProducerIndexPage)
class ProducerIndexPageTR(TranslationOptions):
    fields = ("intro",)


@register(ProducerPage)
class ProducerPageTR(TranslationOptions):
    fields = ("intro", "story", "portrait_alt", "accessibility_note")


@register(Product)
class ProductTR(TranslationOptions):
    fields = ("name", "description", "image_alt")


@register(ProducerPhoto)
class ProducerPhotoTR(TranslationOptions):
    fields = ("alt_text", "caption")


@register(Category)
class CategoryTR(TranslationOptions):
    fields = ("name",)


@register(SpokenLanguage)
class SpokenLanguageTR(TranslationOptions):
    fields = ("name",)


@register(Closure)
class ClosureTR(TranslationOptions):
    fields = ("note",)
