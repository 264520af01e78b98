"""Wagtail's page chooser and page-types report, narrowed to the pages the user may see."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, F, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404
from django.urls import reverse
from wagtail.admin.views import chooser
from wagtail.admin.views.reports.page_types_usage import PageTypesUsageReportView
from wagtail.models import Page

from .visibility import hide_draft_title, visible_pages


class DraftHidingTitleColumn(chooser.PageTitleColumn):
    def get_cell_context_data(self, instance, parent_context):
        hide_draft_title(instance, parent_context["request"].user)
        return super().get_cell_context_data(instance, parent_context)


class DraftHidingParentColumn(chooser.ParentPageColumn):
    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        hide_draft_title(context["value"], parent_context["request"].user)
        return context


def hiding_drafts(columns):
    replaced = []
    for column in columns:
        if isinstance(column, chooser.PageTitleColumn):
            column = DraftHidingTitleColumn(column.name, label=column.label, is_multiple_choice=column.is_multiple_choice)
        elif isinstance(column, chooser.ParentPageColumn):
            column = DraftHidingParentColumn(column.name, label=column.label)
        replaced.append(column)
    return replaced


class BrowseView(chooser.BrowseView):
    """The children come through the construct_page_chooser_queryset hook; this guards the parent."""

    @property
    def columns(self):
        return hiding_drafts(super().columns)

    def get(self, request, parent_page_id=None):
        if parent_page_id is not None and not visible_pages(request.user, Page.objects.filter(pk=parent_page_id)).exists():
            raise Http404
        return super().get(request, parent_page_id)


class SearchView(chooser.SearchView):
    @property
    def columns(self):
        return hiding_drafts(super().columns)


class ChosenMultipleView(chooser.ChosenMultipleView):
    def get(self, request):
        pages = visible_pages(request.user, Page.objects.filter(pk__in=request.GET.getlist("id"))).specific()
        result = [
            {
                "id": page.pk,
                "parentId": page.get_parent().pk,
                "adminTitle": hide_draft_title(page, request.user).get_admin_display_title(),
                "editUrl": reverse("wagtailadmin_pages:edit", args=(page.pk,)),
                "url": page.url,
            }
            for page in pages
        ]
        return self.render_chosen_response(result)


class PageTypesReportView(PageTypesUsageReportView):
    """Counts and "last edited" of each page type among the pages the user may see."""

    def get_queryset(self):
        if self.request.user.is_superuser:
            return super().get_queryset()
        # Wagtail's own query, with the pages counted and dated limited to the visible ones.
        self.queryset = ContentType.objects.filter(model__in=self.page_models)
        queryset = self.filter_queryset(self.queryset)
        pages = visible_pages(self.request.user, Page.objects.filter(depth__gt=1))
        cleaned = self.filters.form.cleaned_data
        if cleaned.get("page_locale"):
            pages = pages.filter(locale__language_code=cleaned["page_locale"])
        if cleaned.get("site"):
            pages = pages.filter(path__startswith=cleaned["site"])
        of_type = pages.filter(content_type=OuterRef("pk"))
        last_edited = of_type.order_by(F("latest_revision_created_at").desc(nulls_last=True), "title", "-pk")
        counted = of_type.order_by().values("content_type").annotate(n=Count("pk")).values("n")
        return queryset.annotate(
            count=Coalesce(Subquery(counted[:1]), 0),
            last_edited_page_id=Subquery(last_edited.values("pk")[:1]),
        ).order_by("-count", "app_label", "model")

    def decorate_paginated_queryset(self, page_types):
        page_types = super().decorate_paginated_queryset(page_types)
        for item in page_types:
            hide_draft_title(item.last_edited_page, self.request.user)
        return page_types
