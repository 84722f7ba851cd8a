"""Demo content for ``load_initial_data``: a Grenoble-style programme, in our own words.

Every text exists in French (the source), English and Spanish. Keys are stable
identifiers used to find what an earlier run created.
"""

HOME = {
    "fr": {
        "title": "Participation citoyenne",
        "introduction": "<p>Les conseils citoyens indépendants et les ateliers de projet citoyens permettent aux habitantes et habitants de préparer, avec la Ville, des recommandations sur des sujets qui les concernent. Chaque atelier réunit 30 personnes, dont 17 tirées au sort, et ses recommandations sont publiques.</p>",
    },
    "en": {
        "title": "Citizen participation",
        "introduction": "<p>The independent citizen councils and the citizen project workshops let residents prepare recommendations with the City on topics that affect them. Each workshop brings together 30 people, 17 of them drawn by lot, and its recommendations are public.</p>",
    },
    "es": {
        "title": "Participación ciudadana",
        "introduction": "<p>Los consejos ciudadanos independientes y los talleres de proyecto ciudadano permiten a los vecinos y vecinas preparar, junto con el Ayuntamiento, recomendaciones sobre temas que les afectan. Cada taller reúne a 30 personas, 17 de ellas elegidas por sorteo, y sus recomendaciones son públicas.</p>",
    },
}

THEMES = {
    "climate": {
        "fr": ("Climat et nature en ville", "Adapter la ville aux fortes chaleurs et faire plus de place au vivant."),
        "en": ("Climate and nature in the city", "Adapting the city to heatwaves and making room for nature."),
        "es": (
            "Clima y naturaleza en la ciudad",
            "Adaptar la ciudad a las olas de calor y dar más espacio a la naturaleza.",
        ),
    },
    "mobility": {
        "fr": ("Déplacements", "Se déplacer à pied, à vélo et en transports en commun."),
        "en": ("Getting around", "Moving about on foot, by bike and by public transport."),
        "es": ("Movilidad", "Desplazarse a pie, en bicicleta y en transporte público."),
    },
    "living_together": {
        "fr": ("Vivre ensemble", "La vie de quartier, le calme et l'animation, le partage de l'espace public."),
        "en": ("Living together", "Neighbourhood life, quiet and liveliness, sharing public space."),
        "es": ("Convivencia", "La vida de barrio, la tranquilidad y la animación, el espacio público compartido."),
    },
}

TERRITORIES = {
    "north": {
        "fr": ("Secteurs 1 et 2", "Les quartiers du nord et du centre de la ville."),
        "en": ("Sectors 1 and 2", "The neighbourhoods in the north and centre of the city."),
        "es": ("Sectores 1 y 2", "Los barrios del norte y del centro de la ciudad."),
        "districts": ["Berriat", "Saint-Bruno", "Europole", "Île Verte", "Championnet"],
    },
    "south": {
        "fr": ("Secteurs 5 et 6", "Les quartiers du sud de la ville."),
        "en": ("Sectors 5 and 6", "The neighbourhoods in the south of the city."),
        "es": ("Sectores 5 y 6", "Los barrios del sur de la ciudad."),
        "districts": ["Villeneuve", "Village Olympique", "Teisseire", "Abbaye", "Capuche"],
    },
}

COUNCIL_INDEX = {
    "fr": {
        "title": "Conseils citoyens",
        "slug": "conseils-citoyens",
        "introduction": "<p>Les conseils citoyens indépendants donnent leur avis sur la vie de leur territoire, proposent des sujets d'ateliers et y envoient des membres.</p>",
    },
    "en": {
        "title": "Citizen councils",
        "slug": "citizen-councils",
        "introduction": "<p>The independent citizen councils give their view on life in their territory, propose workshop topics and send members to the workshops.</p>",
    },
    "es": {
        "title": "Consejos ciudadanos",
        "slug": "consejos-ciudadanos",
        "introduction": "<p>Los consejos ciudadanos independientes opinan sobre la vida de su territorio, proponen temas de talleres y envían a sus miembros a participar.</p>",
    },
}

