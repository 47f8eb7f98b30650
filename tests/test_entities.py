"""Tricky cases for ``reader.entities.extract`` and the library-wide person registry."""

from __future__ import annotations

import pytest

from reader.entities import Mention, PersonRegistry, extract, resolve_library


def found(text: str) -> list[tuple[str, str, str]]:
    return [(m.text, m.label, m.name) for m in extract(text)]


def persons(text: str) -> dict[str, str]:
    return {m.text: m.name for m in extract(text) if m.label == "PERSON"}


def test_mention_is_a_frozen_slotted_dataclass():
    mention = extract("Vladimir Putin spoke.")[0]
    assert isinstance(mention, Mention)
    assert not hasattr(mention, "__dict__")
    with pytest.raises(AttributeError):
        mention.name = "x"  # type: ignore[misc]


@pytest.mark.parametrize("apostrophe", ["'", "’"])
def test_possessive_is_outside_the_span(apostrophe):
    text = f"Vladimir Putin met aides. Putin{apostrophe}s plan and Assad{apostrophe}s forces. Bashar al-Assad{apostrophe}s regime"
    found_here = [(m.text, m.name) for m in extract(text) if m.label == "PERSON"]
    assert ("Putin", "Vladimir Putin") in found_here
    assert ("Assad", "Bashar al-Assad") in found_here
    assert ("Bashar al-Assad", "Bashar al-Assad") in found_here
    for mention in extract(text):
        assert apostrophe not in mention.text


def test_titles_are_roles_not_names():
    mentions = extract("US Secretary of State John Kerry met Col Steve Warren and Gen. David Petraeus.")
    by_text = {m.text: m for m in mentions}
    assert by_text["John Kerry"].role == "Secretary of State"
    assert by_text["Steve Warren"].role == "Col"
    assert by_text["David Petraeus"].label == "PERSON"
    assert by_text["US"].label == "PLACE"
    assert "Secretary of State" not in by_text


def test_honorifics_link_to_the_full_name_without_a_role():
    text = "President Vladimir V. Putin spoke. Mr. Putin said so, and Mrs Merkel agreed with Dr. Smith."
    mentions = {m.text: m for m in extract(text)}
    # A written middle initial stays while the text never names him without it.
    assert mentions["Vladimir V. Putin"].name == "Vladimir V. Putin"
    assert mentions["Vladimir V. Putin"].role == "President"
    assert mentions["Putin"].name == "Vladimir V. Putin"
    assert mentions["Putin"].role is None
    assert mentions["Merkel"].label == "PERSON"
    assert mentions["Smith"].label == "PERSON"


@pytest.mark.parametrize(
    "text, name",
    [
        ("Bashar al-Assad spoke.", "Bashar al-Assad"),
        ("Abu Bakr al-Baghdadi was seen.", "Abu Bakr al-Baghdadi"),
        ("French Prime Minister Jean-Marc Ayrault said no.", "Jean-Marc Ayrault"),
        ("George W. Bush said so.", "George W. Bush"),
        ("President George W Bush said so.", "George W. Bush"),
        ("George H. W. Bush said so.", "George H. W. Bush"),
        ("UN envoy Staffan de Mistura said so.", "Staffan de Mistura"),
        # a capitalised particle after a given name: no word splitting the run
        ("Finance Minister Ronnie De Mel said so.", "Ronnie De Mel"),
        ("Chairman Carlo De Benedetti said so.", "Carlo De Benedetti"),
        ("Robert De Niro and Will Smith star in it.", "Robert De Niro"),
    ],
)
def test_hyphens_particles_and_initials_stay_in_the_name(text, name):
    assert name in persons(text).values()


@pytest.mark.parametrize(
    "text, person",
    [
        ("Their cinema.\n\nLA attitude de Jamie Bell, bien loin du freluquet.", "Jamie Bell"),
        ("Un but de Cristiano Ronaldo en finale.", "Cristiano Ronaldo"),
    ],
)
def test_a_particle_before_a_given_name_is_a_preposition(text, person):
    assert person in persons(text)
    assert "de " + person not in persons(text)


def test_a_particle_before_a_surname_stays_in_the_name():
    assert persons("He met Charles de Gaulle. Later de Gaulle spoke.") == {
        "Charles de Gaulle": "Charles de Gaulle",
        "de Gaulle": "Charles de Gaulle",
    }


