"""What a page is about: its language, the countries it names and the
programmes (areas of action) it belongs to.
"""

from __future__ import annotations

import re

# Programme names as the site calls them (the areas of action of the old
# country-office pages). Each pattern matches English and Spanish wording.
PROGRAMMES: tuple[str, ...] = (
    "Counter-trafficking",
    "Labour Migration",
    "Voluntary Return and Reintegration",
    "Migration and Development",
    "Migrant Integration",
    "Migration and Climate Change",
    "Emergency Situations",
    "Policy and Research",
    "Resettlement Assistance",
)

# Each rule: the programme, literal stems that every wording of it contains (a
# cheap test that spares most regex searches), and the wordings themselves.
# Both are matched against lower-cased text.
_PROGRAMME_RULES: tuple[tuple[str, tuple[str, ...], re.Pattern[str]], ...] = tuple(
    (name, stems, re.compile(pattern))
    for name, stems, pattern in (
        (
            "Counter-trafficking",
            ("traffick", "trata de", "tráfico", "trafico", "smuggling"),
            r"\btraffick\w*|\btrata\s+de\s+(?:personas|seres\s+humanos|mujeres)|"
            r"\btr[aá]fico\s+(?:de\s+personas|il[ií]cito\s+de\s+migrantes)|"
            r"\bsmuggling\s+of\s+migrants|\bmigrant\s+smuggling",
        ),
        (
            "Labour Migration",
            (
                "labour",
                "labor",
                "worker",
                "recruitment",
                "laboral",
                "trabajador",
                "contrataci",
            ),
            r"\blabou?r\s+(?:migration|mobility)|\bmigrant\s+workers?\b|\bfair\s+"
            r"recruitment|\bmigraci[oó]n\s+laboral|\btrabajador(?:es|as)?\s+migrantes?"
            r"|\bmovilidad\s+laboral|\bcontrataci[oó]n\s+equitativa",
        ),
        (
            "Voluntary Return and Reintegration",
            ("voluntary return", "reintegra", "retorno"),
            r"\bvoluntary\s+return|\breintegration\b|\bretorno\s+(?:voluntario|"
            r"asistido)|\breintegraci[oó]n\b",
        ),
        (
            "Migration and Development",
            (
                "development",
                "remittance",
                "diaspora",
                "diáspora",
                "desarrollo",
                "remesa",
            ),
            r"\bmigration\s+and\s+development|\bremittances?\b|\bdiasporas?\b|"
            r"\bco-?development|\bmigraci[oó]n\s+y\s+desarrollo|\bremesas?\b|"
            r"\bdi[aá]sporas?\b|\bcodesarrollo",
        ),
        (
            "Migrant Integration",
            ("integration", "inclusion", "integraci", "inclusi"),
            r"\bmigrants?\s+integration|\bintegration\s+of\s+(?:the\s+)?(?:migrants|"
            r"immigrants|newcomers)|\b(?:social|socio-?economic)\s+(?:integration|"
            r"inclusion)|\bintegraci[oó]n\s+(?:de\s+(?:los\s+|las\s+)?)?(?:personas\s+)?"
            r"(?:migrantes|inmigrantes)|\binclusi[oó]n\s+(?:social|socioecon[oó]mica)",
        ),
        (
            "Migration and Climate Change",
            (
                "climat",
                "environmental",
                "disaster",
                "drought",
                "ambiente",
                "desastre",
                "sequ",
                "degradaci",
            ),
            r"\bclimate\b|\benvironmental\s+(?:migration|degradation)|\bnatural\s+"
            r"disasters?|\bdroughts?\b|\bcambio\s+clim[aá]tico|\bmedio\s*ambiente|"
            r"\bdesastres?\s+naturales?|\bsequ[ií]as?\b|\bdegradaci[oó]n\s+ambiental",
        ),
        (
            "Emergency Situations",
            ("emergenc", "humanitaria", "displaced", "desplazad"),
            r"\bemergenc(?:y|ies)\b|\bhumanitarian\s+(?:assistance|aid|response|"
            r"crisis|crises)|\binternally\s+displaced|\bemergencias?\b|\basistencia\s+"
            r"humanitaria|\bayuda\s+humanitaria|\bdesplazad[oa]s\s+internos?",
        ),
        (
            "Policy and Research",
            (
                "polic",
                "governance",
                "research",
                "polític",
                "politic",
                "gobernanza",
                "investigaci",
            ),
            r"\bmigration\s+polic(?:y|ies)|\bpublic\s+polic(?:y|ies)|\bmigration\s+"
            r"governance|\bresearch\b|\bpol[ií]ticas?\s+(?:migratorias?|p[uú]blicas?)"
            r"|\bgobernanza\s+migratoria|\binvestigaci[oó]n(?:es)?\b",
        ),
        (
            "Resettlement Assistance",
            ("resettle", "reasentamiento"),
            r"\bresettle\w*|\breasentamiento\w*",
        ),
    )
)