COUNCILS = {
    "north": {
        "fr": {
            "title": "Conseil citoyen indépendant des secteurs 1 et 2",
            "slug": "conseil-secteurs-1-2",
            "description": "<p>Le conseil réunit des habitantes et habitants volontaires et tirés au sort des secteurs 1 et 2. Il est indépendant de la municipalité et choisit lui-même ses sujets.</p>",
            "how_to_take_part": "<p>Toute personne de plus de 16 ans qui vit, travaille ou étudie dans le territoire peut rejoindre le conseil. Il se réunit un soir par mois dans une maison des habitants ; les réunions sont ouvertes au public.</p>",
            "roles": ["Co-présidente", "Co-président", "Membre"],
        },
        "en": {
            "title": "Independent citizen council of sectors 1 and 2",
            "slug": "council-sectors-1-2",
            "description": "<p>The council brings together residents of sectors 1 and 2, some volunteers and some drawn by lot. It is independent of the municipality and chooses its own topics.</p>",
            "how_to_take_part": "<p>Anyone over 16 who lives, works or studies in the territory can join the council. It meets one evening a month in a community centre; meetings are open to the public.</p>",
            "roles": ["Co-chair", "Co-chair", "Member"],
        },
        "es": {
            "title": "Consejo ciudadano independiente de los sectores 1 y 2",
            "slug": "consejo-sectores-1-2",
            "description": "<p>El consejo reúne a vecinos y vecinas de los sectores 1 y 2, voluntarios y elegidos por sorteo. Es independiente del Ayuntamiento y elige sus propios temas.</p>",
            "how_to_take_part": "<p>Cualquier persona mayor de 16 años que viva, trabaje o estudie en el territorio puede unirse al consejo. Se reúne una tarde al mes en un centro vecinal; las reuniones están abiertas al público.</p>",
            "roles": ["Copresidenta", "Copresidente", "Miembro"],
        },
        "members": ["Amina Belkacem", "Julien Roux", "Colette Marchand"],
        "email": "conseil-nord@example.org",
    },
    "south": {
        "fr": {
            "title": "Conseil citoyen indépendant des secteurs 5 et 6",
            "slug": "conseil-secteurs-5-6",
            "description": "<p>Le conseil des secteurs 5 et 6 suit de près les projets de rénovation urbaine et la vie des écoles du sud de la ville.</p>",
            "how_to_take_part": "<p>Venez à une réunion mensuelle, sans inscription préalable, ou écrivez au conseil. Une garde d'enfants est proposée pendant les réunions.</p>",
            "roles": ["Co-présidente", "Membre", "Membre"],
        },
        "en": {
            "title": "Independent citizen council of sectors 5 and 6",
            "slug": "council-sectors-5-6",
            "description": "<p>The council of sectors 5 and 6 follows closely the urban renewal projects and school life in the south of the city.</p>",
            "how_to_take_part": "<p>Come to a monthly meeting, no need to register, or write to the council. Childcare is offered during meetings.</p>",
            "roles": ["Co-chair", "Member", "Member"],
        },
        "es": {
            "title": "Consejo ciudadano independiente de los sectores 5 y 6",
            "slug": "consejo-sectores-5-6",
            "description": "<p>El consejo de los sectores 5 y 6 sigue de cerca los proyectos de renovación urbana y la vida de las escuelas del sur de la ciudad.</p>",
            "how_to_take_part": "<p>Venga a una reunión mensual, sin inscripción previa, o escriba al consejo. Se ofrece cuidado infantil durante las reuniones.</p>",
            "roles": ["Copresidenta", "Miembro", "Miembro"],
        },
        "members": ["Fatou Diallo", "Marc Girard", "Lucía Fernández"],
        "email": "conseil-sud@example.org",
    },
}

