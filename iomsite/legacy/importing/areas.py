"""An office page's areas of action. An area named like one of the site's
programmes links the office to it, and the area's text becomes the office's
own text about that programme (``programmes.OfficeProgrammeText``), taken out
of the office's migration context; the other areas stay there, and are only
suggested as programmes: one office's page never makes a programme."""

from iomsite.content.sanitize import clean_html
from programmes.models import OfficeProgrammeText

from ..report import ImportStatus
from .merge import write


class OfficeAreas:
    def __init__(self, item, lookups):
        self.item = item
        self.found = [
            (area, lookups.programme_for_area(area.name)) for area in item.areas
        ]
        # The first area with a text naming each programme: two areas naming
        # the same one would overwrite each other's text on every import.
        self.texts = {}
        for area, programme in self.found:
            if programme is not None and area.body_html:
                self.texts.setdefault(programme, area)

    def migration_context(self):
        """The office's migration context, without the areas kept as texts."""
        return clean_html(self.item.migration_context_without(self.texts.values()))

    def write(self, office, path, result, *, force=False):
        """Link the office to its areas' programmes and write their texts;
        returns (the programmes, an import status for the texts)."""
        programmes = []
        statuses = []
        for area, programme in self.found:
            if programme is None:
                result.suggestions.append(
                    f"programme (not created, no programme of that name): {area.name}"
                )
                continue
            programme.offices.add(office)
            programmes.append(programme)
            if self.texts.get(programme) is area:
                statuses.append(self.write_text(office, programme, area, path, force))
        changed = any(status != ImportStatus.UNCHANGED for status in statuses)
        return programmes, ImportStatus.UPDATED if changed else ImportStatus.UNCHANGED

    def write_text(self, office, programme, area, path, force):
        text = OfficeProgrammeText.objects.filter(
            office=office, programme=programme
        ).first() or OfficeProgrammeText(office=office, programme=programme)
        return write(text, {"body": clean_html(area.body_html)}, path, force=force)