# Country names of the Americas and of the countries the pages commonly name
# beside them, in English and Spanish. Matched case-sensitively, as names.
_COUNTRY_NAMES: dict[str, tuple[str, ...]] = {
    "AR": ("Argentina",),
    "BO": ("Bolivia",),
    "BR": ("Brazil", "Brasil"),
    "CL": ("Chile",),
    "CO": ("Colombia",),
    "EC": ("Ecuador",),
    "GY": ("Guyana",),
    "PY": ("Paraguay",),
    "PE": ("Peru", "Perú"),
    "SR": ("Suriname", "Surinam"),
    "UY": ("Uruguay",),
    "VE": ("Venezuela",),
    "GF": ("French Guiana", "Guayana Francesa"),
    "BZ": ("Belize", "Belice"),
    "CR": ("Costa Rica",),
    "SV": ("El Salvador",),
    "GT": ("Guatemala",),
    "HN": ("Honduras",),
    "NI": ("Nicaragua",),
    "PA": ("Panama", "Panamá"),
    "MX": ("Mexico", "México"),
    "CU": ("Cuba",),
    "DO": ("Dominican Republic", "República Dominicana"),
    "HT": ("Haiti", "Haití"),
    "JM": ("Jamaica",),
    "TT": ("Trinidad and Tobago", "Trinidad y Tobago"),
    "BS": ("Bahamas",),
    "BB": ("Barbados",),
    "AG": ("Antigua and Barbuda", "Antigua y Barbuda"),
    "DM": ("Dominica",),
    "GD": ("Grenada",),
    "KN": ("Saint Kitts and Nevis", "San Cristóbal y Nieves"),
    "LC": ("Saint Lucia", "Santa Lucía"),
    "VC": ("Saint Vincent and the Grenadines", "San Vicente y las Granadinas"),
    "PR": ("Puerto Rico",),
    "US": (
        "United States of America",
        "United States",
        "USA",
        "U.S.A.",
        "U.S.",
        "US",
        "Estados Unidos de América",
        "Estados Unidos",
        "EE.UU.",
        "EE. UU.",
        "EEUU",
    ),
    "CA": ("Canada", "Canadá"),
    "ES": ("Spain", "España"),
    "IT": ("Italy", "Italia"),
    "PT": ("Portugal",),
    "FR": ("France", "Francia"),
    "DE": ("Germany", "Alemania"),
    "GB": ("United Kingdom", "Reino Unido", "UK"),
    "CH": ("Switzerland", "Suiza"),
    "BE": ("Belgium", "Bélgica"),
    "IE": ("Ireland", "Irlanda"),
    "NL": ("Netherlands", "Países Bajos", "Holanda"),
    "SE": ("Sweden", "Suecia"),
    "NO": ("Norway", "Noruega"),
    "AT": ("Austria",),
    "GR": ("Greece", "Grecia"),
    "JP": ("Japan", "Japón"),
    "CN": ("China",),
    "KR": ("South Korea", "Republic of Korea", "Corea del Sur"),
    "IN": ("India",),
    "AU": ("Australia",),
    "ZA": ("South Africa", "Sudáfrica"),
    "SN": ("Senegal",),
    "NG": ("Nigeria",),
    "GH": ("Ghana",),
    "CM": ("Cameroon", "Camerún"),
    "MA": ("Morocco", "Marruecos"),
    "EG": ("Egypt", "Egipto"),
    "LY": ("Libya", "Libia"),
    "SY": ("Syria", "Siria"),
    "LB": ("Lebanon", "Líbano"),
    "IQ": ("Iraq", "Irak"),
    "AF": ("Afghanistan", "Afganistán"),
    "PK": ("Pakistan", "Pakistán"),
    "BD": ("Bangladesh",),
    "NP": ("Nepal",),
    "LK": ("Sri Lanka",),
    "PH": ("Philippines", "Filipinas"),
    "ID": ("Indonesia",),
    "VN": ("Vietnam",),
    "UA": ("Ukraine", "Ucrania"),
    "RU": ("Russia", "Rusia"),
    "TR": ("Turkey", "Turquía"),
    "IL": ("Israel",),
}
_COUNTRY_CODES = {
    name: code for code, names in _COUNTRY_NAMES.items() for name in names
}
# Names only count as whole words: the boundaries are checked by hand because
# a leading look-behind would keep the regex engine from skipping ahead fast.
_COUNTRY_RE = re.compile(
    "|".join(re.escape(name) for name in sorted(_COUNTRY_CODES, key=len, reverse=True))
)