WORKSHOP_INDEX = {
    "fr": {
        "title": "Ateliers de projet citoyens",
        "slug": "ateliers",
        "introduction": "<p>La Ville a proposé cinq sujets, les conseils citoyens en ont priorisé trois, et le conseil municipal a officialisé ce choix. Chaque atelier se réunit en quatre séances et remet un rapport de recommandations.</p>",
    },
    "en": {
        "title": "Citizen project workshops",
        "slug": "workshops",
        "introduction": "<p>The City proposed five topics, the citizen councils prioritised three of them, and the municipal council made the choice official. Each workshop meets over four sessions and hands in a report of recommendations.</p>",
    },
    "es": {
        "title": "Talleres de proyecto ciudadano",
        "slug": "talleres",
        "introduction": "<p>El Ayuntamiento propuso cinco temas, los consejos ciudadanos priorizaron tres y el pleno municipal oficializó la elección. Cada taller se reúne en cuatro sesiones y entrega un informe de recomendaciones.</p>",
    },
}

VOLUNTEER_ORIGINS = [
    (
        6,
        {
            "fr": "Membres des conseils citoyens indépendants",
            "en": "Members of the independent citizen councils",
            "es": "Miembros de los consejos ciudadanos independientes",
        },
    ),
    (
        6,
        {
            "fr": "Membres des unions de quartier",
            "en": "Members of neighbourhood unions",
            "es": "Miembros de las asociaciones de vecinos",
        },
    ),
    (
        1,
        {
            "fr": "Membre du conseil consultatif des résidents étrangers",
            "en": "Member of the consultative council of foreign residents",
            "es": "Miembro del consejo consultivo de residentes extranjeros",
        },
    ),
]

SESSION_TITLES = [
    {
        "fr": (
            "Séance 1 : découvrir le sujet",
            "Présentation du sujet et des attentes de la Ville, rencontre avec les services.",
        ),
        "en": (
            "Session 1: discovering the topic",
            "The topic and the City's expectations, meeting the municipal departments.",
        ),
        "es": (
            "Sesión 1: descubrir el tema",
            "Presentación del tema y de las expectativas del Ayuntamiento, encuentro con los servicios municipales.",
        ),
    },
    {
        "fr": (
            "Séance 2 : écouter les points de vue",
            "Auditions d'expertes, d'experts et d'associations ; visite de terrain.",
        ),
        "en": ("Session 2: hearing every side", "Hearings with experts and associations; a site visit."),
        "es": (
            "Sesión 2: escuchar todas las voces",
            "Audiencias con personas expertas y asociaciones; visita sobre el terreno.",
        ),
    },
    {
        "fr": ("Séance 3 : imaginer des solutions", "Travail en petits groupes sur des propositions."),
        "en": ("Session 3: imagining solutions", "Working on proposals in small groups."),
        "es": ("Sesión 3: imaginar soluciones", "Trabajo en pequeños grupos sobre propuestas."),
    },
    {
        "fr": ("Séance 4 : adopter les recommandations", "Rédaction et vote des recommandations remises à la Ville."),
        "en": (
            "Session 4: adopting the recommendations",
            "Writing and voting on the recommendations handed to the City.",
        ),
        "es": (
            "Sesión 4: aprobar las recomendaciones",
            "Redacción y votación de las recomendaciones entregadas al Ayuntamiento.",
        ),
    },
]

