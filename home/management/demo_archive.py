"""Demo content of the archive: the report of the school routes workshop, its twelve
recommendations with the City's answers, actions and milestones, and the archive's pages."""

import datetime

D = datetime.date
REPORT_WORKSHOP = "aller-a-l-ecole"

REPORT = {
    "delivered_on": D(2026, 5, 20),
    "presented_to_executive_on": D(2026, 6, 8),
    "presented_to_council_on": D(2026, 7, 6),
    "deliberation_number": "2026-DEL-0142",
    "deliberation_date": D(2026, 9, 28),
    "fr": {
        "title": "Rapport de l'atelier : aller à l'école à pied et à vélo",
        "slug": "rapport",
        "summary": "<p>Après quatre séances, les 30 membres de l'atelier ont remis douze recommandations pour des trajets vers l'école plus sûrs et plus agréables.</p>",
        "deliberation_title": "Réponse de la Ville aux recommandations de l'atelier « Aller à l'école à pied et à vélo »",
    },
    "en": {
        "title": "Workshop report: walking and cycling to school",
        "slug": "report",
        "summary": "<p>After four sessions, the 30 members of the workshop handed over twelve recommendations for safer and more pleasant journeys to school.</p>",
        "deliberation_title": "The City's answer to the recommendations of the workshop “Walking and cycling to school”",
    },
    "es": {
        "title": "Informe del taller: ir a la escuela a pie y en bicicleta",
        "slug": "informe",
        "summary": "<p>Tras cuatro sesiones, los 30 miembros del taller entregaron doce recomendaciones para trayectos a la escuela más seguros y agradables.</p>",
        "deliberation_title": "Respuesta del Ayuntamiento a las recomendaciones del taller «Ir a la escuela a pie y en bicicleta»",
    },
}

SERVICES = {
    "public_space": ("Direction de l'espace public", "Public space department", "Dirección del espacio público"),
    "education": ("Direction de l'éducation", "Education department", "Dirección de educación"),
    "mobility": ("Service des mobilités", "Mobility service", "Servicio de movilidad"),
    "police": ("Police municipale", "Municipal police", "Policía municipal"),
}