# -- language, countries, programmes --------------------------

_ENGLISH_WORDS = frozenset(
    "the and of to is that for with on are was as by this from have has which be "
    "it at their were will its been an or not who they more than also into".split()
)
_SPANISH_WORDS = frozenset(
    "el la los las del y en que por para con una un se es su sus al como más lo "
    "este esta fue son entre sobre también ha han desde pero le les ya muy sin "
    "hasta cuando donde".split()
)
# Words of Portuguese that Spanish does not write, and of Spanish that
# Portuguese does not: they tell the two apart where the shared ones cannot.
_PORTUGUESE_ONLY = frozenset(
    "o os do da dos das em na nas nos ao aos à às um uma com não são também "
    "pelo pela pelos pelas é foi seu sua seus suas ou já está estão muito "
    "mais isso essa esse até quem".split()
)
_SPANISH_ONLY = frozenset(
    "el los las del y en con una un es su sus al más fue también ha han pero "
    "le les ya muy sin hasta cuando donde".split()
)


def detect_language(text: str) -> str:
    """'en', 'es' or 'pt', from the share of common function words."""
    words = text[:4000].lower().split()
    english = sum(map(_ENGLISH_WORDS.__contains__, words))
    spanish = sum(map(_SPANISH_WORDS.__contains__, words))
    if english >= spanish:
        return "en"
    portuguese = sum(map(_PORTUGUESE_ONLY.__contains__, words))
    spanish_only = sum(map(_SPANISH_ONLY.__contains__, words))
    return "pt" if portuguese > spanish_only * 1.5 else "es"


def country_matches(text: str):
    for match in _COUNTRY_RE.finditer(text):
        start, end = match.span()
        before = text[start - 1 : start]
        after = text[end : end + 2]
        if before and (before.isalnum() or before in "._"):
            continue
        if after[:1] and (after[0].isalnum() or after[0] in "_$"):
            continue
        if after[:1] == "." and after[1:].isalnum():
            continue
        yield match


def find_countries(text: str) -> list[str]:
    """ISO codes of the countries named in ``text``, in order, once each."""
    return list(dict.fromkeys(_COUNTRY_CODES[m[0]] for m in country_matches(text)))


def country_code(name: str) -> str:
    match = next(country_matches(name), None)
    return _COUNTRY_CODES[match[0]] if match else ""


def find_programmes(text: str) -> list[str]:
    """Programmes the text speaks about, in order of first mention."""
    lowered = text.lower()
    found = []
    for name, stems, pattern in _PROGRAMME_RULES:
        positions = [
            position for stem in stems if (position := lowered.find(stem)) >= 0
        ]
        if not positions:
            continue
        # No wording starts more than a few words before its first stem.
        match = pattern.search(lowered, max(0, min(positions) - 30))
        if match:
            found.append((match.start(), name))
    return [name for _, name in sorted(found)]