# Each workshop: stage, theme, territory, days from today of its first session (sessions are two weeks apart).
WORKSHOPS = {
    "heat": {
        "status": "in_session",
        "theme": "climate",
        "territory": None,
        "first_session_in_days": -20,
        "venue": ("Maison des habitants du centre-ville", "2 rue du Vieux-Temple, 38000 Grenoble"),
        "fr": {
            "title": "Une ville plus fraîche en été",
            "slug": "ville-plus-fraiche",
            "topic": "Comment rendre les rues, les écoles et les logements vivables pendant les vagues de chaleur ?",
            "city_expectations": "<p>La Ville attend des propositions concrètes pour les cours d'école, les places et les trajets du quotidien, avec des priorités par quartier. Elle s'engage à répondre à chaque recommandation par une délibération du conseil municipal.</p>",
            "accessibility_notes": "<p>Salles accessibles en fauteuil, boucle magnétique, frais de transport remboursés.</p>",
        },
        "en": {
            "title": "A cooler city in summer",
            "slug": "cooler-city",
            "topic": "How can streets, schools and homes stay liveable during heatwaves?",
            "city_expectations": "<p>The City expects concrete proposals for school playgrounds, squares and everyday routes, with priorities for each neighbourhood. It commits to answer every recommendation in a deliberation of the municipal council.</p>",
            "accessibility_notes": "<p>Wheelchair-accessible rooms, hearing loop, travel costs refunded.</p>",
        },
        "es": {
            "title": "Una ciudad más fresca en verano",
            "slug": "ciudad-mas-fresca",
            "topic": "¿Cómo hacer que calles, escuelas y viviendas sigan siendo habitables durante las olas de calor?",
            "city_expectations": "<p>El Ayuntamiento espera propuestas concretas para los patios escolares, las plazas y los trayectos cotidianos, con prioridades por barrio. Se compromete a responder a cada recomendación mediante un acuerdo del pleno municipal.</p>",
            "accessibility_notes": "<p>Salas accesibles en silla de ruedas, bucle magnético, gastos de transporte reembolsados.</p>",
        },
    },
    "night": {
        "status": "call_for_candidates",
        "interpretation": True,
        "theme": "living_together",
        "territory": "north",
        "first_session_in_days": 30,
        "venue": ("Salle polyvalente Berriat", "15 rue Ampère, 38000 Grenoble"),
        "fr": {
            "title": "La nuit en ville : calme et animation",
            "slug": "la-nuit-en-ville",
            "topic": "Comment concilier le sommeil des riverains et la vie nocturne des quartiers ?",
            "city_expectations": "<p>La Ville souhaite des règles partagées pour les terrasses, les horaires et la médiation de nuit, testables dès l'été prochain.</p>",
            "accessibility_notes": "<p>Interprétation en langue des signes sur demande une semaine avant chaque séance.</p>",
        },
        "en": {
            "title": "The city at night: quiet and lively",
            "slug": "city-at-night",
            "topic": "How can residents' sleep and the neighbourhoods' night life go together?",
            "city_expectations": "<p>The City wants shared rules for terraces, opening hours and night-time mediation that can be tried out from next summer.</p>",
            "accessibility_notes": "<p>Sign-language interpretation on request one week before each session.</p>",
        },
        "es": {
            "title": "La noche en la ciudad: descanso y animación",
            "slug": "la-noche-en-la-ciudad",
            "topic": "¿Cómo conciliar el descanso de los vecinos con la vida nocturna de los barrios?",
            "city_expectations": "<p>El Ayuntamiento desea normas compartidas para terrazas, horarios y mediación nocturna, que puedan probarse a partir del próximo verano.</p>",
            "accessibility_notes": "<p>Interpretación en lengua de signos a petición, una semana antes de cada sesión.</p>",
        },
    },
    "school_routes": {
        "status": "recommendations_delivered",
        "theme": "mobility",
        "territory": "south",
        "first_session_in_days": -150,
        "venue": ("Maison des habitants Le Patio", "97 galerie de l'Arlequin, 38100 Grenoble"),
        "fr": {
            "title": "Aller à l'école à pied et à vélo",
            "slug": "aller-a-l-ecole",
            "topic": "Comment rendre les trajets vers l'école sûrs et agréables pour les enfants ?",
            "city_expectations": "<p>La Ville attendait un plan d'actions pour les abords des écoles du sud de la ville : rues scolaires, pédibus, stationnement vélo.</p>",
            "accessibility_notes": "",
        },
        "en": {
            "title": "Walking and cycling to school",
            "slug": "walking-cycling-to-school",
            "topic": "How can children's journeys to school be made safe and pleasant?",
            "city_expectations": "<p>The City expected an action plan for the surroundings of schools in the south of the city: school streets, walking buses, bike parking.</p>",
            "accessibility_notes": "",
        },
        "es": {
            "title": "Ir a la escuela a pie y en bicicleta",
            "slug": "ir-a-la-escuela",
            "topic": "¿Cómo hacer que los trayectos a la escuela sean seguros y agradables para los niños?",
            "city_expectations": "<p>El Ayuntamiento esperaba un plan de acción para los alrededores de las escuelas del sur de la ciudad: calles escolares, pedibús, aparcamiento de bicicletas.</p>",
            "accessibility_notes": "",
        },
    },
}

