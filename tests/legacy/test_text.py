"""The sanitiser every imported body goes through."""

from iomsite.legacy.parsing import (
    clean_html,
)


def test_clean_html_keeps_only_the_allowed_markup():
    dirty = (
        '<div class="x"><p style="color:red" onclick="steal()">Hi <b>there</b> '
        '<strong>bold</strong> <a href="javascript:alert(1)">bad</a> '
        '<a href="https://www.iom.int" target="_blank">good</a> '
        '<a href="tel:+5411">call</a> <img src="/a.jpg" alt="A map" onerror="x()">'
        "</p><script>alert(1)</script><h4>Sub</h4><h2>Head</h2></div>"
    )
    assert clean_html(dirty) == (
        "<p>Hi there <strong>bold</strong> <a>bad</a> "
        '<a href="https://www.iom.int">good</a> <a href="tel:+5411">call</a> '
        '<img src="/a.jpg" alt="A map"></p>Sub<h2>Head</h2>'
    )
    assert clean_html("") == ""
