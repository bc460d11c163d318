"""WCAG 2.2 AA as axe-core sees it, on every public page type, at desktop and
phone widths, under the site's own Content-Security-Policy."""

import pytest
from playwright.sync_api import Error as PlaywrightError

from .conftest import describe_violations, run_axe
from .pages import IMAGE_ALT, STATUS, public_pages

WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


@pytest.mark.parametrize("language", ["en", "es", "pt"])
@pytest.mark.parametrize("viewport", ["desktop", "phone"], indirect=True)
def test_every_public_page_type_has_no_wcag_violation(
    page, axe_source, viewport, language
):
    found = {}
    for name, path in public_pages(language).items():
        response = page.goto(path)
        assert response.status == STATUS.get(name, 200), path
        violations = run_axe(page, axe_source, WCAG_AA)
        if violations:
            found[f"{name} ({path})"] = violations

    assert not found, "\n".join(
        f"{page_name}:\n{describe_violations(violations)}"
        for page_name, violations in found.items()
    )


def test_axe_runs_under_the_sites_content_security_policy(page, axe_source):
    """The check above can fail: axe, evaluated in a page whose policy forbids
    inline and injected scripts, finds a fault made on purpose."""
    article = public_pages()["article"]
    response = page.goto(article)
    policy = response.headers["content-security-policy"]
    script_src = next(
        directive for directive in policy.split(";") if "script-src" in directive
    )
    assert "'unsafe-inline'" not in script_src
    assert "'unsafe-eval'" not in script_src
    # What add_script_tag would do is refused by that policy.
    with pytest.raises(
        PlaywrightError,
        match="violates the following Content Security Policy directive",
    ):
        page.add_script_tag(content="window.injected = true")
    assert page.evaluate("() => window.injected") is None

    assert run_axe(page, axe_source, WCAG_AA) == []
    page.get_by_alt_text(IMAGE_ALT).evaluate("(image) => image.removeAttribute('alt')")
    violations = run_axe(page, axe_source, WCAG_AA)

    assert [violation["id"] for violation in violations] == ["image-alt"]
    (node,) = violations[0]["nodes"]
    assert 'fetchpriority="high"' in node["html"], node["html"]