HOW_IT_WORKS = {
    "fr": {
        "title": "Comment fonctionnent les ateliers",
        "slug": "comment-ca-marche",
        "introduction": "Qui peut participer, comment s'inscrire et ce que deviennent les recommandations.",
        "faq": [
            (
                "Faut-il s'inscrire ?",
                "<p>Oui pour les séances de travail, qui ont un nombre de places limité ; chaque page de séance indique les places restantes. Certaines séances sont ouvertes à toutes et à tous.</p>",
            ),
            (
                "Y a-t-il un nombre maximum de participants ?",
                "<p>Un atelier compte 30 membres : 17 habitantes et habitants tirés au sort et 13 volontaires (6 des conseils citoyens, 6 des unions de quartier, 1 du conseil consultatif des résidents étrangers).</p>",
            ),
            (
                "Quelles conditions pour être tiré au sort ?",
                "<p>Avoir plus de 16 ans et habiter la ville. Le tirage respecte la parité et la diversité des âges et des quartiers.</p>",
            ),
            (
                "Quel impact ont les recommandations ?",
                "<p>Chaque rapport reçoit une réponse du conseil municipal par une délibération qui fixe les actions à mener. Le suivi de chaque recommandation est public.</p>",
            ),
        ],
    },
    "en": {
        "title": "How the workshops work",
        "slug": "how-it-works",
        "introduction": "Who can take part, how to register and what becomes of the recommendations.",
        "faq": [
            (
                "Is registration required?",
                "<p>Yes for working sessions, which have a limited number of seats; each session page shows the seats left. Some sessions are open to everyone.</p>",
            ),
            (
                "Is there a maximum number of participants?",
                "<p>A workshop has 30 members: 17 residents drawn by lot and 13 volunteers (6 from the citizen councils, 6 from neighbourhood unions, 1 from the consultative council of foreign residents).</p>",
            ),
            (
                "What are the requirements to be drawn?",
                "<p>Being over 16 and living in the city. The draw respects gender parity and diversity of age and neighbourhood.</p>",
            ),
            (
                "What impact do the recommendations have?",
                "<p>Every report is answered by the municipal council in a deliberation that sets the actions to carry out. The follow-up of each recommendation is public.</p>",
            ),
        ],
    },
    "es": {
        "title": "Cómo funcionan los talleres",
        "slug": "como-funcionan",
        "introduction": "Quién puede participar, cómo inscribirse y qué pasa con las recomendaciones.",
        "faq": [
            (
                "¿Hay que inscribirse?",
                "<p>Sí para las sesiones de trabajo, que tienen plazas limitadas; cada página de sesión muestra las plazas disponibles. Algunas sesiones están abiertas a todo el mundo.</p>",
            ),
            (
                "¿Hay un número máximo de participantes?",
                "<p>Un taller tiene 30 miembros: 17 vecinos y vecinas elegidos por sorteo y 13 voluntarios (6 de los consejos ciudadanos, 6 de las asociaciones de vecinos, 1 del consejo consultivo de residentes extranjeros).</p>",
            ),
            (
                "¿Qué requisitos hay para ser elegido?",
                "<p>Tener más de 16 años y vivir en la ciudad. El sorteo respeta la paridad y la diversidad de edades y barrios.</p>",
            ),
            (
                "¿Qué impacto tienen las recomendaciones?",
                "<p>Cada informe recibe la respuesta del pleno municipal mediante un acuerdo que fija las acciones a realizar. El seguimiento de cada recomendación es público.</p>",
            ),
        ],
    },
}