@pytest.mark.parametrize(
    "lead, person",
    [
        ("LAURIE OAKES IT was said that the former PM never changed.", "LAURIE OAKES"),
        ("SUSIE O’BRIEN THE good thing about it is that it is cheap.", "SUSIE O’BRIEN"),
        ("TOM ELLIOTT IT’S nice to think we are a player on the world stage.", "TOM ELLIOTT"),
    ],
)
def test_a_columnist_in_capitals_ends_before_the_first_words_of_the_column(lead, person):
    """A run-in byline: the author in capitals, then the column's first words in capitals."""
    found_persons = persons("Other columns\n\n" + lead)
    assert list(found_persons) == [person]


@pytest.mark.parametrize(
    "text, name",
    [
        ("A report in the Seattle Times said so.", "Seattle Times"),
        ("The grant came from the Morris Trust last year.", "Morris Trust"),
        ("A story in Quanta Magazine explains it.", "Quanta Magazine"),
    ],
)
def test_a_given_name_and_an_organisation_word_after_the_or_a_magazine_is_no_person(text, name):
    assert (name, "ORG", name) in found(text)


@pytest.mark.parametrize(
    "text", ["Frank Church said so.", "Senator Frank Church said so.", "Sen. Frank Church said so."]
)
def test_a_given_name_and_a_surname_that_is_an_organisation_word_is_a_person(text):
    assert persons(text) == {"Frank Church": "Frank Church"}


def test_capitals_alone_are_not_cut_to_a_lone_word():
    assert found("The client MUST NOT send it twice.") == []


def test_initials_are_inside_the_span():
    assert "George W. Bush" in persons("George W. Bush said so.")
    assert "Vladimir V. Putin" in persons("Vladimir V. Putin said so.")


def test_assad_forms_are_one_person():
    text = "Bashar al-Assad spoke. Later Bashar Assad and President Assad met Assad's generals."
    assert set(persons(text).values()) == {"Bashar al-Assad"}


def test_headline_in_capitals():
    assert persons("PUTIN MEETS KERRY") == {"PUTIN": "Putin", "KERRY": "Kerry"}
    assert ("GERMANY", "PLACE", "GERMANY") in found("MERKEL VISITS GERMANY TROOPS") or any(
        m.label == "PLACE" for m in extract("MERKEL VISITS GERMANY TROOPS")
    )


def test_headline_in_capitals_links_to_names_in_the_body():
    text = "PUTIN MEETS KERRY\n\nVladimir Putin met John Kerry in Moscow."
    names = {m.text: m.name for m in extract(text)}
    assert names["PUTIN"] == "Vladimir Putin"
    assert names["KERRY"] == "John Kerry"


@pytest.mark.parametrize("opener", ["Speaking", "Meanwhile", "However", "The", "Asked"])
def test_ordinary_words_opening_a_sentence_are_not_names(opener):
    text = f"{opener} in Moscow, Sergei Lavrov said talks went well."
    assert [m.text for m in extract(text) if m.label == "PERSON"] == ["Sergei Lavrov"]
    assert all(opener not in m.text for m in extract(text))


def test_places_written_with_the_accents_of_the_page_language():
    text = "Twitter Lite llegará a México, Perú y Colombia. Le président est allé au Sénégal."
    assert [m.text for m in extract(text) if m.label == "PLACE"] == ["México", "Perú", "Colombia", "Sénégal"]
    # "y" joins two places, not the two surnames of a Spanish name
    assert persons("El filósofo José Ortega y Gasset escribió.") == {
        "José Ortega y Gasset": "José Ortega y Gasset"
    }


def test_name_opening_a_sentence_is_kept():
    text = "John Kerry arrived. Kerry said he was hopeful."
    assert persons(text) == {"John Kerry": "John Kerry", "Kerry": "John Kerry"}


def test_lists_of_places_and_of_people():
    places = [
        m.text
        for m in extract("Cracks appear, with Germany, France and Italy wavering.")
        if m.label == "PLACE"
    ]
    assert places == ["Germany", "France", "Italy"]
    text = "John Kerry, Sergei Lavrov and Staffan de Mistura met. Later Kerry, Lavrov and de Mistura spoke."
    names = [(m.text, m.name) for m in extract(text) if m.label == "PERSON"]
    assert names[3:] == [
        ("Kerry", "John Kerry"),
        ("Lavrov", "Sergei Lavrov"),
        ("de Mistura", "Staffan de Mistura"),
    ]


