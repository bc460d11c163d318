"""The demo's about pages in each language (``iomsite.demo.pages``): plain,
short texts, the same in English, Spanish (neutral Latin American) and
Brazilian Portuguese. ``{write_to}`` becomes whom to write to."""

# Whom to write to: the regional office's address, or (when it has none) the
# page of the offices and contacts.
WRITE_TO = {
    "en": "write to the regional office at {address}",
    "es": "escriba a la oficina regional a {address}",
    "pt": "escreva para o escritório regional no endereço {address}",
}
WRITE_TO_OFFICES = {
    "en": 'write to the regional office (its address is under <a href="'
    '{contacts}">Offices and contacts</a>)',
    "es": 'escriba a la oficina regional (su dirección está en la página <a href="'
    '{contacts}">Oficinas y contactos</a>)',
    "pt": 'escreva para o escritório regional (o endereço está na página <a href="'
    '{contacts}">Escritórios e contatos</a>)',
}

ACCESSIBILITY = {
    "en": (
        "Accessibility statement",
        "<p>We want everyone to be able to use this website, whatever their device, "
        "connection or abilities: also people who use a screen reader, the keyboard "
        "alone or zoom.</p>"
        "<h2>Our aim</h2>"
        "<p>The site aims to meet the Web Content Accessibility Guidelines (WCAG) "
        "2.2 at level AA, in English, Spanish and Portuguese.</p>"
        "<h2>How we test it</h2>"
        "<p>Before each release, every type of page is checked in each language, at "
        "phone and desktop widths:</p>"
        "<ul><li>automatically with axe-core, which finds many WCAG failures;</li>"
        "<li>with the Nu Html Checker (the W3C’s validator), so that the code is "
        "valid HTML that assistive technologies can read;</li>"
        "<li>by using the pages in a browser with the keyboard alone.</li></ul>"
        "<p>Automatic tools do not find every barrier.</p>"
        "<h2>Known limits</h2>"
        "<p>Some pages brought over from the old website may have images without a "
        "description, or documents that are hard to read with assistive technology. "
        "We fix them as we find them.</p>"
        "<h2>Tell us about a barrier</h2>"
        "<p>If something on this site is hard or impossible for you to use, "
        "{write_to}. Tell us the page and what happened: we will answer, and fix it "
        "or send you the information in another way.</p>",
    ),
    "es": (
        "Declaración de accesibilidad",
        "<p>Queremos que todas las personas puedan usar este sitio, con cualquier "
        "dispositivo o conexión y cualesquiera sean sus capacidades: también quienes "
        "usan un lector de pantalla, solo el teclado o la ampliación.</p>"
        "<h2>Nuestro objetivo</h2>"
        "<p>El sitio busca cumplir las Pautas de Accesibilidad para el Contenido Web "
        "(WCAG) 2.2 en el nivel AA, en español, inglés y portugués.</p>"
        "<h2>Cómo lo comprobamos</h2>"
        "<p>Antes de cada versión, revisamos cada tipo de página en cada idioma, en "
        "anchos de teléfono y de escritorio:</p>"
        "<ul><li>automáticamente con axe-core, que detecta muchos incumplimientos de "
        "las WCAG;</li>"
        "<li>con el Nu Html Checker (el validador del W3C), para que el código sea "
        "HTML válido que las tecnologías de apoyo puedan leer;</li>"
        "<li>usando las páginas en un navegador solo con el teclado.</li></ul>"
        "<p>Las herramientas automáticas no encuentran todas las barreras.</p>"
        "<h2>Limitaciones conocidas</h2>"
        "<p>Algunas páginas traídas del sitio anterior pueden tener imágenes sin "
        "descripción o documentos difíciles de leer con tecnologías de apoyo. Las "
        "corregimos a medida que las encontramos.</p>"
        "<h2>Avísenos de una barrera</h2>"
        "<p>Si algo de este sitio le resulta difícil o imposible de usar, {write_to}. "
        "Indíquenos la página y lo que ocurrió: le responderemos y lo corregiremos o "
        "le enviaremos la información de otra forma.</p>",
    ),
    "pt": (
        "Declaração de acessibilidade",
        "<p>Queremos que todas as pessoas possam usar este site, em qualquer "
        "aparelho ou conexão e quaisquer que sejam suas capacidades: também quem usa "
        "leitor de tela, apenas o teclado ou ampliação.</p>"
        "<h2>Nosso objetivo</h2>"
        "<p>O site busca atender às Diretrizes de Acessibilidade para Conteúdo Web "
        "(WCAG) 2.2 no nível AA, em português, espanhol e inglês.</p>"
        "<h2>Como testamos</h2>"
        "<p>Antes de cada versão, verificamos cada tipo de página em cada idioma, em "
        "larguras de celular e de computador:</p>"
        "<ul><li>automaticamente com o axe-core, que encontra muitas falhas em "
        "relação às WCAG;</li>"
        "<li>com o Nu Html Checker (o validador do W3C), para que o código seja HTML "
        "válido, que as tecnologias assistivas consigam ler;</li>"
        "<li>usando as páginas em um navegador apenas com o teclado.</li></ul>"
        "<p>Ferramentas automáticas não encontram todas as barreiras.</p>"
        "<h2>Limitações conhecidas</h2>"
        "<p>Algumas páginas trazidas do site antigo podem ter imagens sem descrição "
        "ou documentos difíceis de ler com tecnologias assistivas. Nós as corrigimos "
        "à medida que as encontramos.</p>"
        "<h2>Conte-nos sobre uma barreira</h2>"
        "<p>Se algo neste site for difícil ou impossível de usar, {write_to}. Diga "
        "qual página e o que aconteceu: responderemos e corrigiremos o problema ou "
        "enviaremos a informação de outra forma.</p>",
    ),
}