# Each: answer, answered on, theme, territory, texts per language (title, text, reasons),
# institutions (per language), actions (texts, service, status, percent, due), milestones (date, texts).
RECOMMENDATIONS = [
    {
        "answer": "accepted",
        "answered_on": D(2026, 9, 28),
        "theme": "mobility",
        "territory": "south",
        "fr": (
            "Une rue scolaire devant chaque école",
            "Fermer aux voitures la rue de chaque école aux heures d'entrée et de sortie.",
            "La Ville généralise les rues scolaires : elles ont fait baisser la pollution et le danger là où elles ont été essayées.",
        ),
        "en": (
            "A school street at every school",
            "Close the street of every school to cars when children arrive and leave.",
            "The City extends school streets everywhere: they cut pollution and danger where they were tried.",
        ),
        "es": (
            "Una calle escolar en cada escuela",
            "Cerrar a los coches la calle de cada escuela a las horas de entrada y salida.",
            "El Ayuntamiento generaliza las calles escolares: redujeron la contaminación y el peligro donde se probaron.",
        ),
        "actions": [
            (
                (
                    "Fermer six rues d'écoles aux heures d'entrée et de sortie",
                    "Close six school streets at arrival and departure times",
                    "Cerrar seis calles escolares a las horas de entrada y salida",
                ),
                "public_space",
                "in_progress",
                50,
                D(2027, 6, 30),
            ),
            (
                (
                    "Évaluer les rues scolaires après un an",
                    "Assess the school streets after one year",
                    "Evaluar las calles escolares al cabo de un año",
                ),
                "mobility",
                "not_started",
                0,
                D(2027, 9, 30),
            ),
        ],
        "milestones": [
            (
                D(2026, 11, 2),
                (
                    "Trois premières rues scolaires ouvertes",
                    "First three school streets open",
                    "Abiertas las tres primeras calles escolares",
                ),
            )
        ],
    },
    {
        "answer": "accepted",
        "answered_on": D(2026, 9, 28),
        "theme": "mobility",
        "territory": "south",
        "fr": (
            "Des pédibus dans tous les quartiers",
            "Organiser des pédibus accompagnés par des parents et des bénévoles.",
            "Les pédibus coûtent peu et rassurent les familles ; la Ville forme et assure les accompagnateurs.",
        ),
        "en": (
            "Walking buses in every neighbourhood",
            "Organise walking buses led by parents and volunteers.",
            "Walking buses cost little and reassure families; the City trains and insures the volunteers.",
        ),
        "es": (
            "Pedibuses en todos los barrios",
            "Organizar pedibuses acompañados por madres, padres y voluntarios.",
            "Los pedibuses cuestan poco y tranquilizan a las familias; el Ayuntamiento forma y asegura a los acompañantes.",
        ),
        "actions": [
            (
                (
                    "Recruter et former 40 accompagnateurs",
                    "Recruit and train 40 volunteers",
                    "Reclutar y formar a 40 acompañantes",
                ),
                "education",
                "done",
                100,
                D(2026, 10, 15),
            ),
        ],
        "milestones": [
            (
                D(2026, 10, 5),
                (
                    "Premier pédibus sur la ligne du Patio",
                    "First walking bus on the Patio line",
                    "Primer pedibús en la línea del Patio",
                ),
            )
        ],
    },
    {
        "answer": "partially_accepted",
        "answered_on": D(2026, 9, 28),
        "theme": "mobility",
        "territory": "south",
        "fr": (
            "Un parking à vélos abrité dans chaque école",
            "Installer des arceaux abrités et sûrs dans la cour de chaque école.",
            "La Ville équipe d'abord les dix écoles où la demande est la plus forte ; les autres suivront selon le budget.",
        ),
        "en": (
            "Covered bike parking at every school",
            "Install safe, covered bike racks in every school yard.",
            "The City starts with the ten schools where demand is highest; the others will follow as the budget allows.",
        ),
        "es": (
            "Aparcamiento cubierto para bicicletas en cada escuela",
            "Instalar aparcabicis cubiertos y seguros en el patio de cada escuela.",
            "El Ayuntamiento empieza por las diez escuelas con más demanda; las demás seguirán según el presupuesto.",
        ),
        "actions": [
            (
                (
                    "Installer des arceaux abrités dans dix écoles",
                    "Install covered racks at ten schools",
                    "Instalar aparcabicis cubiertos en diez escuelas",
                ),
                "public_space",
                "in_progress",
                30,
                D(2027, 3, 31),
            ),
        ],
        "milestones": [],
    },
    {
        "answer": "accepted",
        "answered_on": D(2026, 9, 28),
        "theme": "mobility",
        "territory": None,
        "fr": (
            "Zone 30 autour de toutes les écoles",
            "Limiter la vitesse à 30 km/h dans un rayon de 300 mètres autour des écoles.",
            "La mesure prolonge la ville à 30 km/h et se met en place avec de simples panneaux.",
        ),
        "en": (
            "30 km/h around every school",
            "Limit speed to 30 km/h within 300 metres of every school.",
            "The measure extends the 30 km/h city and needs only road signs.",
        ),
        "es": (
            "Zona 30 alrededor de todas las escuelas",
            "Limitar la velocidad a 30 km/h en un radio de 300 metros alrededor de las escuelas.",
            "La medida amplía la ciudad a 30 km/h y solo requiere señales.",
        ),
        "actions": [
            (
                (
                    "Passer les abords des douze écoles en zone 30",
                    "Make the surroundings of twelve schools 30 km/h zones",
                    "Convertir en zona 30 el entorno de doce escuelas",
                ),
                "mobility",
                "done",
                100,
                D(2026, 11, 30),
            ),
        ],
        "milestones": [],
    },
    {
        "answer": "partially_accepted",
        "answered_on": D(2026, 10, 12),
        "theme": "mobility",
        "territory": "south",
        "fr": (
            "Des passages piétons surélevés",
            "Surélever les passages piétons devant les écoles pour ralentir les voitures.",
            "Les plateaux sont retenus sur les rues sans bus ; ailleurs, des îlots et un marquage renforcé les remplacent.",
        ),
        "en": (
            "Raised pedestrian crossings",
            "Raise the pedestrian crossings in front of schools to slow cars down.",
            "Raised crossings are kept for streets without buses; elsewhere, islands and stronger markings replace them.",
        ),
        "es": (
            "Pasos de peatones elevados",
            "Elevar los pasos de peatones frente a las escuelas para frenar a los coches.",
            "Los pasos elevados se mantienen en calles sin autobús; en las demás, isletas y señalización reforzada los sustituyen.",
        ),
        "actions": [
            (
                ("Construire huit plateaux piétons", "Build eight raised crossings", "Construir ocho pasos elevados"),
                "public_space",
                "in_progress",
                60,
                D(2027, 4, 30),
            ),
        ],
        "milestones": [],
    },
    {
        "answer": "rejected",
        "answered_on": D(2026, 9, 28),
        "theme": "living_together",
        "territory": "south",
        "fr": (
            "Interdire les voitures dans tout le quartier",
            "Fermer tout le quartier aux voitures, sauf aux secours, de 7 h à 19 h.",
            "Les habitants, les livreurs et les personnes à mobilité réduite doivent pouvoir accéder à leur domicile ; les rues scolaires répondent au même but sans les exclure.",
        ),
        "en": (
            "Ban cars from the whole neighbourhood",
            "Close the whole neighbourhood to cars, except emergency services, from 7 am to 7 pm.",
            "Residents, deliveries and people with reduced mobility must be able to reach their homes; school streets serve the same aim without shutting them out.",
        ),
        "es": (
            "Prohibir los coches en todo el barrio",
            "Cerrar todo el barrio a los coches, salvo a los servicios de emergencia, de 7 a 19 h.",
            "Vecinos, repartidores y personas con movilidad reducida deben poder llegar a su casa; las calles escolares persiguen el mismo fin sin excluirlos.",
        ),
        "actions": [],
        "milestones": [],
    },
    {
        "answer": "referred",
        "answered_on": D(2026, 9, 28),
        "theme": "mobility",
        "territory": None,
        "fr": (
            "Un bus scolaire gratuit",
            "Rendre gratuits les bus pour les élèves sur le trajet de l'école.",
            "Les tarifs des transports en commun relèvent du syndicat des mobilités de l'agglomération : la Ville lui a transmis la demande.",
        ),
        "en": (
            "A free school bus",
            "Make buses free for pupils on their way to school.",
            "Public transport fares are set by the metropolitan mobility authority: the City has passed the request on.",
        ),
        "es": (
            "Un autobús escolar gratuito",
            "Hacer gratuitos los autobuses para los alumnos en el trayecto a la escuela.",
            "Las tarifas del transporte público dependen de la autoridad metropolitana de movilidad: el Ayuntamiento le ha trasladado la petición.",
        ),
        "institutions": (
            "Syndicat mixte des mobilités de l'aire grenobloise (SMMAG)",
            "Grenoble area mobility authority (SMMAG)",
            "Autoridad de movilidad del área de Grenoble (SMMAG)",
        ),
        "actions": [],
        "milestones": [
            (D(2026, 10, 20), ("Demande transmise au SMMAG", "Request sent to the SMMAG", "Petición enviada al SMMAG"))
        ],
    },
    {
        "answer": "under_study",
        "answered_on": None,
        "theme": "living_together",
        "territory": "south",
        "fr": (
            "Éclairer les chemins piétons",
            "Éclairer les chemins piétons qui mènent aux écoles pendant les mois d'hiver.",
            "Un diagnostic de l'éclairage des 14 chemins concernés est en cours ; la réponse sera donnée à son terme.",
        ),
        "en": (
            "Light the footpaths",
            "Light the footpaths leading to schools during the winter months.",
            "A survey of the lighting of the 14 paths concerned is under way; the answer will follow it.",
        ),
        "es": (
            "Iluminar los caminos peatonales",
            "Iluminar los caminos peatonales que llevan a las escuelas durante los meses de invierno.",
            "Se está evaluando la iluminación de los 14 caminos afectados; la respuesta llegará al terminar.",
        ),
        "actions": [],
        "milestones": [],
    },
    {
        "answer": "accepted",
        "answered_on": D(2026, 9, 28),
        "theme": "climate",
        "territory": "south",
        "fr": (
            "Des cours d'école végétalisées",
            "Remplacer le bitume des cours par des arbres et des sols perméables.",
            "Les cours végétalisées rafraîchissent l'école et le quartier ; la Ville en fait une priorité de son plan climat.",
        ),
        "en": (
            "Green school yards",
            "Replace the asphalt of school yards with trees and permeable ground.",
            "Green yards cool the school and the neighbourhood; the City makes them a priority of its climate plan.",
        ),
        "es": (
            "Patios escolares verdes",
            "Sustituir el asfalto de los patios por árboles y suelos permeables.",
            "Los patios verdes refrescan la escuela y el barrio; el Ayuntamiento los convierte en prioridad de su plan climático.",
        ),
        "actions": [
            (
                (
                    "Transformer quatre cours d'école",
                    "Transform four school yards",
                    "Transformar cuatro patios escolares",
                ),
                "education",
                "in_progress",
                20,
                D(2027, 8, 31),
            ),
        ],
        "milestones": [],
    },
    {
        "answer": "accepted",
        "answered_on": D(2026, 9, 28),
        "theme": "mobility",
        "territory": "south",
        "fr": (
            "Des agents aux traversées dangereuses",
            "Placer un agent aux cinq traversées les plus dangereuses à l'entrée et à la sortie.",
            "Les agents de traversée existent déjà : la Ville en ajoute là où les familles l'ont demandé.",
        ),
        "en": (
            "Crossing patrols at dangerous crossings",
            "Post a patrol at the five most dangerous crossings when school starts and ends.",
            "Crossing patrols already exist: the City adds them where families asked.",
        ),
        "es": (
            "Agentes en los cruces peligrosos",
            "Situar un agente en los cinco cruces más peligrosos a la entrada y la salida.",
            "Los agentes de cruce ya existen: el Ayuntamiento los añade donde las familias lo pidieron.",
        ),
        "actions": [
            (
                (
                    "Recruter cinq agents de traversée",
                    "Recruit five crossing patrols",
                    "Contratar a cinco agentes de cruce",
                ),
                "police",
                "done",
                100,
                D(2026, 9, 1),
            ),
        ],
        "milestones": [],
    },
    {
        "answer": "accepted",
        "answered_on": D(2026, 9, 28),
        "theme": "mobility",
        "territory": None,
        "fr": (
            "Apprendre le vélo à l'école",
            "Offrir à chaque élève de CM1 et CM2 un apprentissage du vélo en ville.",
            "Le programme « Savoir rouler à vélo » est financé par l'État ; la Ville fournit les vélos et les éducateurs.",
        ),
        "en": (
            "Cycling lessons at school",
            "Teach every pupil in the last two years of primary school to ride in town.",
            "The national “learn to ride” programme is funded by the State; the City provides bikes and instructors.",
        ),
        "es": (
            "Aprender a ir en bicicleta en la escuela",
            "Enseñar a cada alumno de los dos últimos cursos de primaria a circular en bicicleta por la ciudad.",
            "El programa nacional «Saber ir en bici» lo financia el Estado; el Ayuntamiento aporta bicicletas y monitores.",
        ),
        "actions": [
            (
                ("Former 600 élèves par an", "Train 600 pupils a year", "Formar a 600 alumnos al año"),
                "education",
                "in_progress",
                70,
                D(2027, 6, 30),
            ),
        ],
        "milestones": [],
    },
    {
        "answer": "accepted",
        "answered_on": D(2026, 9, 28),
        "theme": "mobility",
        "territory": "south",
        "fr": (
            "Une carte des itinéraires sûrs",
            "Publier une carte des itinéraires sûrs vers chaque école, sur papier et en ligne.",
            "La carte aide les familles à choisir leur trajet et montre à la Ville où agir en priorité.",
        ),
        "en": (
            "A map of safe routes",
            "Publish a map of safe routes to every school, on paper and online.",
            "The map helps families choose their route and shows the City where to act first.",
        ),
        "es": (
            "Un mapa de itinerarios seguros",
            "Publicar un mapa de itinerarios seguros hacia cada escuela, en papel y en línea.",
            "El mapa ayuda a las familias a elegir su trayecto y muestra al Ayuntamiento dónde actuar primero.",
        ),
        "actions": [
            (
                ("Publier la carte des itinéraires", "Publish the routes map", "Publicar el mapa de itinerarios"),
                "mobility",
                "done",
                100,
                D(2026, 11, 15),
            ),
        ],
        "milestones": [
            (
                D(2026, 11, 15),
                (
                    "Carte distribuée dans les cartables",
                    "Map handed out in school bags",
                    "Mapa repartido en las mochilas",
                ),
            )
        ],
    },
]

