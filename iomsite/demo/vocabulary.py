"""The words, places and figures the demo content is made of."""

# code: (English name, Spanish name, cities)
COUNTRIES = {
    "AR": ("Argentina", "Argentina", ["Buenos Aires", "Córdoba", "Rosario", "Mendoza"]),
    "BO": ("Bolivia", "Bolivia", ["La Paz", "Santa Cruz", "Cochabamba", "Oruro"]),
    "BR": ("Brazil", "Brasil", ["Brasília", "São Paulo", "Boa Vista", "Manaus"]),
    "CL": ("Chile", "Chile", ["Santiago", "Arica", "Antofagasta", "Iquique"]),
    "CO": ("Colombia", "Colombia", ["Bogotá", "Cúcuta", "Medellín", "Cali"]),
    "EC": ("Ecuador", "Ecuador", ["Quito", "Guayaquil", "Tulcán", "Cuenca"]),
    "GY": ("Guyana", "Guyana", ["Georgetown", "Lethem"]),
    "PY": ("Paraguay", "Paraguay", ["Asunción", "Ciudad del Este", "Encarnación"]),
    "PE": ("Peru", "Perú", ["Lima", "Tumbes", "Tacna", "Cusco"]),
    "SR": ("Suriname", "Surinam", ["Paramaribo"]),
    "UY": ("Uruguay", "Uruguay", ["Montevideo", "Rivera", "Salto"]),
    "VE": ("Venezuela", "Venezuela", ["Caracas", "Maracaibo", "San Cristóbal"]),
}
REGIONAL_OFFICE_COUNTRY = "AR"

# Per programme slug: subjects an article of that programme is about.
TOPICS = {
    "counter-trafficking": {
        "en": ["human trafficking", "trafficking in persons", "victim protection"],
        "es": ["trata de personas", "tráfico ilícito de migrantes", "protección"],
    },
    "labour-migration": {
        "en": ["labour migration", "fair recruitment", "migrant workers' rights"],
        "es": ["migración laboral", "contratación equitativa", "trabajo decente"],
    },
    "voluntary-return-and-reintegration": {
        "en": ["voluntary return", "reintegration", "assisted return"],
        "es": ["retorno voluntario", "reintegración", "retorno asistido"],
    },
    "migration-and-development": {
        "en": ["remittances", "diaspora engagement", "migration and development"],
        "es": ["remesas", "vinculación con la diáspora", "migración y desarrollo"],
    },
    "migrant-integration": {
        "en": ["migrant integration", "social inclusion", "access to services"],
        "es": ["integración de migrantes", "inclusión social", "acceso a servicios"],
    },
    "migration-and-climate-change": {
        "en": ["climate mobility", "disaster displacement", "environmental migration"],
        "es": ["movilidad climática", "desplazamiento por desastres", "migración"],
    },
    "emergency-situations": {
        "en": ["humanitarian assistance", "emergency shelter", "displacement"],
        "es": ["asistencia humanitaria", "albergues de emergencia", "desplazamiento"],
    },
    "policy-and-research": {
        "en": ["migration governance", "migration data", "migration policy"],
        "es": ["gobernanza migratoria", "datos sobre migración", "política migratoria"],
    },
}
GENERAL_TOPICS = {
    "en": ["migration", "human mobility", "migrants' rights"],
    "es": ["migración", "movilidad humana", "derechos de los migrantes"],
}

