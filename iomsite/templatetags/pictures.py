from django import template

from ..content.images import picture_for

register = template.Library()


@register.inclusion_tag("includes/_picture.html")
def picture(image, alt="", sizes="100vw", loading="lazy", css_class="", spec="wide"):
    """A responsive ``<picture>`` of an image field.

    ``{% picture article.image alt=… sizes="(min-width: 992px) 33vw, 100vw" %}``.
    ``loading`` is "lazy" (the default, for anything below the fold) or "eager";
    ``spec`` names a set of renditions in ``iomsite.content.images.RENDITIONS``. Pass
    ``alt=""`` for a decorative image.
    """
    return {
        "image": image,
        "picture": picture_for(image, spec) if image else None,
        "alt": alt,
        "sizes": sizes,
        "loading": "eager" if loading == "eager" else "lazy",
        "css_class": css_class,
    }
