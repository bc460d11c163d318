"""Everything works with the keyboard alone, and shows where the focus is."""

from urllib.parse import parse_qs, urlsplit

import pytest

from .pages import public_pages

# The elements a keyboard user can reach with Tab, in document order, each
# marked with its position (data-tab-stop) and described with the style it has
# before it is focused.
TAB_STOPS_JS = """() => {
    const selector = [
        "a[href]", "button", "input:not([type=hidden])", "select", "textarea",
        "summary", "[tabindex]", "[contenteditable=true]",
    ].join(",");
    const shown = (element) => {
        const box = element.getBoundingClientRect();
        const style = getComputedStyle(element);
        return box.width > 0 && box.height > 0 && style.visibility !== "hidden"
            && !element.closest("[inert]");
    };
    return [...document.querySelectorAll(selector)]
        .filter((element) => element.tabIndex >= 0 && !element.disabled)
        .filter(shown)
        .map((element, index) => {
            element.dataset.tabStop = index;
            return {
                name: element.outerHTML.slice(0, 120),
                style: window.focusStyle(element),
            };
        });
}"""

# The focus indicator: outline and box-shadow, and the colour behind them
# (they are drawn around the element, over its parent's background).
FOCUS_STYLE_JS = """() => {
    const background = (element) => {
        for (let node = element; node; node = node.parentElement) {
            const colour = getComputedStyle(node).backgroundColor;
            if (colour !== "transparent" && !colour.endsWith(", 0)")) {
                return colour;
            }
        }
        return "rgb(255, 255, 255)";
    };
    window.focusStyle = (element) => {
        const style = getComputedStyle(element);
        return {
            outline: style.outlineStyle === "none" ? "none"
                : `${style.outlineWidth} ${style.outlineStyle} ${style.outlineColor}`,
            outlineWidth: parseFloat(style.outlineWidth),
            outlineColour: style.outlineColor,
            boxShadow: style.boxShadow,
            background: background(element.parentElement),
        };
    };
}"""


def rgba(text):
    """(r, g, b, a) of a CSS "rgb(…)"/"rgba(…)" colour."""
    values = [float(part) for part in text[text.index("(") + 1 : -1].split(",")]
    return (*values[:3], values[3] if len(values) == 4 else 1.0)


def luminance(colour):
    def channel(value):
        value /= 255
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (channel(value) for value in colour[:3])
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(foreground, background):
    """WCAG contrast ratio of a colour (blended over the background when it
    is translucent) against that background."""
    *rgb, alpha = foreground
    under = rgba(background)
    blended = [
        alpha * value + (1 - alpha) * base
        for value, base in zip(rgb, under[:3], strict=True)
    ]
    lighter, darker = sorted([luminance(blended), luminance(under)], reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def indicator_problem(before, after):
    """Why the focus indicator does not show (None when it does): an outline or
    a box-shadow that appears with the focus, in a colour that stands out from
    what is around it by at least 3:1 (WCAG 1.4.11)."""
    if after["outline"] != "none" and after["outlineWidth"] >= 1:
        if after["outline"] == before["outline"]:
            return "the outline does not change with the focus"
        colour = rgba(after["outlineColour"])
    elif after["boxShadow"] not in ("none", before["boxShadow"]):
        shadow = after["boxShadow"]
        colour = rgba(shadow[: shadow.index(")") + 1])
    else:
        return "neither outline nor box-shadow changes with the focus"
    ratio = contrast(colour, after["background"])
    if ratio < 3:
        return f"the indicator contrasts {ratio:.2f}:1 with {after['background']}"
    return None


def tab_through(page):
    """Press Tab from the top of the page until the focus leaves it; returns
    the tab stops and, for each one reached, its position and what is wrong
    with its focus indicator."""
    page.evaluate(FOCUS_STYLE_JS)
    stops = page.evaluate(TAB_STOPS_JS)
    reached = []
    for _ in range(len(stops) + 2):
        page.keyboard.press("Tab")
        focused = page.evaluate(
            """() => {
                const element = document.activeElement;
                if (!element || element === document.body) return null;
                return {
                    stop: element.dataset.tabStop ?? element.outerHTML.slice(0, 120),
                    style: window.focusStyle(element),
                };
            }"""
        )
        if focused is None:
            break
        stop = focused["stop"]
        before = stops[int(stop)]["style"] if stop.isdigit() else None
        problem = indicator_problem(before, focused["style"]) if before else None
        reached.append((stop, problem))
    return stops, reached


@pytest.mark.parametrize("name", ["home", "news", "article"])
def test_every_control_is_reached_with_tab_and_shows_its_focus(page, name):
    page.goto(public_pages()[name])

    stops, reached = tab_through(page)

    assert len(stops) > 10
    assert [stop for stop, _problem in reached] == [
        str(index) for index in range(len(stops))
    ], "Tab order differs from the document order:\n" + "\n".join(
        f"{index}: {stop['name']}" for index, stop in enumerate(stops)
    )
    problems = {
        stops[int(stop)]["name"]: problem for stop, problem in reached if problem
    }
    assert problems == {}


def test_skip_link_is_the_first_tab_stop_shown_and_moves_to_main(page):
    page.goto("/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to main content")
    assert skip.evaluate("(link) => link === document.activeElement")
    box = skip.bounding_box()
    assert box["width"] > 100 and box["height"] > 20
    # Nothing covers it: the element at its centre is the link itself.
    assert skip.evaluate(
        """(link) => {
            const box = link.getBoundingClientRect();
            const hit = document.elementFromPoint(
                box.x + box.width / 2, box.y + box.height / 2);
            return link.contains(hit);
        }"""
    )

    page.keyboard.press("Enter")
    assert urlsplit(page.url).fragment == "main"
    assert page.evaluate("() => document.activeElement.id") == "main"
    # The next Tab goes on from the main content, not from the header.
    page.keyboard.press("Tab")
    assert page.evaluate(
        "() => document.getElementById('main').contains(document.activeElement)"
    )


def test_news_filters_work_with_the_keyboard_alone(page):
    page.goto(public_pages()["news"])
    form = page.get_by_role("search", name="Filter news")
    # Tab to the programme filter, as a keyboard user would.
    programme = form.get_by_label("Programme")
    for _ in range(40):
        page.keyboard.press("Tab")
        if programme.evaluate("(select) => select === document.activeElement"):
            break
    else:
        pytest.fail("The programme filter was not reached with Tab.")
    # Options: "All programmes", then the programmes by title.
    options = programme.locator("option").all_text_contents()
    target = options.index("Counter-trafficking")
    for _ in range(target):
        page.keyboard.press("ArrowDown")
    assert programme.input_value() == "counter-trafficking"
    filter_button = form.get_by_role("button", name="Filter")
    for _ in range(10):
        page.keyboard.press("Tab")
        if filter_button.evaluate("(button) => button === document.activeElement"):
            break
    page.keyboard.press("Enter")

    page.wait_for_url("**/news/?*")
    assert parse_qs(urlsplit(page.url).query) == {"programme": ["counter-trafficking"]}
    assert page.get_by_role("heading", name="1 article", exact=True).is_visible()
    assert page.locator(".card-title").all_text_contents() == [
        "Border Officials in Peru Trained to Identify Victims of Trafficking"
    ]