PRIVACY = {
    "en": (
        "Privacy",
        "<p>This page says, in plain words, what this website learns about you and "
        "what we do with it.</p>"
        "<h2>Reading the site</h2>"
        "<p>You need no account. The site uses no cookies to follow you and has no "
        "analytics, advertising or social-media trackers; its pages load nothing "
        "from social networks or advertisers.</p>"
        "<p>Like every web server, ours records each request: your device’s internet "
        "(IP) address, the page, the time and your browser’s name. We use these "
        "records only to keep the site working and secure, and keep them for a "
        "short time only.</p>"
        "<h2>Writing to us</h2>"
        "<p>If you write to one of our offices, we use your message and your contact "
        "details only to answer you, and we do not pass them on without your "
        "consent.</p>"
        "<h2>Your data and your rights</h2>"
        "<p>IOM handles personal data according to its data protection principles. "
        "To ask what we hold about you, or to have it corrected or deleted, "
        "{write_to}.</p>",
    ),
    "es": (
        "Privacidad",
        "<p>Esta página explica, en palabras sencillas, qué sabe este sitio sobre "
        "usted y qué hacemos con esa información.</p>"
        "<h2>Al leer el sitio</h2>"
        "<p>No necesita una cuenta. El sitio no usa cookies para seguirlo y no tiene "
        "herramientas de analítica, publicidad ni rastreadores de redes sociales; sus "
        "páginas no cargan nada de redes sociales ni de anunciantes.</p>"
        "<p>Como todo servidor web, el nuestro registra cada solicitud: la dirección "
        "de internet (IP) de su dispositivo, la página, la hora y el nombre de su "
        "navegador. Usamos estos registros solo para que el sitio funcione y sea "
        "seguro, y los conservamos por poco tiempo.</p>"
        "<h2>Si nos escribe</h2>"
        "<p>Si escribe a una de nuestras oficinas, usamos su mensaje y sus datos de "
        "contacto solo para responderle, y no los compartimos sin su "
        "consentimiento.</p>"
        "<h2>Sus datos y sus derechos</h2>"
        "<p>La OIM trata los datos personales según sus principios de protección de "
        "datos. Para saber qué datos suyos tenemos, o para pedir que se corrijan o "
        "se eliminen, {write_to}.</p>",
    ),
    "pt": (
        "Privacidade",
        "<p>Esta página explica, em palavras simples, o que este site fica sabendo "
        "sobre você e o que fazemos com isso.</p>"
        "<h2>Ao ler o site</h2>"
        "<p>Você não precisa de conta. O site não usa cookies para seguir você e não "
        "tem ferramentas de análise, publicidade nem rastreadores de redes sociais; "
        "suas páginas não carregam nada de redes sociais nem de anunciantes.</p>"
        "<p>Como todo servidor web, o nosso registra cada acesso: o endereço de "
        "internet (IP) do seu aparelho, a página, o horário e o nome do seu "
        "navegador. Usamos esses registros apenas para manter o site funcionando e "
        "seguro, e os guardamos por pouco tempo.</p>"
        "<h2>Se você nos escrever</h2>"
        "<p>Se você escrever para um dos nossos escritórios, usaremos sua mensagem e "
        "seus dados de contato apenas para responder, e não os compartilharemos sem "
        "o seu consentimento.</p>"
        "<h2>Seus dados e seus direitos</h2>"
        "<p>A OIM trata dados pessoais de acordo com seus princípios de proteção de "
        "dados. Para saber quais dados seus temos, ou pedir que sejam corrigidos ou "
        "apagados, {write_to}.</p>",
    ),
}