def test_lone_surnames_in_a_list_with_a_known_person():
    names = [
        m.text for m in extract("Officials expect Kerry, Lavrov and Zarif to meet.") if m.label == "PERSON"
    ]
    assert names == []  # nobody is known: no guess
    text = "Secretary John Kerry arrived. Kerry, Lavrov and Zarif would meet."
    names = [m.text for m in extract(text) if m.label == "PERSON"]
    assert names == ["John Kerry", "Kerry", "Lavrov", "Zarif"]


@pytest.mark.parametrize(
    "text, name, label",
    [
        ("He spoke to the Washington Post on Monday.", "Washington Post", "ORG"),
        ("Fighters of the Islamic State and the Nusra Front.", "Islamic State", "ORG"),
        ("Fighters of the Islamic State and the Nusra Front.", "Nusra Front", "ORG"),
        ("A statement from the White House came late.", "White House", "ORG"),
        ("The UN Security Council met.", "UN Security Council", "ORG"),
        ("Rebels of the Free Syrian Army advanced.", "Free Syrian Army", "ORG"),
        ("Arab Today, arab today", "Arab Today", "ORG"),
        ("The Bank of England raised rates.", "Bank of England", "ORG"),
        ("Pirelli Cable Corp said it signed a contract.", "Pirelli Cable Corp", "ORG"),
        ("Strikes hit Homs province and the town of Khan Sheikhoun.", "Khan Sheikhoun", "PLACE"),
        ("Strikes hit Homs province and the town of Khan Sheikhoun.", "Homs", "PLACE"),
        (
            "Andrew Tabler of the Washington Institute for Near East Policy said so.",
            "Washington Institute for Near East Policy",
            "ORG",
        ),
    ],
)
def test_organisations_and_places(text, name, label):
    assert (name, label) in [(m.text, m.label) for m in extract(text)]
    assert not any(m.label == "PERSON" and name in m.text for m in extract(text))


def test_offices_alone_are_no_mention():
    assert extract("The Secretary of State will travel.") == []


def test_speech_verbs_find_people_without_known_first_names():
    text = "\u201cWe will see,\u201d said Mego Terzian, who runs the clinic."
    assert persons(text) == {"Mego Terzian": "Mego Terzian"}


def test_first_name_alone_links_to_the_one_person_with_it():
    text = "Bashar al-Assad\u2019s wife, Asma, spoke. Asma al-Assad thanked Russia."
    assert persons(text) == {
        "Bashar al-Assad": "Bashar al-Assad",
        "Asma": "Asma al-Assad",
        "Asma al-Assad": "Asma al-Assad",
    }


def test_registry_links_lone_surnames_to_the_unique_full_name():
    registry = PersonRegistry()
    for name in [
        "Barack Obama",
        "Vladimir Putin",
        "Vladimir Putin",
        "Bashar al-Assad",
        "Ash Carter",
        "Ashton Carter",
    ]:
        registry.add(name)
    assert registry.canonical("Obama") == "Barack Obama"
    assert registry.canonical("Putin") == "Vladimir Putin"
    assert registry.canonical("Assad") == "Bashar al-Assad"
    assert registry.canonical("Bashar Assad") == "Bashar al-Assad"
    assert registry.canonical("Ash Carter") == registry.canonical("Ashton Carter")
    assert registry.canonical("Nobody") == "Nobody"


def test_registry_keeps_different_first_names_apart():
    registry = PersonRegistry()
    registry.add("Bashar al-Assad")
    registry.add("Asma al-Assad")
    assert registry.canonical("Asma al-Assad") == "Asma al-Assad"
    assert registry.canonical("Bashar al-Assad") == "Bashar al-Assad"
    # Two people of one surname, equally named: a lone surname stays as it is.
    assert registry.canonical("Assad") == "Assad"


def test_registry_gives_a_lone_surname_to_the_person_the_library_is_about():
    registry = PersonRegistry()
    registry.add("Bashar al-Assad", 40)
    registry.add("Asma al-Assad", 2)
    assert registry.canonical("Assad") == "Bashar al-Assad"


