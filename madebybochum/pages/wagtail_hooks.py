from wagtail import hooks

from .visibility import visible_pages


@hooks.register("construct_page_chooser_queryset")
def chooser_shows_visible_pages(pages, request):
    return visible_pages(request.user, pages)