TERMS = {
    "en": (
        "Terms of use",
        "<p>By using this website you accept these terms. They are short.</p>"
        "<h2>Using our content</h2>"
        "<p>You may share, quote and link to the texts of this site, with credit to "
        "the International Organization for Migration (IOM) and a link to the page. "
        "Photos and documents may belong to others (their credit is shown with "
        "them): ask us before reusing them.</p>"
        "<h2>Information, not advice</h2>"
        "<p>We work to keep the information correct and up to date, but it can "
        "change and it is not legal advice. For visas, residence or asylum, check "
        "with the authorities of the country concerned.</p>"
        "<h2>Other websites</h2>"
        "<p>Links to other websites are there to help you; we are not responsible "
        "for their content.</p>"
        "<h2>IOM’s status</h2>"
        "<p>Nothing on this site limits or waives the privileges and immunities of "
        "IOM as an international organization.</p>"
        "<h2>Questions</h2>"
        "<p>For any question about these terms, {write_to}.</p>",
    ),
    "es": (
        "Condiciones de uso",
        "<p>Al usar este sitio, usted acepta estas condiciones. Son breves.</p>"
        "<h2>Uso de nuestros contenidos</h2>"
        "<p>Puede compartir, citar y enlazar los textos de este sitio, mencionando a "
        "la Organización Internacional para las Migraciones (OIM) y con un enlace a "
        "la página. Las fotos y los documentos pueden pertenecer a otras personas "
        "(su crédito figura junto a ellos): consúltenos antes de reutilizarlos.</p>"
        "<h2>Información, no asesoramiento</h2>"
        "<p>Procuramos que la información sea correcta y esté actualizada, pero "
        "puede cambiar y no constituye asesoramiento legal. Para visas, residencia o "
        "asilo, consulte a las autoridades del país correspondiente.</p>"
        "<h2>Otros sitios</h2>"
        "<p>Los enlaces a otros sitios buscan ayudarle; no somos responsables de su "
        "contenido.</p>"
        "<h2>Carácter de la OIM</h2>"
        "<p>Nada de lo que figura en este sitio limita los privilegios e inmunidades "
        "de la OIM como organización internacional ni implica renunciar a ellos.</p>"
        "<h2>Preguntas</h2>"
        "<p>Si tiene preguntas sobre estas condiciones, {write_to}.</p>",
    ),
    "pt": (
        "Termos de uso",
        "<p>Ao usar este site, você aceita estes termos. Eles são curtos.</p>"
        "<h2>Uso do nosso conteúdo</h2>"
        "<p>Você pode compartilhar, citar e criar links para os textos deste site, "
        "dando crédito à Organização Internacional para as Migrações (OIM) e com um "
        "link para a página. Fotos e documentos podem pertencer a outras pessoas (o "
        "crédito aparece junto a eles): consulte-nos antes de reutilizá-los.</p>"
        "<h2>Informação, não orientação jurídica</h2>"
        "<p>Trabalhamos para manter as informações corretas e atualizadas, mas elas "
        "podem mudar e não são orientação jurídica. Sobre vistos, residência ou "
        "refúgio, consulte as autoridades do país em questão.</p>"
        "<h2>Outros sites</h2>"
        "<p>Os links para outros sites existem para ajudar você; não somos "
        "responsáveis pelo conteúdo deles.</p>"
        "<h2>Natureza da OIM</h2>"
        "<p>Nada neste site limita os privilégios e imunidades da OIM como "
        "organização internacional nem implica renúncia a eles.</p>"
        "<h2>Dúvidas</h2>"
        "<p>Se tiver dúvidas sobre estes termos, {write_to}.</p>",
    ),
}

# By slug, with the order of the starter pages (pages/migrations/0002).
PAGES = {
    "accessibility": {"order": 20, "texts": ACCESSIBILITY},
    "privacy": {"order": 30, "texts": PRIVACY},
    "terms": {"order": 40, "texts": TERMS},
}