# Who endorses which recommendations (indexes above), and whether they show their name.
ENDORSEMENTS = [("camille", [0, 1, 3, 5, 8], True), ("santiago", [0, 2, 6, 8, 11], True), ("editor", [0], False)]

PAGES = {
    "archive": {
        "fr": {
            "title": "Recommandations",
            "slug": "recommandations",
            "introduction": "<p>Toutes les recommandations des ateliers, la réponse de la Ville et ce qui a été fait depuis.</p>",
        },
        "en": {
            "title": "Recommendations",
            "slug": "recommendations",
            "introduction": "<p>Every recommendation of the workshops, the City's answer and what has been done since.</p>",
        },
        "es": {
            "title": "Recomendaciones",
            "slug": "recomendaciones",
            "introduction": "<p>Todas las recomendaciones de los talleres, la respuesta del Ayuntamiento y lo que se ha hecho desde entonces.</p>",
        },
    },
    "impact": {
        "fr": {
            "title": "Impact des ateliers",
            "slug": "impact",
            "introduction": "<p>Qui a participé, ce qui a été recommandé et ce que la Ville en a fait.</p>",
        },
        "en": {
            "title": "Impact of the workshops",
            "slug": "impact",
            "introduction": "<p>Who took part, what was recommended and what the City did with it.</p>",
        },
        "es": {
            "title": "Impacto de los talleres",
            "slug": "impacto",
            "introduction": "<p>Quién participó, qué se recomendó y qué hizo el Ayuntamiento con ello.</p>",
        },
    },
    "open_data": {
        "fr": {
            "title": "Données ouvertes",
            "slug": "donnees-ouvertes",
            "introduction": "<p>Les données du portail, libres de réutilisation.</p>",
        },
        "en": {"title": "Open data", "slug": "open-data", "introduction": "<p>The portal's data, free to reuse.</p>"},
        "es": {
            "title": "Datos abiertos",
            "slug": "datos-abiertos",
            "introduction": "<p>Los datos del portal, libres para reutilizar.</p>",
        },
    },
}