PRIVACY = {
    "fr": {
        "title": "Données personnelles",
        "slug": "donnees-personnelles",
        "introduction": "Ce que nous collectons, pourquoi, combien de temps nous le gardons, et vos droits.",
        "body": (
            "<h2>Qui est responsable</h2><p>La Ville, pour l'organisation de la participation citoyenne. "
            "Pour toute question ou pour exercer vos droits, écrivez à l'adresse de contact en bas de page.</p>"
            "<h2>Ce que nous collectons et pourquoi</h2><ul>"
            "<li>Votre compte : adresse électronique, nom public, langue des courriels, pour vous connecter et vous écrire.</li>"
            "<li>Vos inscriptions : nom, adresse électronique, quartier, garde d'enfants et besoins d'accessibilité, "
            "pour organiser la séance. Seuls les organisateurs voient les besoins d'accessibilité.</li>"
            "<li>Vos commentaires et questions, publiés sous votre nom public, et la partie réseau de votre adresse IP "
            "(jamais l'adresse complète), pour la modération.</li>"
            "<li>Votre candidature au tirage au sort : vos réponses (genre, âge, quartier) pour respecter les quotas. "
            "Le relevé public du tirage ne montre aucun nom, et ne donne vos réponses que si au moins cinq personnes "
            "ont donné les mêmes.</li></ul>"
            "<h2>Combien de temps</h2><ul>"
            "<li>Inscriptions : un an après la séance, puis seules des statistiques sans nom restent.</li>"
            "<li>Inscriptions jamais confirmées par courriel : sept jours.</li>"
            "<li>Partie réseau de l'adresse IP d'un commentaire : 90 jours.</li>"
            "<li>Nom et adresse des personnes non tirées au sort : 180 jours après le tirage.</li>"
            "<li>Votre compte : jusqu'à ce que vous le supprimiez.</li></ul>"
            "<h2>Vos droits</h2><p>Depuis votre espace, vous pouvez télécharger toutes vos données, les corriger, "
            "effacer vos inscriptions ou supprimer votre compte. Vous pouvez aussi saisir l'autorité de protection "
            "des données de votre pays (en France, la CNIL).</p>"
        ),
    },
    "en": {
        "title": "Personal data",
        "slug": "personal-data",
        "introduction": "What we collect, why, how long we keep it, and your rights.",
        "body": (
            "<h2>Who is responsible</h2><p>The City, to organise citizen participation. For any question, or to "
            "use your rights, write to the contact address at the bottom of the page.</p>"
            "<h2>What we collect and why</h2><ul>"
            "<li>Your account: email address, public name, language for emails, to sign you in and write to you.</li>"
            "<li>Your registrations: name, email address, district, childcare and access needs, to organise the "
            "session. Only the organisers see access needs.</li>"
            "<li>Your comments and questions, published under your public name, and the network part of your IP "
            "address (never the whole address), for moderation.</li>"
            "<li>Your candidacy for a draw by lot: your answers (gender, age, district) to meet the quotas. The "
            "draw's public record shows no name, and gives your answers only if at least five people gave the "
            "same ones.</li></ul>"
            "<h2>How long</h2><ul>"
            "<li>Registrations: one year after the session; then only statistics without names remain.</li>"
            "<li>Registrations never confirmed by email: seven days.</li>"
            "<li>The network part of a comment's IP address: 90 days.</li>"
            "<li>Names and addresses of people not drawn: 180 days after the draw.</li>"
            "<li>Your account: until you delete it.</li></ul>"
            "<h2>Your rights</h2><p>From your space you can download all your data, correct it, erase your "
            "registrations or delete your account. You may also complain to your country's data protection "
            "authority.</p>"
        ),
    },
    "es": {
        "title": "Datos personales",
        "slug": "datos-personales",
        "introduction": "Qué recogemos, por qué, cuánto tiempo lo guardamos y cuáles son sus derechos.",
        "body": (
            "<h2>Quién es responsable</h2><p>La Ciudad, para organizar la participación ciudadana. Para cualquier "
            "pregunta o para ejercer sus derechos, escriba a la dirección de contacto al pie de la página.</p>"
            "<h2>Qué recogemos y por qué</h2><ul>"
            "<li>Su cuenta: correo electrónico, nombre público e idioma de los correos, para identificarle y "
            "escribirle.</li>"
            "<li>Sus inscripciones: nombre, correo, barrio, cuidado infantil y necesidades de accesibilidad, para "
            "organizar la sesión. Solo los organizadores ven las necesidades de accesibilidad.</li>"
            "<li>Sus comentarios y preguntas, publicados con su nombre público, y la parte de red de su dirección "
            "IP (nunca la dirección completa), para la moderación.</li>"
            "<li>Su candidatura al sorteo: sus respuestas (género, edad, barrio) para cumplir las cuotas. El "
            "registro público del sorteo no muestra ningún nombre y solo da sus respuestas si al menos cinco "
            "personas dieron las mismas.</li></ul>"
            "<h2>Cuánto tiempo</h2><ul>"
            "<li>Inscripciones: un año después de la sesión; después solo quedan estadísticas sin nombres.</li>"
            "<li>Inscripciones nunca confirmadas por correo: siete días.</li>"
            "<li>La parte de red de la dirección IP de un comentario: 90 días.</li>"
            "<li>Nombres y direcciones de las personas no sorteadas: 180 días después del sorteo.</li>"
            "<li>Su cuenta: hasta que la elimine.</li></ul>"
            "<h2>Sus derechos</h2><p>Desde su espacio puede descargar todos sus datos, corregirlos, borrar sus "
            "inscripciones o eliminar su cuenta. También puede reclamar ante la autoridad de protección de datos "
            "de su país.</p>"
        ),
    },
}

