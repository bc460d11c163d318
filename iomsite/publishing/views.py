"""What the apps' public views share."""

from django.utils.cache import add_never_cache_headers


class PreviewMixin:
    """Detail views of things visitors see only once published: staff allowed
    to change them may open them before, as a preview that is never cached."""

    def can_preview(self):
        options = self.model._meta
        permission = f"{options.app_label}.change_{options.model_name}"
        user = self.request.user
        return user.is_staff and user.has_perm(permission)

    def get_queryset(self):
        queryset = super().get_queryset()
        return queryset if self.can_preview() else queryset.published()

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        if not self.object.is_published:
            add_never_cache_headers(response)
        return response

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["preview"] = not self.object.is_published
        return context


class ForgivingPaginationMixin:
    """A page number that is not a number, or past the end, shows the first or
    the last page instead of a 404."""

    def paginate_queryset(self, queryset, page_size):
        paginator = self.get_paginator(
            queryset,
            page_size,
            orphans=self.get_paginate_orphans(),
            allow_empty_first_page=self.get_allow_empty(),
        )
        page = paginator.get_page(self.request.GET.get(self.page_kwarg))
        return paginator, page, page.object_list, page.has_other_pages()