# The cities old pages are filed from, for a title or dateline that names
# the city alone ("… in Brasilia", "Montevideo –").
_CITY_COUNTRIES = {
    "Buenos Aires": "AR",
    "La Paz": "BO",
    "Santa Cruz de la Sierra": "BO",
    "Cochabamba": "BO",
    "Brasília": "BR",
    "Brasilia": "BR",
    "São Paulo": "BR",
    "Sao Paulo": "BR",
    "Rio de Janeiro": "BR",
    "Boa Vista": "BR",
    "Manaus": "BR",
    "Santiago de Chile": "CL",
    "Bogotá": "CO",
    "Bogota": "CO",
    "Medellín": "CO",
    "Cúcuta": "CO",
    "Quito": "EC",
    "Guayaquil": "EC",
    "Asunción": "PY",
    "Asuncion": "PY",
    "Lima": "PE",
    "Montevideo": "UY",
    "Caracas": "VE",
    "Georgetown": "GY",
    "Paramaribo": "SR",
    "Tegucigalpa": "HN",
    "San Salvador": "SV",
    "Ciudad de Guatemala": "GT",
    "Guatemala City": "GT",
    "Managua": "NI",
    "Ciudad de Panamá": "PA",
    "Panama City": "PA",
    "Ciudad de México": "MX",
    "Mexico City": "MX",
    "Santo Domingo": "DO",
    "Port-au-Prince": "HT",
    "Puerto Príncipe": "HT",
}
_CITY_RE = re.compile(
    r"\b(?:"
    + "|".join(re.escape(name) for name in sorted(_CITY_COUNTRIES, key=len)[::-1])
    + r")\b"
)
# What may stand between two names of an enumeration: "Argentina, Bolivia and
# Chile", "Guatemala/El Salvador/Honduras".
_ENUMERATION_GAP_RE = re.compile(
    r"^\s*(?:[,;/]\s*)?(?:(?:and|or|y|e|o|et|as\s+well\s+as)\s+)?(?:the\s+|la\s+)?$"
)


def _outside_enumerations(text: str) -> list[str]:
    """Countries named in ``text`` other than in an enumeration of three or
    more (a list of delegations names them in passing)."""
    matches = list(country_matches(text))
    runs: list[list[re.Match]] = []
    for match in matches:
        if runs and _ENUMERATION_GAP_RE.match(text[runs[-1][-1].end() : match.start()]):
            runs[-1].append(match)
        else:
            runs.append([match])
    return [_COUNTRY_CODES[match[0]] for run in runs if len(run) < 3 for match in run]


def stated_countries(title, dateline, blocks, metadata_countries):
    """(countries the article states it is about, countries it only names).

    Stated: the metadata's "Region-Country", the title, the dateline (or the
    city it names), the lead paragraph, and any country the text names other
    than in an enumeration. Suggested only: a country named in a list of
    three or more, or in a closing section ("Context") alone."""
    paragraphs = [block.text for block in blocks if block.tag != "figure"]
    closing = next(
        (
            number
            for number, block in enumerate(blocks)
            if block.tag == "h3" and fold_heading(block.text) in _CLOSING
        ),
        len(blocks),
    )
    article = [block.text for block in blocks[:closing] if block.tag != "figure"]
    lead = article[0] if article else ""
    heading = f"{title}\n{dateline}"
    stated = [
        *find_countries(f"{heading}\n{lead}"),
        *(_CITY_COUNTRIES[city] for city in _CITY_RE.findall(heading)),
    ]
    for paragraph in article[1:]:
        stated += _outside_enumerations(paragraph)
    stated += metadata_countries
    stated = list(dict.fromkeys(stated))
    named = find_countries("\n".join(paragraphs))
    suggested = tuple(code for code in named if code not in stated)
    return tuple(stated), suggested


_CLOSING = frozenset({"context", "contexto", "background", "antecedentes"})


def fold_heading(text: str) -> str:
    return text.strip().rstrip(":").strip().lower()