def test_resolve_library_rewrites_person_names_across_articles():
    first = extract("President Obama spoke.")
    second = extract("Barack Obama met Vladimir Putin.")
    resolved = resolve_library([first, second])
    assert [m.name for m in resolved[0] if m.label == "PERSON"] == ["Barack Obama"]
    assert [m.name for m in resolved[1] if m.label == "PERSON"] == ["Barack Obama", "Vladimir Putin"]


def test_empty_and_nameless_text():
    assert extract("") == []
    assert extract("nothing to see here, all lower case.") == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("\u201cWe are tired,\u201d said Mourinho.", [("Mourinho", "PERSON")]),
        ("He said Hmeimim and the naval base would stay.", []),
        (
            "Former Worldcom boss Bernie Ebbers is on trial.",
            [("Worldcom", "ORG"), ("Bernie Ebbers", "PERSON")],
        ),
        (
            "Qwest chairman Richard Notebaert sent a letter.",
            [("Qwest", "ORG"), ("Richard Notebaert", "PERSON")],
        ),
        (
            "It will reopen the Murdochville, Quebec copper mine.",
            [("Murdochville", "PLACE"), ("Quebec", "PLACE")],
        ),
        ("He could lose his medals from the Sydney Olympics.", []),
        (
            "United Grain Corp of Oregon won two contracts.",
            [("United Grain Corp", "ORG"), ("Oregon", "PLACE")],
        ),
        (
            "Smith Barney, Harris Upham and Co analyst Edward Atorino said so.",
            [("Harris Upham and Co", "ORG"), ("Edward Atorino", "PERSON")],
        ),
        (
            "France's Societe Generale <SGEN.PA> bank reported profits.",
            [("France", "PLACE"), ("Societe Generale", "ORG")],
        ),
        ("President Ford met Henry Kissinger.", [("Ford", "PERSON"), ("Henry Kissinger", "PERSON")]),
        ("Plans by the Verizon unit were dropped.", [("Verizon", "ORG")]),
    ],
)
def test_context_rules(text, expected):
    assert [(m.text, m.label) for m in extract(text)] == expected


def test_title_and_body_read_together():
    from reader.entities import extract_article

    title = "Assad's wife Asma speaks"
    body = "Asma al-Assad, wife of Bashar al-Assad, spoke to Russian television. Bashar al-Assad thanked her."
    in_title, in_body = extract_article(title, body)
    assert [(m.text, m.name) for m in in_title] == [("Assad", "Bashar al-Assad"), ("Asma", "Asma al-Assad")]
    assert all(body[m.start : m.end] == m.text for m in in_body)
    assert [m.name for m in in_body if m.label == "PERSON"] == [
        "Asma al-Assad",
        "Bashar al-Assad",
        "Bashar al-Assad",
    ]


def test_organisations_and_places_written_several_ways_share_a_name():
    text = "The U.S. and the US-led coalition fought ISIS, also called Isil and Daesh, with the UN watching."
    names = {m.text: m.name for m in extract(text)}
    assert names["U.S."] == names["US"] == "United States"
    assert names["ISIS"] == names["Isil"] == names["Daesh"] == "Islamic State"
    assert names["UN"] == "United Nations"


