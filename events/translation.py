from modeltranslation.translator import TranslationOptions, register

from .models import EventException, EventIndexPage, EventPage, Exhibition, OpenDayPage, OpenDaySlot


@register(EventIndexPage)
class EventIndexPageTR(TranslationOptions):
    fields = ("intro",)


@register(EventPage)
class EventPageTR(TranslationOptions):
    fields = ("description", "doors_note", "venue_name", "accessibility")


@register(EventException)
class EventExceptionTR(TranslationOptions):
    fields = ("note",)


@register(Exhibition)
class ExhibitionTR(TranslationOptions):
    fields = ("what",)


@register(OpenDayPage)
class OpenDayPageTR(TranslationOptions):
    fields = ("intro",)


@register(OpenDaySlot)
class OpenDaySlotTR(TranslationOptions):
    fields = ("note",)