TITLES = {
    "en": [
        "IOM trains {audience} on {topic} in {city}",
        "{country} launches a national plan on {topic}",
        "New study on {topic} presented in {city}",
        "IOM and {country} sign an agreement on {topic}",
        "{number} people receive support in {city}",
        "Regional conference on {topic} opens in {city}",
        "IOM calls for action on {topic} on {day}",
        "{country}: {number} families benefit from {topic} project",
    ],
    "es": [
        "La OIM capacita a {audience} en {topic} en {city}",
        "{country} lanza un plan nacional sobre {topic}",
        "Se presenta en {city} un nuevo estudio sobre {topic}",
        "La OIM y {country} firman un acuerdo sobre {topic}",
        "{number} personas reciben apoyo en {city}",
        "Se inaugura en {city} una conferencia regional sobre {topic}",
        "La OIM llama a actuar sobre {topic} en el {day}",
        "{country}: {number} familias se benefician de un proyecto de {topic}",
    ],
}
AUDIENCES = {
    "en": ["border officials", "social workers", "journalists", "local authorities"],
    "es": ["funcionarios de frontera", "trabajadores sociales", "periodistas"],
}
DAYS = {
    "en": [
        "International Migrants Day",
        "World Refugee Day",
        "World Day against Trafficking in Persons",
        "International Day of Families",
    ],
    "es": [
        "Día Internacional del Migrante",
        "Día Mundial del Refugiado",
        "Día Mundial contra la Trata",
        "Día Internacional de las Familias",
    ],
}
SENTENCES = {
    "en": [
        "The International Organization for Migration (IOM) works with the "
        "government of {country} on {topic}.",
        "More than {number} people took part in the activities held in {city}.",
        "The project is funded by the European Union and runs until {year}.",
        "Participants discussed {topic} and the needs of migrants in {city}.",
        "According to official figures, {number} migrants crossed the border last "
        "year.",
        "Local authorities in {city} committed to strengthening {topic}.",
        "The initiative builds on lessons learned since {year}.",
        "IOM will publish a report on {topic} later this year.",
        "Migrants, host communities and civil society took part in the consultations.",
        "The workshop covered referral mechanisms, data protection and {topic}.",
    ],
    "es": [
        "La Organización Internacional para las Migraciones (OIM) trabaja con el "
        "gobierno de {country} en {topic}.",
        "Más de {number} personas participaron en las actividades realizadas en "
        "{city}.",
        "El proyecto es financiado por la Unión Europea y se extiende hasta {year}.",
        "Los participantes analizaron {topic} y las necesidades de los migrantes "
        "en {city}.",
        "Según cifras oficiales, {number} migrantes cruzaron la frontera el año "
        "pasado.",
        "Las autoridades locales de {city} se comprometieron a fortalecer {topic}.",
        "La iniciativa se basa en las lecciones aprendidas desde {year}.",
        "La OIM publicará un informe sobre {topic} a finales de este año.",
        "Migrantes, comunidades de acogida y sociedad civil participaron en las "
        "consultas.",
        "El taller abordó los mecanismos de derivación, la protección de datos y "
        "{topic}.",
    ],
}
HEADINGS = {
    "en": ["Background", "Next steps", "About the project", "Key figures"],
    "es": ["Antecedentes", "Próximos pasos", "Sobre el proyecto", "Cifras clave"],
}
FIRST_NAMES = [
    "Ana",
    "Carlos",
    "María",
    "José",
    "Lucía",
    "Pedro",
    "Sofía",
    "Diego",
    "Valentina",
    "Andrés",
    "Camila",
    "Juan",
    "Isabel",
    "Mateo",
    "Paula",
]
LAST_NAMES = [
    "García",
    "Rodríguez",
    "Silva",
    "Fernández",
    "López",
    "Martínez",
    "Gómez",
    "Pérez",
    "Sánchez",
    "Romero",
    "Torres",
    "Flores",
    "Rojas",
]
ROLES = [
    "Communications officer",
    "Programme manager",
    "Chief of mission",
    "Media and communications assistant",
    "Project assistant",
    "Data analyst",
]
KEY_FIGURES = [
    ("International migrants", "million", "UN DESA"),
    ("Emigrants", "thousand", "UN DESA"),
    ("Remittances received", "million USD", "World Bank"),
]

# What a country office does in one of its programmes, in each language of
# the site: paragraphs of sentences with {country}, {city} and {programme}.
OFFICE_PROGRAMME_TEXTS = {
    "en": [
        "In {country}, IOM runs “{programme}” with national and local "
        "authorities, above all in {city}.",
        "The office trains public servants and civil society organisations, and "
        "helps migrants and the communities that receive them.",
        "What the teams learn is shared with the other offices of the region.",
    ],
    "es": [
        "En {country}, la OIM lleva adelante «{programme}» con las autoridades "
        "nacionales y locales, sobre todo en {city}.",
        "La oficina capacita a funcionarios públicos y a organizaciones de la "
        "sociedad civil, y apoya a los migrantes y a las comunidades que los "
        "reciben.",
        "Lo que aprenden los equipos se comparte con las demás oficinas de la región.",
    ],
    "pt": [
        "{country}: a OIM conduz “{programme}” com as autoridades nacionais e "
        "locais, sobretudo em {city}.",
        "O escritório capacita servidores públicos e organizações da sociedade "
        "civil, e apoia os migrantes e as comunidades que os recebem.",
        "O que as equipes aprendem é compartilhado com os outros escritórios da "
        "região.",
    ],
}