def labelled(text: str) -> list[tuple[str, str, str]]:
    return [(m.text, m.label, m.name) for m in extract(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        # "General" is a title only before a name
        (
            "A contract from General Electric Co was signed.",
            [("General Electric Co", "ORG", "General Electric Co")],
        ),
        ("Talks under the General Agreement on Tariffs went on.", []),
        ("General Colin Powell spoke.", [("Colin Powell", "PERSON", "Colin Powell")]),
        # a surname that is also a title links to the full name
        (
            "Prime Minister John Major spoke. Mr Major said later that Major was tired.",
            [
                ("John Major", "PERSON", "John Major"),
                ("Major", "PERSON", "John Major"),
                ("Major", "PERSON", "John Major"),
            ],
        ),
        # an office of two parts stays in the role
        ("Minister of Energy and Mines Subroto said so.", [("Subroto", "PERSON", "Subroto")]),
        # an office not yet taken up is a role too
        ("President-elect Trump said so.", [("Trump", "PERSON", "Trump")]),
        ("Vice President-elect Mike Pence arrived.", [("Mike Pence", "PERSON", "Mike Pence")]),
        ("Prime Minister-designate Ali Zeidan spoke.", [("Ali Zeidan", "PERSON", "Ali Zeidan")]),
        # a legal form is never part of a person's name
        (
            "Salomon Brothers Asia Ltd will buy.",
            [("Salomon Brothers", "ORG", "Salomon Brothers"), ("Asia Ltd", "ORG", "Asia Ltd")],
        ),
        (
            "Sumner Redstone, president of National Amusements, Inc, predicted a win.",
            [
                ("Sumner Redstone", "PERSON", "Sumner Redstone"),
                ("National Amusements", "ORG", "National Amusements"),
            ],
        ),
        # a place and a word: an outlet, not a person called "Daily"
        ("The report, the China Daily said, was wrong.", [("China", "PLACE", "China")]),
        ("Prices rose, the People's Daily said.", []),
        # party members, works, documents
        (
            "Veteran Christian Democrat politician Giulio Andreotti agreed.",
            [("Giulio Andreotti", "PERSON", "Giulio Andreotti")],
        ),
        (
            "Mike Leigh's film Vera Drake won. Staunton starred in Vera Drake.",
            [("Mike Leigh", "PERSON", "Mike Leigh")],
        ),
        ("The Marshall Plan and the Gershon Report were cited.", []),
        ("Data General said profits rose.", []),
        # a middle initial without its period, and names starting like places
        ("President George W Bush said so.", [("George W Bush", "PERSON", "George W. Bush")]),
        ("The meeting in San Francisco was held.", [("San Francisco", "PLACE", "San Francisco")]),
    ],
)
def test_newswire_error_classes(text, expected):
    assert labelled(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # one context cue does not make an organisation of a person's surname
        (
            "The Itar-Tass news agency Yeltsin said. Boris Yeltsin spoke. Yeltsin left.",
            [
                ("Itar-Tass", "ORG", "Itar-Tass"),
                ("Yeltsin", "PERSON", "Boris Yeltsin"),
                ("Boris Yeltsin", "PERSON", "Boris Yeltsin"),
                ("Yeltsin", "PERSON", "Boris Yeltsin"),
            ],
        ),
        # a hyphenated title stays out of the name
        (
            "Secretary-General Boutros Boutros-Ghali said so.",
            [("Boutros Boutros-Ghali", "PERSON", "Boutros Boutros-Ghali")],
        ),
        # a name wrapped across a line break
        (
            "The talks, said Foreign Minister Klaus\nKinkel, went well.",
            [("Klaus\nKinkel", "PERSON", "Klaus Kinkel")],
        ),
        # towns after "to" and "from", a country after "the", a state's abbreviation
        (
            "He flew to Sarajevo from Zagreb.",
            [("Sarajevo", "PLACE", "Sarajevo"), ("Zagreb", "PLACE", "Zagreb")],
        ),
        (
            "The Netherlands and the Czech Republic agreed.",
            [("Netherlands", "PLACE", "Netherlands"), ("Czech Republic", "PLACE", "Czech Republic")],
        ),
        (
            "He lives in Boca Raton, Fla., now.",
            [("Boca Raton", "PLACE", "Boca Raton"), ("Fla.", "PLACE", "Florida")],
        ),
        # a company named by "Air" and a country; a place in brackets inside a company's name
        ("Air France cut flights.", [("Air France", "ORG", "Air France")]),
        (
            "James Capel (Far East) Ltd estimates profits will rise.",
            [("James Capel (Far East) Ltd", "ORG", "James Capel (Far East) Ltd")],
        ),
        # a town named with a club's manager or player is the club
        (
            "Sunderland manager Mick McCarthy praised the side.",
            [("Sunderland", "ORG", "Sunderland"), ("Mick McCarthy", "PERSON", "Mick McCarthy")],
        ),
        # titles and weekdays stay out of a name's span; an employer is an organisation
        ("Prime Minister Tansu Ciller Monday said so.", [("Tansu Ciller", "PERSON", "Tansu Ciller")]),
        (
            "said Ian Fogg, an analyst with Jupiter Research.",
            [("Ian Fogg", "PERSON", "Ian Fogg"), ("Jupiter Research", "ORG", "Jupiter Research")],
        ),
    ],
)
def test_more_newswire_error_classes(text, expected):
    assert labelled(text) == expected