ACCESSIBILITY = {
    "fr": {
        "title": "Accessibilité",
        "slug": "accessibilite",
        "introduction": "Déclaration d'accessibilité du portail de la participation citoyenne.",
        "body": "<p>La Ville s'engage à rendre ce portail accessible à toutes et à tous, conformément au référentiel général d'amélioration de l'accessibilité (RGAA 4.1), qui reprend les critères WCAG 2.1 niveau AA. Chaque type de page et chaque formulaire est audité automatiquement, en français, en anglais et en espagnol, sur ordinateur et sur téléphone, avant chaque mise en ligne.</p><p>Si vous ne pouvez pas accéder à un contenu ou à un service, écrivez-nous à l'adresse de contact en bas de page : nous vous répondrons et vous proposerons une autre façon d'y accéder.</p>",
    },
    "en": {
        "title": "Accessibility",
        "slug": "accessibility",
        "introduction": "Accessibility statement of the citizen participation portal.",
        "body": "<p>The City is committed to making this portal accessible to everyone, following WCAG 2.1 level AA. Every page type and every form is audited automatically, in French, English and Spanish, on a computer and on a phone, before each release.</p><p>If you cannot reach some content or a service, write to the contact address at the bottom of the page: we will answer and offer another way to reach it.</p>",
    },
    "es": {
        "title": "Accesibilidad",
        "slug": "accesibilidad",
        "introduction": "Declaración de accesibilidad del portal de participación ciudadana.",
        "body": "<p>La Ciudad se compromete a que este portal sea accesible para todas las personas, según las pautas WCAG 2.1 nivel AA. Cada tipo de página y cada formulario se audita automáticamente, en francés, inglés y español, en ordenador y en teléfono, antes de cada publicación.</p><p>Si no puede acceder a un contenido o a un servicio, escríbanos a la dirección de contacto al pie de la página: le responderemos y le ofreceremos otra forma de acceder.</p>",
    },
}

