"""Chrome learnt from a run: lines the run's files repeat."""

from iomsite.legacy.chrome import ChromeCounter, learn_chrome
from iomsite.legacy.parsing import parse_page

HEADER = "Donate Now\nOur Offices in the Andes\nJoin the Newsletter\n"
STORIES = [
    "Wells Dug in the Chaco\nAsunción – Four villages now draw clean water "
    "from wells dug with their neighbours this winter.\n",
    "Bus Drivers Learn to Spot Trafficking\nLa Paz – Forty drivers on the "
    "routes to the border took a two-day course this week.\n",
    "A Library Opens in a Shelter\nCúcuta – Children at the shelter can now "
    "borrow books in Spanish and in Wayuunaiki.\n",
]
CONTACT = "For more information please contact:\nMarta Ibarra\nTel: +591 2 000 0000\n"


def counted(*texts):
    counter = ChromeCounter()
    for text in texts:
        counter.add_text(text)
    return counter.learnt()


def test_lines_repeated_across_different_pages_are_learnt():
    learnt = counted(*(HEADER + story + CONTACT for story in STORIES))
    assert learnt.counts == (
        ("Donate Now", 3),
        ("Join the Newsletter", 3),
        ("Our Offices in the Andes", 3),
    )


def test_known_structures_and_copies_of_one_page_are_not_chrome():
    # The contact heading and field repeat too: they are structures the
    # reader knows. Three copies of one page share everything: not a template.
    assert counted(*(HEADER + STORIES[0] + CONTACT for _ in range(3))).counts == ()
    assert "Marta Ibarra" not in counted(*(s + CONTACT for s in STORIES)).lines


def test_a_run_of_one_file_learns_nothing(tmp_path):
    page = tmp_path / "one.txt"
    page.write_text(HEADER + STORIES[0])
    assert not learn_chrome([page], max_bytes=10_000)


def test_learnt_chrome_is_dropped_wherever_it_stands():
    learnt = counted(*(HEADER + story + CONTACT for story in STORIES))
    page = "Donate Now\nWells Dug in the Chaco\n" + STORIES[0].split("\n", 1)[1]
    page += "Join the Newsletter\nThe wells were dug by hand.\n"
    page += "For more information please contact:\nDonate Now\nMarta Ibarra\n"
    (article,) = parse_page(page.encode(), chrome=learnt.lines).articles
    assert article.title == "Wells Dug in the Chaco"
    assert "Donate" not in article.body_html
    assert "Newsletter" not in article.body_html
    assert "dug by hand" in article.body_html
    assert [contact.name for contact in article.contacts] == ["Marta Ibarra"]


def test_a_value_under_a_metadata_label_is_kept_though_the_run_repeats_it():
    # Every story of the run is about the same theme: its line repeats, but
    # under "Themes:" it is what each page states.
    themed = [
        story.replace("\n", "\nThemes:\nCounter-trafficking\n", 1) for story in STORIES
    ]
    learnt = counted(*(HEADER + story for story in themed))
    assert "Counter-trafficking" in learnt.lines
    (article,) = parse_page((HEADER + themed[1]).encode(), chrome=learnt.lines).articles
    assert list(article.programmes) == ["Counter-trafficking"]
    assert "Counter-trafficking" not in article.body_html