def test_a_word_used_alone_long_before_a_full_name_is_not_that_person():
    """A browser named thirty times, then a cited headline "Gay Firefox developers
    boycott ...": the given-name guess made one person of them all."""
    text = (
        "Firefox is a web browser. Firefox grew fast in 2005. Many people use Firefox daily. "
        "Version 3 of Firefox shipped in 2008.\n\n"
        '^ "Gay Firefox developers boycott Mozilla to protest CEO hire". Ars Technica.\n\n'
        "Firefox is still maintained."
    )
    assert not [m.text for m in extract(text) if m.label == "PERSON" and m.text == "Firefox"]


def test_a_surname_in_the_headline_still_links_to_the_full_name_below():
    text = "Putin meets Kerry\n\nRussian President Vladimir Putin met John Kerry. Putin said it went well."
    assert [m.name for m in extract(text) if m.text == "Putin"] == ["Vladimir Putin", "Vladimir Putin"]


@pytest.mark.parametrize(
    "text, brand",
    [
        ("The plan for Apache OpenOffice was announced this year.", "Apache OpenOffice"),
        ("GenCorp said profits rose in the third quarter.", "GenCorp"),
        ("The code is written in JavaScript and runs everywhere.", "JavaScript"),
    ],
)
def test_a_word_with_a_capital_inside_is_a_brand_not_a_person(text, brand):
    assert [m for m in extract(text) if m.text == brand and m.label in ("PERSON", "PLACE")] == []


def test_names_with_a_capital_after_a_prefix_are_still_people():
    text = "Mitch McConnell said no. Ron DeSantis agreed, and LeBron James played."
    people = [m.name for m in extract(text) if m.label == "PERSON"]
    assert people == ["Mitch McConnell", "Ron DeSantis", "LeBron James"]


@pytest.mark.parametrize(
    "text, word",
    [
        ("The Five Power Defence Arrangements were signed in 1971.", "Arrangements"),
        ("Goods are coded by the Standard International Trade Classification of the UN.", "Classification"),
        ("The depression led to the election of the First Labour Government in 1935.", "Government"),
    ],
)
def test_a_department_word_alone_makes_no_title(text, word):
    assert [m for m in extract(text) if m.text == word and m.label == "PERSON"] == []


def test_a_department_word_before_a_full_name_still_gives_a_role():
    text = "The agency quoted Turkish Minister of Industry and Trade Cahit Aral as saying exports would rise."
    assert [m.name for m in extract(text) if m.label == "PERSON"] == ["Cahit Aral"]


@pytest.mark.parametrize(
    "text, word",
    [
        (
            "The foundation is continuing negotiations with its official Bondholders' and creditors' "
            "committees concerning the terms of a plan.",
            "Bondholders",
        ),
        ("Music veterans The Who and David Bowie both earned places on the bill.", "Who"),
        (
            "The decision was taken after consultation with the London Cocoa Terminal Market, the "
            "spokesman said.",
            "Market",
        ),
    ],
)
def test_one_ordinary_word_alone_is_no_person(text, word):
    assert [m for m in extract(text) if m.text == word and m.label == "PERSON"] == []


def test_a_form_of_address_makes_a_person_of_an_ordinary_word():
    text = "Lucy tracked down Mr Pound after her mother told her. Mr Pound said he was glad."
    assert [m.name for m in extract(text) if m.label == "PERSON" and m.text == "Pound"] == ["Pound", "Pound"]


def test_a_surname_means_the_person_named_before_an_organisation_that_bears_it():
    text = (
        "Instructions came from the office of a meteorologist named Edward Norton Lorenz. "
        "Using the LGP-30, Lorenz made discoveries. The Lorenz Center at MIT honours him. "
        '"We tried that once," Lorenz said.'
    )
    lone = [m for m in extract(text) if m.text == "Lorenz"]
    assert [(m.label, m.name) for m in lone] == [("PERSON", "Edward Norton Lorenz")] * 2


def test_a_surname_means_the_organisation_named_before_the_person():
    text = (
        "Cyclops Corp said it would sell its steel unit. Cyclops noted that the sale needs approval. "
        "Analyst Jane Cyclops said the price was fair."
    )
    assert [m.label for m in extract(text) if m.text == "Cyclops"] == ["ORG"]