# The city's identity in the demo (Settings → Branding): Grenoble-like, with a logo drawn at load time.
BRANDING = {
    "city_name": "Grenoble",
    "primary_colour": "#00558c",
    "accent_colour": "#f5c342",
    "contact_email": "participation@grenoble.example",
    "contact_phone": "04 76 00 00 00",
    "contact_address": "Hôtel de Ville\n11 boulevard Jean Pain\n38000 Grenoble",
    "footer_links": [("Ville de Grenoble", "https://www.grenoble.fr/")],
    "social_accounts": [
        ("mastodon", "https://mastodon.social/@grenoble"),
        ("youtube", "https://www.youtube.com/@villedegrenoble"),
    ],
}

# username, email, password, group (None for residents), superuser
USERS = [
    ("admin", "admin@example.org", "demo-admin-pass", None, True),
    ("editor", "editor@example.org", "demo-editor-pass", "Editors", False),
    ("moderator", "moderator@example.org", "demo-moderator-pass", "Moderators", False),
    ("organiser", "organiser@example.org", "demo-organiser-pass", "Organisers", False),
    ("camille", "camille@example.org", "demo-resident-pass", None, False),
    ("santiago", "santiago@example.org", "demo-resident-pass", None, False),
]

# The discussion on the heat workshop: (author, language, text, replies); questions: (author, language, text, answer).
DISCUSSION_WORKSHOP = "ville-plus-fraiche"
COMMENTS = [
    (
        "camille",
        "fr",
        "Dans la cour de l'école Jean-Jaurès, il n'y a pas un arbre. Les enfants restent à l'intérieur dès 11 h en juin.\nPourquoi ne pas commencer par les cours d'école ?",
        [
            (
                "santiago",
                "es",
                "Totalmente de acuerdo. En Barcelona los «patios refugio» funcionaron bien: https://www.barcelona.cat/",
                [
                    ("camille", "fr", "Merci pour l'exemple, je ne connaissais pas.", []),
                ],
            ),
        ],
    ),
    (
        "santiago",
        "es",
        "Las fuentes de agua potable del centro están cerradas en verano. ¿Se podrían abrir antes de julio?",
        [],
    ),
    (
        "camille",
        "fr",
        "Les séances du soir sont une bonne idée : je travaille en journée et j'ai pu m'inscrire.",
        [],
    ),
]
QUESTIONS = [
    (
        "santiago",
        "es",
        "¿Hay que vivir en Grenoble para participar en las sesiones abiertas?",
        "Non : les séances ouvertes à tous accueillent aussi les personnes qui travaillent ou étudient à Grenoble. Seul le tirage au sort est réservé aux habitants de 16 ans et plus.",
    ),
    ("camille", "fr", "Les recommandations seront-elles publiées avant le vote du conseil municipal ?", None),
]

# The draw of the night workshop: an imported pool of this size, and parity, age and district quotas for 17 seats.
DRAW_WORKSHOP = "la-nuit-en-ville"
DRAW_POOL_SIZE = 150
DRAW_RANDOMNESS_METHOD = {
    "fr": "Cinq dés à dix faces lancés en public à la réunion du conseil citoyen nord ; les chiffres sont saisis dans l'ordre où ils sont lus.",
}
