"""Demo content for Frontera, a fictional bilingual newsroom.

Everything here is invented: the Salitre River, Ciudad Almagre (state of
Sierra Parda, Mexico), Calder Springs (state of Estrella, US), every person,
company, criminal group and event. Pure data, read by the seed_demo command.

Body blocks are (block_type, value) tuples. When an article has both
languages, the two bodies have the same block types in the same order.
"""

SITE_NAME = "Frontera"

TAGLINE = {
    "en": "Independent reporting from both banks of the Salitre",
    "es": "Periodismo independiente desde las dos orillas del Salitre",
}

AUTHORS = [
    {
        "slug": "lucia-ferran",
        "name": "Lucía Ferrán",
        "bio": {
            "en": "Lucía Ferrán is the pseudonym of Frontera's investigations editor, who has covered money laundering and water disputes in Sierra Parda for more than a decade.",
            "es": "Lucía Ferrán es el seudónimo de la editora de investigaciones de Frontera, que lleva más de una década cubriendo lavado de dinero y conflictos por el agua en Sierra Parda.",
        },
    },
    {
        "slug": "tomas-aldana",
        "name": "Tomás Aldana",
        "bio": {
            "en": "Tomás Aldana is the pen name of Frontera's courts reporter, who follows criminal trials in Ciudad Almagre and Calder Springs.",
            "es": "Tomás Aldana es el seudónimo del reportero de tribunales de Frontera, que sigue los juicios penales en Ciudad Almagre y en Calder Springs.",
        },
    },
    {
        "slug": "nora-quill",
        "name": "Nora Quill",
        "bio": {
            "en": "Nora Quill is a data reporter based in Calder Springs who turns public registries into stories. She publishes under a pseudonym.",
            "es": "Nora Quill es reportera de datos en Calder Springs y convierte registros públicos en historias. Publica con seudónimo.",
        },
    },
    {
        "slug": "mateo-aire",
        "name": "Mateo Aire",
        "bio": {
            "en": "Mateo Aire is a columnist and chronicler from Villa Ocotal who writes about life on both banks of the Salitre. His name is a pseudonym.",
            "es": "Mateo Aire es columnista y cronista originario de Villa Ocotal; escribe sobre la vida en las dos orillas del Salitre. Su nombre es un seudónimo.",
        },
    },
]

TAGS = [
    {"slug": "investigations", "name": {"en": "Investigations", "es": "Investigaciones"}},
    {"slug": "water", "name": {"en": "Water", "es": "Agua"}},
    {"slug": "courts", "name": {"en": "Courts", "es": "Tribunales"}},
    {"slug": "migration", "name": {"en": "Migration", "es": "Migración"}},
    {"slug": "local-politics", "name": {"en": "Local politics", "es": "Política local"}},
    {"slug": "press-freedom", "name": {"en": "Press freedom", "es": "Libertad de prensa"}},
    {"slug": "data", "name": {"en": "Data", "es": "Datos"}},
    {"slug": "explainers", "name": {"en": "Explainers", "es": "Para entender"}},
    {"slug": "profiles", "name": {"en": "Profiles", "es": "Perfiles"}},
    {"slug": "opinion", "name": {"en": "Opinion", "es": "Opinión"}},
]

ARTICLES = [
    # 0 — Lead story (investigation), written in Spanish.
    {
        "original_language": "es",
        "translated": True,
        "days_ago": 0,
        "authors": ["lucia-ferran", "nora-quill"],
        "credit_line": {"en": "for Frontera", "es": "para Frontera"},
        "translator": "Claire Dunmore",
        "tags": ["investigations", "water"],
        "featured": True,
        "hero": {
            "palette": ["#1f4e5f", "#c9a86a"],
            "motif": "river",
            "caption": {
                "en": "Irrigation canals draw from the Salitre River north of Ciudad Almagre.",
                "es": "Canales de riego toman agua del río Salitre al norte de Ciudad Almagre.",
            },
            "credit": "Illustration: Frontera",
        },
        "es": {
            "title": "Los dueños ocultos del Salitre",
            "slug": "los-duenos-ocultos-del-salitre",
            "dek": "Cuatro empresas sin empleados ni oficinas acumulan derechos sobre casi una quinta parte del agua del valle del Salitre; detrás de ellas aparecen prestanombres ligados a la organización Ceniza.",
            "body": [
                (
                    "paragraph",
                    "<p>En los papeles, Hidroagrícola Peñasco se dedica al “cultivo y comercialización de hortalizas”. En la realidad, su domicilio fiscal en Ciudad Almagre es un local vacío con la cortina abajo, y en seis años no ha sembrado una sola hectárea. Aun así, tiene derechos para extraer 38 millones de metros cúbicos de agua al año del río Salitre, más de lo que consume toda la ciudad en un año.</p>",
                ),
                (
                    "paragraph",
                    '<p>Durante cinco meses, Frontera revisó 212 títulos de concesión inscritos en el registro federal de derechos de agua, las actas constitutivas de 31 empresas y los expedientes de tres juicios mercantiles. Encontramos que cuatro sociedades sin empleados registrados controlan el 19% del volumen concesionado en el valle, y que sus representantes legales coinciden con personas señaladas en investigaciones por lavado de dinero contra la organización Ceniza. La metodología completa está <a href="https://example.org/frontera/metodologia-salitre">disponible aquí</a>.</p>',
                ),
                ("heading", "Un mercado que nadie vigila"),
                (
                    "paragraph",
                    "<p>En México, las concesiones de agua se pueden transmitir entre particulares con autorización federal, y en la práctica muchas se venden junto con terrenos que ya nadie trabaja. En los últimos seis años, las cuatro empresas compraron 47 títulos a ejidatarios y pequeños propietarios endeudados con prestamistas informales. Varios vendedores contaron a Frontera que los compradores llegaron con el dinero en efectivo y el contrato ya redactado.</p>",
                ),
                ("pull_quote", "Nos dijeron que el agua ya no valía nada si no teníamos con qué bombearla."),
                (
                    "paragraph",
                    '<p>El agua no se queda en los surcos. Según los reportes de volúmenes que entregan las propias empresas, la mayor parte se “cede” de manera temporal a agroexportadoras y a dos desarrolladoras inmobiliarias de la zona conurbada, que pagan hasta cuatro veces lo que costó el derecho original. Es la misma concentración que encontró nuestro <a href="https://example.org/frontera/doce-concesionarios-60-por-ciento-del-rio">análisis de las concesiones de la cuenca</a>, y los especialistas consultados explican que ese tipo de operaciones permite justificar ingresos difíciles de rastrear.</p>',
                ),
                (
                    "quote",
                    {
                        "text": "El agua se volvió un activo financiero como cualquier otro, pero con mucha menos supervisión que un banco. Si yo quisiera mover dinero sin hacer ruido, también compraría concesiones.",
                        "attribution": "Ofelia Marroquín, investigadora en economía del agua de la Universidad Autónoma de Sierra Parda",
                    },
                ),
                ("heading", "Las respuestas"),
                (
                    "paragraph",
                    "<p>Frontera envió preguntas por escrito a los representantes legales de las cuatro empresas; solo uno respondió, para decir que sus operaciones “cumplen con toda la normatividad aplicable”. La fiscalía anticorrupción de Sierra Parda confirmó que tiene abierta una carpeta de investigación relacionada con transmisiones de derechos de agua, pero no dio detalles. La autoridad federal del agua no respondió antes del cierre de esta edición.</p>",
                ),
            ],
        },
        "en": {
            "title": "The Salitre's hidden owners",
            "slug": "the-salitres-hidden-owners",
            "dek": "Four companies with no employees and no offices hold rights to nearly a fifth of the water in the Salitre valley, and behind them stand front men linked to the Ceniza organization.",
            "body": [
                (
                    "paragraph",
                    "<p>On paper, Hidroagrícola Peñasco grows and sells vegetables. In reality, its registered address in Ciudad Almagre is an empty storefront with the shutter pulled down, and it has not planted a single hectare in six years. Even so, it holds rights to pump 38 million cubic meters of water a year from the Salitre River, more than the entire city uses in a year.</p>",
                ),
                (
                    "paragraph",
                    '<p>Over five months, Frontera reviewed 212 concession titles in the federal water-rights register, the incorporation papers of 31 companies and the files of three commercial lawsuits. We found that four companies with no registered employees control 19 percent of the water allocated in the valley, and that their legal representatives match people named in money-laundering investigations into the Ceniza organization. Our full methodology is <a href="https://example.org/frontera/salitre-methodology">available here</a>.</p>',
                ),
                ("heading", "A market no one watches"),
                (
                    "paragraph",
                    "<p>In Mexico, water concessions can be transferred between private parties with federal approval, and in practice many are sold along with land that nobody farms anymore. Over the past six years, the four companies bought 47 titles from ejido members and smallholders who were in debt to informal lenders. Several sellers told Frontera that the buyers arrived with cash in hand and the contract already drawn up.</p>",
                ),
                ("pull_quote", "They told us the water was worthless if we couldn't afford to pump it."),
                (
                    "paragraph",
                    '<p>The water does not stay in the furrows. According to volume reports filed by the companies themselves, most of it is temporarily “ceded” to export growers and to two housing developers on the edge of the city, who pay up to four times what the original right cost. It is the same concentration our <a href="https://example.org/frontera/twelve-permit-holders-60-percent-of-the-river">analysis of the basin\'s permits</a> found, and experts say such arrangements make it easy to justify income that would otherwise be hard to trace.</p>',
                ),
                (
                    "quote",
                    {
                        "text": "Water has become a financial asset like any other, but with far less oversight than a bank. If I wanted to move money without making noise, I would buy concessions too.",
                        "attribution": "Ofelia Marroquín, water economist at the Autonomous University of Sierra Parda",
                    },
                ),
                ("heading", "The responses"),
                (
                    "paragraph",
                    "<p>Frontera sent written questions to the legal representatives of all four companies; only one replied, to say that its operations “comply with all applicable regulations.” The Sierra Parda anti-corruption prosecutor's office confirmed that it has an open investigation into water-rights transfers but gave no details. The federal water authority did not respond by the time of publication.</p>",
                ),
            ],
        },
    },
    # 1 — Courts, written in English.
    {
        "original_language": "en",
        "translated": True,
        "days_ago": 2,
        "authors": ["tomas-aldana"],
        "credit_line": None,
        "translator": "Mariana Ocejo",
        "tags": ["courts"],
        "featured": False,
        "hero": {
            "palette": ["#2b2d42", "#8d99ae"],
            "motif": "city",
            "caption": {
                "en": "The federal courthouse in Calder Springs.",
                "es": "El edificio de la corte federal en Calder Springs.",
            },
            "credit": "Illustration: Frontera",
        },
        "en": {
            "title": "A ledger, a wire clerk and a federal jury",
            "slug": "a-ledger-a-wire-clerk-and-a-federal-jury",
            "dek": "In the first trial to test Calder Springs' new financial-crimes task force, prosecutors say a money-transfer clerk moved $4.1 million for the Ceniza organization, one small transfer at a time.",
            "body": [
                (
                    "paragraph",
                    "<p>For eleven years, Rogelio Benítez Caro worked the counter of a money-transfer shop on Alameda Street in Calder Springs, a few blocks from the international bridge. On Monday, federal prosecutors told a jury that he also kept a second set of books: a spiral notebook, seized from his car, that they say records more than 2,300 transfers made on behalf of the Ceniza organization.</p>",
                ),
                (
                    "paragraph",
                    "<p>Benítez, 44, has pleaded not guilty to conspiracy to launder money and to operating an unlicensed money-transmitting business. His attorney, Eileen Batista of the federal public defender's office, told jurors the notebook was a record of legitimate customers, many of them farmworkers sending wages home, and that the government “has mistaken a busy counter for a criminal one.”</p>",
                ),
                ("heading", "One transfer at a time"),
                (
                    "paragraph",
                    '<p>Prosecutors allege that the transfers were deliberately kept below $3,000, the amount above which shops must record a customer\'s identity, and that the same dozen senders reappeared again and again under slightly different names. A government analyst testified that 61 percent of the transfers in the notebook went to just nine recipients in Ciudad Almagre. Court records in the case are <a href="https://example.org/frontera/documents/benitez-indictment">available here</a>.</p>',
                ),
                (
                    "quote",
                    {
                        "text": "The question for you is not whether money crossed the river. Money crosses that river every day. The question is whether this man knew where it came from.",
                        "attribution": "Eileen Batista, defense attorney, in her opening statement",
                    },
                ),
                (
                    "paragraph",
                    "<p>The case is the first brought to trial by a joint task force that Ocotillo County and federal prosecutors created last year, and its outcome is being watched closely by the owners of the roughly forty transfer shops that line the streets near the bridge. Several told Frontera they had already begun turning away cash customers they did not know.</p>",
                ),
                (
                    "paragraph",
                    '<p>Judge Harriet Lindqvist has told jurors to expect the trial to last about three weeks. Frontera will be in the courtroom every day; our coverage of the case is collected <a href="https://example.org/frontera/benitez-trial">on this page</a>.</p>',
                ),
            ],
        },
        "es": {
            "title": "Una libreta, un cajero y un jurado federal",
            "slug": "una-libreta-un-cajero-y-un-jurado-federal",
            "dek": "En el primer juicio que pone a prueba a la nueva fuerza de tarea contra delitos financieros de Calder Springs, la fiscalía acusa a un empleado de una casa de envíos de mover 4.1 millones de dólares para la organización Ceniza, un envío pequeño a la vez.",
            "body": [
                (
                    "paragraph",
                    "<p>Durante once años, Rogelio Benítez Caro atendió el mostrador de una casa de envíos de dinero en la calle Alameda de Calder Springs, a unas cuadras del puente internacional. El lunes, la fiscalía federal le dijo a un jurado que también llevaba una contabilidad paralela: una libreta de espiral, guardada en su carro, donde según los fiscales quedaron anotadas más de 2,300 transferencias hechas por encargo de la organización Ceniza.</p>",
                ),
                (
                    "paragraph",
                    "<p>Benítez, de 44 años, se declaró no culpable de conspiración para lavar dinero y de operar un negocio de transferencias sin licencia. Su abogada, Eileen Batista, de la defensoría pública federal, dijo al jurado que la libreta era el registro de clientes legítimos, muchos de ellos jornaleros que mandan su sueldo a casa, y que el gobierno “confundió un mostrador con mucho trabajo con uno criminal”.</p>",
                ),
                ("heading", "Envío por envío"),
                (
                    "paragraph",
                    '<p>La fiscalía sostiene que los envíos se mantenían a propósito por debajo de los 3,000 dólares, el monto a partir del cual las casas de envío deben registrar la identidad del cliente, y que la misma docena de remitentes aparecía una y otra vez con nombres ligeramente distintos. Un analista del gobierno declaró que el 61% de las transferencias de la libreta fue a dar a solo nueve destinatarios en Ciudad Almagre. Los documentos del caso están <a href="https://example.org/frontera/documentos/acusacion-benitez">disponibles aquí</a>.</p>',
                ),
                (
                    "quote",
                    {
                        "text": "La pregunta para ustedes no es si el dinero cruzó el río. El dinero cruza ese río todos los días. La pregunta es si este hombre sabía de dónde venía.",
                        "attribution": "Eileen Batista, abogada defensora, en su alegato de apertura",
                    },
                ),
                (
                    "paragraph",
                    "<p>Es el primer caso que llega a juicio de la fuerza de tarea conjunta que crearon el año pasado el condado de Ocotillo y la fiscalía federal, y su resultado lo siguen con atención los dueños de las casi cuarenta casas de envío que hay en las calles cercanas al puente. Varios de ellos dijeron a Frontera que ya rechazan a clientes desconocidos que pagan en efectivo.</p>",
                ),
                (
                    "paragraph",
                    '<p>La jueza Harriet Lindqvist advirtió al jurado que el juicio durará unas tres semanas. Frontera estará en la sala todos los días; reunimos toda nuestra cobertura del caso <a href="https://example.org/frontera/juicio-benitez">en esta página</a>.</p>',
                ),
            ],
        },
    },
    # 2 — Migration, written in Spanish.
    {
        "original_language": "es",
        "translated": True,
        "days_ago": 5,
        "authors": ["lucia-ferran"],
        "credit_line": {"en": "for Frontera", "es": "para Frontera"},
        "translator": "Peter Halloran",
        "tags": ["migration"],
        "featured": False,
        "hero": {
            "palette": ["#6d597a", "#e8c07d"],
            "motif": "border",
            "caption": {
                "en": "Families wait outside Casa Refugio San Rafael in Ciudad Almagre.",
                "es": "Familias esperan afuera de Casa Refugio San Rafael, en Ciudad Almagre.",
            },
            "credit": "Illustration: Frontera",
        },
        "es": {
            "title": "En Casa Refugio, la espera se mide en meses",
            "slug": "en-casa-refugio-la-espera-se-mide-en-meses",
            "dek": "El albergue más grande de Ciudad Almagre opera al doble de su capacidad desde que se redujeron las citas para pedir asilo; hay familias que duermen en el patio y los voluntarios ya no se dan abasto.",
            "body": [
                (
                    "paragraph",
                    "<p>A las seis de la mañana, antes de que abra el comedor, ya hay fila en el patio de Casa Refugio San Rafael. Son mujeres con niños pequeños, hombres que llevan semanas sin trabajo y jóvenes que revisan el celular cada pocos minutos por si les llega la notificación de una cita. El albergue, en la colonia Las Palmas, tiene lugar para 180 personas; esta semana durmieron ahí 362.</p>",
                ),
                (
                    "paragraph",
                    "<p>El aumento comenzó hace cuatro meses, cuando las autoridades estadounidenses redujeron el número de citas diarias que se pueden solicitar por medio de la aplicación de asilo en el cruce de Calder Springs. Según el registro del propio albergue, la estancia promedio pasó de 19 a 71 días.</p>",
                ),
                ("pull_quote", "Antes la gente llegaba y se iba. Ahora se queda, y quedarse también cuesta."),
                ("heading", "Un albergue que también es escuela y consultorio"),
                (
                    "paragraph",
                    "<p>Con esperas tan largas, el albergue ha tenido que improvisar. Dos maestras jubiladas dan clases por la mañana a unos 60 niños, una doctora voluntaria da consulta los martes y jueves, y en la bodega se acondicionó un espacio para que los adultos tomen clases de inglés por videollamada. La directora, Gloria Ibáñez Llamas, dice que el gasto mensual se triplicó y que los donativos no han crecido al mismo ritmo.</p>",
                ),
                (
                    "quote",
                    {
                        "text": "Aquí nadie quiere quedarse para siempre. Lo que la gente pide es saber cuánto va a esperar, y eso es justo lo que nadie les puede decir.",
                        "attribution": "Gloria Ibáñez Llamas, directora de Casa Refugio San Rafael",
                    },
                ),
                (
                    "paragraph",
                    "<p>La espera también tiene riesgos fuera del albergue. Personas alojadas ahí contaron a Frontera que, al salir a buscar trabajo, se les han acercado hombres que ofrecen “adelantar” su cita a cambio de dinero, una oferta que las organizaciones civiles consideran una forma de extorsión. El gobierno municipal dijo que reforzará la vigilancia en la zona, pero no precisó cómo.</p>",
                ),
                (
                    "paragraph",
                    '<p>Este año, el ayuntamiento de Ciudad Almagre aportó 1.2 millones de pesos a los cuatro albergues de la ciudad, menos de lo que Casa Refugio gasta por sí sola en tres meses. El albergue recibe donativos en especie de lunes a sábado; la lista de lo que más hace falta está <a href="https://example.org/casa-refugio/donativos">en su página</a>.</p>',
                ),
            ],
        },
        "en": {
            "title": "At Casa Refugio, the wait is measured in months",
            "slug": "at-casa-refugio-the-wait-is-measured-in-months",
            "dek": "Ciudad Almagre's largest shelter has been running at twice its capacity since asylum appointments were cut back; families sleep in the courtyard and there are no longer enough volunteers to go around.",
            "body": [
                (
                    "paragraph",
                    "<p>At six in the morning, before the dining hall opens, there is already a line in the courtyard of Casa Refugio San Rafael. Women with small children, men who have gone weeks without work, young people checking their phones every few minutes in case an appointment notification arrives. The shelter, in the Las Palmas neighborhood, has room for 180 people; this week, 362 slept there.</p>",
                ),
                (
                    "paragraph",
                    "<p>The increase began four months ago, when US authorities reduced the number of daily appointments that can be requested through the asylum app at the Calder Springs crossing. According to the shelter's own records, the average stay has gone from 19 days to 71.</p>",
                ),
                ("pull_quote", "People used to arrive and leave. Now they stay, and staying costs money too."),
                ("heading", "A shelter that is also a school and a clinic"),
                (
                    "paragraph",
                    "<p>With waits this long, the shelter has had to improvise. Two retired teachers hold morning classes for about 60 children, a volunteer doctor sees patients on Tuesdays and Thursdays, and a storeroom has been turned into a space where adults take English lessons by video call. The director, Gloria Ibáñez Llamas, says monthly costs have tripled while donations have not kept pace.</p>",
                ),
                (
                    "quote",
                    {
                        "text": "Nobody here wants to stay forever. What people ask for is to know how long they will wait, and that is exactly what nobody can tell them.",
                        "attribution": "Gloria Ibáñez Llamas, director of Casa Refugio San Rafael",
                    },
                ),
                (
                    "paragraph",
                    "<p>Waiting carries risks outside the shelter, too. People staying there told Frontera that when they go out to look for work, men have approached them offering to “move up” their appointment for a fee, an offer that civil-society groups consider a form of extortion. The city government said it would step up patrols in the area but did not say how.</p>",
                ),
                (
                    "paragraph",
                    '<p>This year the Ciudad Almagre city government gave 1.2 million pesos to the city\'s four shelters, less than Casa Refugio alone spends in three months. The shelter accepts donations in kind Monday through Saturday; a list of what is most needed is <a href="https://example.org/casa-refugio/donativos">on its website</a>.</p>',
                ),
            ],
        },
    },
    # 3 — Data story, written in English.
    {
        "original_language": "en",
        "translated": True,
        "days_ago": 9,
        "authors": ["nora-quill"],
        "credit_line": None,
        "translator": "Rodrigo Leyva Tamez",
        "tags": ["data", "water"],
        "featured": False,
        "hero": {
            "palette": ["#003049", "#fcbf49"],
            "motif": "river",
            "caption": {
                "en": "Water permits on both banks of the Salitre, as mapped by Frontera.",
                "es": "Las concesiones de agua en las dos orillas del Salitre, según el mapa de Frontera.",
            },
            "credit": "Illustration: Frontera",
        },
        "en": {
            "title": "Twelve permit holders, 60 percent of the river",
            "slug": "twelve-permit-holders-60-percent-of-the-river",
            "dek": "We mapped every active water permit on both banks of the Salitre: a handful of users, most of them large agribusinesses, hold most of the water while thousands of small farms share what is left.",
            "body": [
                (
                    "paragraph",
                    "<p>How much water does the Salitre River carry, and who has the right to use it? To answer that question, Frontera combined two public registries that had never been analyzed together: the Mexican federal register of water concessions on the Sierra Parda side of the basin, and the Estrella Water Resources Board's list of surface-water rights on the US side. In total, we analyzed 4,871 active permits.</p>",
                ),
                (
                    "paragraph",
                    "<p>The result is a stark concentration. Twelve permit holders, ten agribusinesses and two municipal water utilities, account for 60 percent of all the water allocated in the basin. At the other end, 3,940 small users, most of them family farms and ejidos with fewer than 20 hectares, share just 9 percent.</p>",
                ),
                ("heading", "More water on paper than in the river"),
                (
                    "paragraph",
                    "<p>There is another problem: the permits add up to more water than the river actually carries. In an average year, the Salitre delivers about 1,150 million cubic meters at the Calder Bridge gauge, while the permits on both banks allow for 1,410 million. In dry years, which have been the majority over the past decade, the gap is even wider.</p>",
                ),
                (
                    "pull_quote",
                    "In an average year, the permits on the Salitre promise 260 million cubic meters of water that do not exist.",
                ),
                (
                    "paragraph",
                    "<p>Over-allocation is not illegal, and hydrologists say it is common in arid basins where rights were granted during wetter decades. But in practice it means the water goes to whoever can pump first and deepest, an advantage that favors users with capital and, sometimes, users with something to hide. We are looking into who some of those users are, and will publish that reporting in the coming weeks.</p>",
                ),
                (
                    "quote",
                    {
                        "text": "Every dry summer it's the same fight, and every summer the ones with the biggest pumps win it. The data just confirms what we already knew out here.",
                        "attribution": "Anselmo Rentería, head of the La Saltadera ejido",
                    },
                ),
                (
                    "paragraph",
                    '<p>Our dataset, the code we used to clean it and a list of its limitations are <a href="https://example.org/frontera/data/salitre-permits">published openly</a>. Both registries contain errors and duplicates, which we corrected by hand; where we could not verify a record, we left it out. If you hold a permit and believe our figures are wrong, write to us at datos@example.org.</p>',
                ),
            ],
        },
        "es": {
            "title": "Doce concesionarios se quedan con el 60% del río",
            "slug": "doce-concesionarios-60-por-ciento-del-rio",
            "dek": "Mapeamos todas las concesiones vigentes en las dos orillas del Salitre: un puñado de usuarios, casi todos grandes agroempresas, tiene la mayor parte del agua, mientras miles de pequeños productores se reparten lo que sobra.",
            "body": [
                (
                    "paragraph",
                    "<p>¿Cuánta agua lleva el río Salitre y quién tiene derecho a usarla? Para responder, Frontera cruzó dos registros públicos que nunca se habían analizado juntos: el registro federal de concesiones de agua del lado de Sierra Parda y la lista de derechos de agua superficial que lleva la Junta de Recursos Hídricos de Estrella del lado estadounidense. En total, analizamos 4,871 permisos vigentes.</p>",
                ),
                (
                    "paragraph",
                    "<p>El resultado es una concentración marcada. Doce titulares —diez agroempresas y dos organismos municipales de agua— acaparan el 60% de todo el volumen asignado en la cuenca. En el otro extremo, 3,940 pequeños usuarios, en su mayoría parcelas familiares y ejidos de menos de 20 hectáreas, se reparten apenas el 9%.</p>",
                ),
                ("heading", "Más agua en papel que en el río"),
                (
                    "paragraph",
                    "<p>Hay otro problema: los permisos suman más agua de la que el río realmente lleva. En un año promedio, el Salitre entrega cerca de 1,150 millones de metros cúbicos en la estación de aforo del puente de Calder, mientras que los permisos de ambas orillas autorizan 1,410 millones. En los años secos, que han sido mayoría en la última década, la brecha es todavía mayor.</p>",
                ),
                (
                    "pull_quote",
                    "En un año promedio, los permisos del Salitre prometen 260 millones de metros cúbicos de agua que no existen.",
                ),
                (
                    "paragraph",
                    "<p>La sobreasignación no es ilegal, y los hidrólogos explican que es común en cuencas áridas donde los derechos se otorgaron en décadas más lluviosas. Pero en la práctica significa que el agua es para quien bombea primero y más hondo, una ventaja que favorece a quien tiene capital y, a veces, a quien tiene algo que esconder. Estamos investigando quiénes son algunos de esos usuarios; publicaremos ese trabajo en las próximas semanas.</p>",
                ),
                (
                    "quote",
                    {
                        "text": "Cada verano seco es el mismo pleito, y cada verano lo ganan los que tienen las bombas más grandes. Los datos nomás confirman lo que aquí ya sabíamos.",
                        "attribution": "Anselmo Rentería, comisariado ejidal de La Saltadera",
                    },
                ),
                (
                    "paragraph",
                    '<p>Nuestra base de datos, el código que usamos para limpiarla y una lista de sus limitaciones están <a href="https://example.org/frontera/datos/concesiones-salitre">publicados en abierto</a>. Los dos registros contienen errores y duplicados que corregimos a mano; cuando no pudimos verificar un registro, lo dejamos fuera. Si eres titular de un permiso y crees que nuestras cifras están equivocadas, escríbenos a datos@example.org.</p>',
                ),
            ],
        },
    },
    # 4 — Local politics, written in Spanish.
    {
        "original_language": "es",
        "translated": True,
        "days_ago": 13,
        "authors": ["tomas-aldana"],
        "credit_line": None,
        "translator": "Claire Dunmore",
        "tags": ["local-politics"],
        "featured": False,
        "hero": {
            "palette": ["#3d405b", "#e07a5f"],
            "motif": "city",
            "caption": {
                "en": "Ciudad Almagre's city hall.",
                "es": "El palacio municipal de Ciudad Almagre.",
            },
            "credit": "Illustration: Frontera",
        },
        "es": {
            "title": "El cabildo aprueba, a medias, la depuración de la policía de Almagre",
            "slug": "el-cabildo-aprueba-a-medias-la-depuracion-de-la-policia",
            "dek": "Los regidores votaron que los 1,400 agentes municipales vuelvan a presentar exámenes de control de confianza, pero dejaron fuera a los 23 mandos de mayor rango.",
            "body": [
                (
                    "paragraph",
                    "<p>Tras cuatro horas de debate y una sesión que se suspendió dos veces por los gritos desde las galerías, el cabildo de Ciudad Almagre aprobó el jueves, por 11 votos contra 6, que los 1,400 elementos de la policía municipal presenten de nuevo exámenes de control de confianza. La medida era una de las promesas de campaña de la presidenta municipal, Adelina Ferriz Coronado.</p>",
                ),
                (
                    "paragraph",
                    "<p>Pero el dictamen final incluyó un cambio de última hora: los 23 mandos nombrados antes de octubre quedan exentos durante un año, “para no afectar la operación”. La propuesta original los incluía a todos.</p>",
                ),
                ("heading", "¿Quién pidió la excepción?"),
                (
                    "paragraph",
                    "<p>La regidora Patricia Almonte, que votó en contra, dijo en tribuna que la modificación llegó por escrito a los regidores apenas una hora antes de la sesión y que nadie quiso asumir su autoría. El secretario del ayuntamiento, Everardo Lugo, dijo después a Frontera que la excepción se pactó “entre las fracciones” para asegurar los votos, sin precisar quién la propuso.</p>",
                ),
                (
                    "quote",
                    {
                        "text": "Empezamos por los de abajo, que son los que ganan menos y los que menos deciden. Si la depuración va en serio, tiene que empezar por arriba.",
                        "attribution": "Patricia Almonte, regidora",
                    },
                ),
                (
                    "paragraph",
                    "<p>La alcaldesa defendió el acuerdo como “el primer paso posible” y aseguró que los mandos serán evaluados antes de que termine el año. La última evaluación general de la corporación se hizo hace seis años; según un informe del propio ayuntamiento, 204 agentes no la aprobaron y 87 de ellos siguen en activo porque ganaron amparos.</p>",
                ),
                (
                    "paragraph",
                    '<p>Las evaluaciones estarán a cargo del centro estatal de control de confianza de Sierra Parda, que calcula terminar en ocho meses. Frontera pidió por transparencia el calendario y los criterios; publicaremos <a href="https://example.org/frontera/solicitud-control-de-confianza">la solicitud y la respuesta</a> en cuanto llegue.</p>',
                ),
            ],
        },
        "en": {
            "title": "Almagre council approves police vetting, but exempts the top brass",
            "slug": "almagre-council-approves-police-vetting",
            "dek": "Council members voted to put all 1,400 municipal officers through new integrity tests, but left out the 23 highest-ranking commanders.",
            "body": [
                (
                    "paragraph",
                    "<p>After four hours of debate, in a session suspended twice because of shouting from the public gallery, the Ciudad Almagre city council voted 11-6 on Thursday to require all 1,400 members of the municipal police to retake integrity and background tests. The measure was one of Mayor Adelina Ferriz Coronado's campaign promises.</p>",
                ),
                (
                    "paragraph",
                    "<p>But the final text included a last-minute change: the 23 commanders appointed before October are exempt for one year, “so as not to affect operations.” The original proposal covered everyone.</p>",
                ),
                ("heading", "Who asked for the exemption?"),
                (
                    "paragraph",
                    "<p>Council member Patricia Almonte, who voted against the measure, said from the floor that the amendment reached council members in writing barely an hour before the session and that nobody would claim authorship. The council secretary, Everardo Lugo, later told Frontera that the exemption had been agreed “among the caucuses” to secure the votes, without saying who proposed it.</p>",
                ),
                (
                    "quote",
                    {
                        "text": "We are starting with the ones at the bottom, who earn the least and decide the least. If this cleanup is serious, it has to start at the top.",
                        "attribution": "Patricia Almonte, city council member",
                    },
                ),
                (
                    "paragraph",
                    "<p>The mayor defended the agreement as “the first step that was possible” and said the commanders would be tested before the end of the year. The force's last general evaluation was six years ago; according to a city report, 204 officers failed it, and 87 of them are still on duty because they won injunctions in court.</p>",
                ),
                (
                    "paragraph",
                    '<p>The tests will be carried out by the Sierra Parda state vetting center, which expects to finish in eight months. Frontera has filed a public-records request for the schedule and criteria; we will publish <a href="https://example.org/frontera/solicitud-control-de-confianza">the request and the response</a> as soon as it arrives.</p>',
                ),
            ],
        },
    },
    # 5 — Explainer, written in English.
    {
        "original_language": "en",
        "translated": True,
        "days_ago": 18,
        "authors": ["nora-quill", "lucia-ferran"],
        "credit_line": None,
        "translator": "Mariana Ocejo",
        "tags": ["explainers", "water"],
        "featured": False,
        "hero": {
            "palette": ["#264653", "#e9c46a"],
            "motif": "documents",
            "caption": {
                "en": "A water concession title, the document at the center of much of our reporting.",
                "es": "Un título de concesión de agua, el documento en el centro de buena parte de nuestra cobertura.",
            },
            "credit": "Illustration: Frontera",
        },
        "en": {
            "title": "What is a water concession, and why would a criminal group want one?",
            "slug": "what-is-a-water-concession",
            "dek": "A short guide to how water rights work on both sides of the Salitre, and why they have become attractive to people looking to move money quietly.",
            "body": [
                (
                    "paragraph",
                    "<p>Our reporting on the Salitre keeps coming back to a document most people never see: the permit that allows someone to take water from a river or an aquifer. Here is what you need to know about it.</p>",
                ),
                ("heading", "Who owns the water?"),
                (
                    "paragraph",
                    "<p>On the Mexican side, water belongs to the nation. The federal government grants concessions, usually for 10 to 30 years, that allow a person or company to use a fixed volume each year. On the US side, in the state of Estrella, surface-water rights are a form of property that can be bought, sold and inherited, with priority given to whoever claimed the water first.</p>",
                ),
                ("heading", "Can a permit be sold?"),
                (
                    "paragraph",
                    "<p>Yes, on both sides, with conditions. In Mexico, a concession can be transferred to another user with authorization, or temporarily ceded. In Estrella, rights can be sold or leased, but the state water board must approve any change in where or how the water is used. In both systems the paperwork is public, but it is scattered, slow to update and rarely checked against what is actually pumped.</p>",
                ),
                ("heading", "Why would a criminal group be interested?"),
                (
                    "paragraph",
                    "<p>Experts point to three reasons. Water rights can be bought with cash from people under financial pressure; they generate income that is hard to verify, because few meters are ever audited; and in a drought, their value only goes up. That makes them useful for turning illicit money into something that looks like an ordinary farming business.</p>",
                ),
                (
                    "quote",
                    {
                        "text": "Nobody checks whether a tomato farm that reports record water sales ever planted a single tomato.",
                        "attribution": "Daniel Whitford, professor of water law, Estrella State University",
                    },
                ),
                (
                    "paragraph",
                    '<p>If you have information about water-rights transfers in the Salitre valley, you can reach our team securely. <a href="https://example.org/frontera/about#tips">Here is how</a>.</p>',
                ),
            ],
        },
        "es": {
            "title": "¿Qué es una concesión de agua y por qué la querría un grupo criminal?",
            "slug": "que-es-una-concesion-de-agua",
            "dek": "Una guía breve para entender cómo funcionan los derechos de agua en las dos orillas del Salitre y por qué se han vuelto atractivos para quien busca mover dinero sin llamar la atención.",
            "body": [
                (
                    "paragraph",
                    "<p>Nuestra cobertura del Salitre vuelve una y otra vez a un documento que casi nadie ha visto: el permiso que autoriza a alguien a sacar agua de un río o de un acuífero. Esto es lo que necesita saber.</p>",
                ),
                ("heading", "¿De quién es el agua?"),
                (
                    "paragraph",
                    "<p>Del lado mexicano, el agua es propiedad de la nación. El gobierno federal otorga concesiones, por lo general de 10 a 30 años, que permiten a una persona o empresa usar un volumen fijo cada año. Del lado estadounidense, en el estado de Estrella, los derechos sobre el agua superficial son una forma de propiedad que se compra, se vende y se hereda, y tiene prioridad quien la reclamó primero.</p>",
                ),
                ("heading", "¿Se puede vender un permiso?"),
                (
                    "paragraph",
                    "<p>Sí, en ambos lados y con condiciones. En México, una concesión se puede transmitir a otro usuario con autorización, o cederse de manera temporal. En Estrella, los derechos se pueden vender o arrendar, pero la junta estatal del agua tiene que aprobar cualquier cambio en el lugar o el uso. En los dos sistemas los trámites son públicos, pero están dispersos, se actualizan con lentitud y casi nunca se comparan con lo que de verdad se bombea.</p>",
                ),
                ("heading", "¿Por qué le interesaría a un grupo criminal?"),
                (
                    "paragraph",
                    "<p>Los especialistas señalan tres razones. Los derechos de agua se pueden comprar en efectivo a personas con apuros económicos; generan ingresos difíciles de verificar, porque casi ningún medidor se audita, y en una sequía su valor no hace más que subir. Eso los vuelve útiles para convertir dinero ilícito en algo que parece un negocio agrícola cualquiera.</p>",
                ),
                (
                    "quote",
                    {
                        "text": "Nadie revisa si una empresa de jitomate que reporta ventas récord de agua alguna vez sembró un solo jitomate.",
                        "attribution": "Daniel Whitford, profesor de derecho de aguas de la Universidad Estatal de Estrella",
                    },
                ),
                (
                    "paragraph",
                    '<p>Si tiene información sobre transmisiones de derechos de agua en el valle del Salitre, puede comunicarse con nuestro equipo de forma segura. <a href="https://example.org/frontera/acerca-de#pistas">Aquí le explicamos cómo</a>.</p>',
                ),
            ],
        },
    },
    # 6 — Press freedom, written in Spanish.
    {
        "original_language": "es",
        "translated": True,
        "days_ago": 24,
        "authors": ["lucia-ferran"],
        "credit_line": {"en": "for Frontera", "es": "para Frontera"},
        "translator": "Peter Halloran",
        "tags": ["press-freedom"],
        "featured": False,
        "hero": {
            "palette": ["#22223b", "#c9ada7"],
            "motif": "documents",
            "caption": {
                "en": "More and more journalists in Sierra Parda publish without their real names.",
                "es": "Cada vez más periodistas en Sierra Parda publican sin su nombre real.",
            },
            "credit": "Illustration: Frontera",
        },
        "es": {
            "title": "Un botón de pánico que no suena",
            "slug": "un-boton-de-panico-que-no-suena",
            "dek": "Siete de los nueve periodistas de Sierra Parda inscritos en el programa federal de protección dicen que las medidas que les asignaron no funcionan o se las retiraron sin aviso.",
            "body": [
                (
                    "paragraph",
                    "<p>La periodista, a quien llamaremos Marisol porque así lo pidió, guarda el aparato en un cajón de la cocina. Es un teléfono pequeño con un solo botón rojo que, en teoría, la comunica de inmediato con una central de emergencias. Cuando lo usó, después de que dos hombres en motocicleta la siguieron desde la redacción hasta su casa, nadie contestó durante 14 minutos.</p>",
                ),
                (
                    "paragraph",
                    "<p>Marisol es una de los nueve periodistas de Sierra Parda inscritos en el programa federal de protección para personas defensoras de derechos humanos y periodistas. Frontera los entrevistó a todos durante tres meses: siete dijeron que al menos una de sus medidas de protección no funciona o que se la retiraron sin que nadie les explicara por qué.</p>",
                ),
                ("heading", "Protección en papel"),
                (
                    "paragraph",
                    "<p>Entre las fallas que describieron hay cámaras de vigilancia que se instalaron pero nunca se conectaron, rondines policiales que se suspendieron tras un cambio de mandos y, en dos casos, escoltas que pertenecían a la misma corporación municipal que los periodistas habían denunciado. El programa no respondió a las preguntas específicas de Frontera; en un comunicado general afirmó que “todas las medidas se revisan periódicamente conforme a la evaluación de riesgo”.</p>",
                ),
                (
                    "pull_quote",
                    "El escolta asignado a un reportero era agente de la misma policía que él había exhibido.",
                ),
                (
                    "quote",
                    {
                        "text": "El programa salva vidas, eso hay que decirlo. Pero un sistema que depende de que la policía local proteja a quien investiga a la policía local tiene un problema de diseño.",
                        "attribution": "Ximena Ugalde, coordinadora de la Red Fronteriza de Periodistas",
                    },
                ),
                (
                    "paragraph",
                    "<p>El problema no es nuevo. En los últimos cinco años, la Red Fronteriza de Periodistas ha documentado 64 agresiones contra la prensa en Sierra Parda, desde amenazas en redes sociales hasta el robo de equipo, y en ninguno de esos casos hay sentencia. La mayoría de los periodistas entrevistados dijo que ya no firma sus notas con su nombre real.</p>",
                ),
                (
                    "paragraph",
                    '<p>Frontera es uno de esos medios: nuestros reporteros publican con seudónimo, una decisión que explicamos <a href="https://example.org/frontera/acerca-de">en esta página</a>. Pedimos al programa federal una entrevista para conocer su evaluación de los casos de Sierra Parda; seguimos esperando respuesta.</p>',
                ),
            ],
        },
        "en": {
            "title": "A panic button that doesn't ring",
            "slug": "a-panic-button-that-doesnt-ring",
            "dek": "Seven of the nine Sierra Parda journalists enrolled in the federal protection program say the measures assigned to them do not work or were withdrawn without notice.",
            "body": [
                (
                    "paragraph",
                    "<p>The journalist, whom we will call Marisol at her request, keeps the device in a kitchen drawer. It is a small phone with a single red button that, in theory, connects her immediately to an emergency center. When she used it, after two men on a motorcycle followed her home from the newsroom, nobody answered for 14 minutes.</p>",
                ),
                (
                    "paragraph",
                    "<p>Marisol is one of nine journalists in Sierra Parda enrolled in the federal protection program for human rights defenders and journalists. Frontera interviewed all of them over three months: seven said that at least one of their protection measures does not work or was withdrawn without anyone explaining why.</p>",
                ),
                ("heading", "Protection on paper"),
                (
                    "paragraph",
                    "<p>The failures they described include surveillance cameras that were installed but never connected, police patrols that stopped after a change of command and, in two cases, bodyguards who belonged to the same municipal force the journalists had reported on. The program did not answer Frontera's specific questions; in a general statement, it said that “all measures are reviewed periodically in accordance with the risk assessment.”</p>",
                ),
                (
                    "pull_quote",
                    "One reporter's assigned bodyguard was an officer from the very police force he had exposed.",
                ),
                (
                    "quote",
                    {
                        "text": "The program saves lives, and that needs to be said. But a system that depends on the local police to protect the people investigating the local police has a design problem.",
                        "attribution": "Ximena Ugalde, coordinator of the Border Journalists' Network",
                    },
                ),
                (
                    "paragraph",
                    "<p>The problem is not new. Over the past five years, the Border Journalists' Network has documented 64 attacks on the press in Sierra Parda, from threats on social media to stolen equipment, and none has ended in a conviction. Most of the journalists interviewed said they no longer sign their stories with their real names.</p>",
                ),
                (
                    "paragraph",
                    '<p>Frontera is one of those outlets: our reporters publish under pseudonyms, a decision we explain <a href="https://example.org/frontera/about">on this page</a>. We have asked the federal program for an interview about its assessment of the Sierra Parda cases; we are still waiting for a reply.</p>',
                ),
            ],
        },
    },
    # 7 — Profile, written in English.
    {
        "original_language": "en",
        "translated": True,
        "days_ago": 31,
        "authors": ["tomas-aldana"],
        "credit_line": {"en": "for Frontera", "es": "para Frontera"},
        "translator": "Rodrigo Leyva Tamez",
        "tags": ["profiles", "courts"],
        "featured": False,
        "hero": {
            "palette": ["#354f52", "#cad2c5"],
            "motif": "city",
            "caption": {
                "en": "Eileen Batista walks to the federal courthouse in Calder Springs.",
                "es": "Eileen Batista camina hacia la corte federal en Calder Springs.",
            },
            "credit": "Illustration: Frontera",
        },
        "en": {
            "title": "The public defender who reads every page",
            "slug": "the-public-defender-who-reads-every-page",
            "dek": "Eileen Batista has represented more than 900 clients in Calder Springs' federal court, most of them people the system calls “low level,” and she says that is exactly where the system gets it wrong.",
            "body": [
                (
                    "paragraph",
                    "<p>Eileen Batista keeps a rule she learned in her first month as a federal public defender: read every page of the case file yourself, even when there are forty thousand of them. “The one page you skip,” she says, “is the one your client's life turns on.”</p>",
                ),
                (
                    "paragraph",
                    "<p>Batista, 52, grew up in Calder Springs, the daughter of a school-bus driver and a nurse who crossed the Calder Bridge every morning to work at a clinic in Ciudad Almagre. She has spent 19 years in the federal defender's office, where she now leads a team of six lawyers who handle nearly every drug, smuggling and money-laundering case in the district in which the defendant cannot afford a private attorney.</p>",
                ),
                ("heading", "Drivers, not bosses"),
                (
                    "paragraph",
                    "<p>Most of her clients, she says, are the people on the bottom rung of criminal organizations: drivers paid a few hundred dollars to take a car across the bridge, teenagers recruited on social media to watch a street corner, clerks who did not ask questions. She does not argue that they are innocent of everything. She argues that their sentences are often longer than those of the people who recruited them, because those people are rarely caught.</p>",
                ),
                (
                    "quote",
                    {
                        "text": "We spend enormous resources convicting the most replaceable people in these organizations. The day after my client is sentenced, someone else is driving that car.",
                        "attribution": "Eileen Batista",
                    },
                ),
                (
                    "paragraph",
                    "<p>Prosecutors who have faced her describe her as meticulous and hard to rattle. Her next case, the trial of money-transfer clerk Rogelio Benítez Caro, will be one of the largest of her career; it is scheduled to begin next month, and she declined to discuss it.</p>",
                ),
                (
                    "paragraph",
                    "<p>Outside the courthouse, Batista coaches a girls' soccer team and spends Saturday mornings at a free legal clinic for asylum seekers. Asked whether she had ever considered private practice, she laughed. “Every year,” she said. “And every year I get a new file I can't let go of.”</p>",
                ),
            ],
        },
        "es": {
            "title": "La defensora pública que lee cada página",
            "slug": "la-defensora-publica-que-lee-cada-pagina",
            "dek": "Eileen Batista ha defendido a más de 900 personas en la corte federal de Calder Springs, casi todas de las que el sistema llama “de bajo nivel”, y dice que justo ahí es donde el sistema se equivoca.",
            "body": [
                (
                    "paragraph",
                    "<p>Eileen Batista sigue una regla que aprendió en su primer mes como defensora pública federal: leer ella misma cada página del expediente, aunque sean cuarenta mil. “La página que te saltas”, dice, “es justo de la que depende la vida de tu cliente”.</p>",
                ),
                (
                    "paragraph",
                    "<p>Batista, de 52 años, creció en Calder Springs; es hija de un chofer de autobús escolar y de una enfermera que cruzaba el puente de Calder cada mañana para trabajar en una clínica de Ciudad Almagre. Lleva 19 años en la defensoría federal, donde hoy coordina a un equipo de seis abogados que atiende casi todos los casos de drogas, tráfico de personas y lavado de dinero del distrito en los que el acusado no puede pagar un abogado particular.</p>",
                ),
                ("heading", "Choferes, no capos"),
                (
                    "paragraph",
                    "<p>La mayoría de sus clientes, explica, está en el escalón más bajo de las organizaciones criminales: choferes a los que pagan unos cuantos cientos de dólares por cruzar un carro por el puente, adolescentes reclutados en redes sociales para vigilar una esquina, empleados que no hicieron preguntas. No sostiene que sean inocentes de todo. Sostiene que sus penas suelen ser más largas que las de quienes los reclutaron, porque a esos casi nunca los detienen.</p>",
                ),
                (
                    "quote",
                    {
                        "text": "Gastamos recursos enormes en condenar a las personas más reemplazables de estas organizaciones. Al día siguiente de que sentencian a mi cliente, alguien más ya está manejando ese carro.",
                        "attribution": "Eileen Batista",
                    },
                ),
                (
                    "paragraph",
                    "<p>Los fiscales que la han enfrentado la describen como minuciosa y difícil de desconcertar. Su próximo caso, el juicio contra Rogelio Benítez Caro, empleado de una casa de envíos de dinero, será uno de los más grandes de su carrera; está previsto que comience el mes próximo y ella prefirió no comentarlo.</p>",
                ),
                (
                    "paragraph",
                    "<p>Fuera de la corte, Batista entrena a un equipo de futbol femenil y los sábados por la mañana da asesoría gratuita a solicitantes de asilo. Cuando le preguntamos si alguna vez pensó en irse a un despacho privado, se rio. “Cada año”, dijo. “Y cada año me llega un expediente que no puedo soltar”.</p>",
                ),
            ],
        },
    },
    # 8 — Opinion column, written in Spanish.
    {
        "original_language": "es",
        "translated": True,
        "days_ago": 38,
        "authors": ["mateo-aire"],
        "credit_line": None,
        "translator": "Claire Dunmore",
        "tags": ["opinion"],
        "featured": False,
        "hero": {
            "palette": ["#1d3557", "#a8dadc"],
            "motif": "river",
            "caption": {
                "en": "The Salitre at low water, between Ciudad Almagre and Calder Springs.",
                "es": "El Salitre en estiaje, entre Ciudad Almagre y Calder Springs.",
            },
            "credit": "Illustration: Frontera",
        },
        "es": {
            "title": "La frontera no es un muro, es un río",
            "slug": "la-frontera-no-es-un-muro-es-un-rio",
            "dek": "Quienes vivimos en las dos orillas del Salitre sabemos que la violencia y el dinero cruzan en ambos sentidos; ya es hora de que la conversación pública también lo haga.",
            "body": [
                (
                    "paragraph",
                    "<p>Mi abuelo cruzaba el Salitre a pie en temporada de secas para vender queso en Calder Springs, y regresaba con azúcar, café y noticias. No había puente, o no lo usaba. Lo cuento no por nostalgia, sino porque a veces olvidamos lo que el río siempre supo: que aquí nada se queda de un solo lado.</p>",
                ),
                (
                    "paragraph",
                    "<p>Cada vez que hay un hecho violento en Ciudad Almagre, los noticieros del otro lado hablan de “violencia mexicana”. Cada vez que se decomisa un cargamento de armas en nuestra aduana, los políticos de este lado culpan “al norte”. Las dos frases son cómodas, y las dos son verdades a medias.</p>",
                ),
                (
                    "pull_quote",
                    "El dinero que sostiene a la organización Ceniza no se lava solo en Almagre: se lava en las dos orillas, y con la misma calma.",
                ),
                (
                    "paragraph",
                    "<p>El agente del condado de Ocotillo que escoltaba camiones, los pozos sin permiso en La Saltadera, el exalcalde absuelto de Nuevo Casimiro: todo lo que hemos publicado en Frontera en los últimos meses apunta en la misma dirección. El crimen organizado en esta región es binacional, y también lo son sus clientes, sus contadores y sus abogados.</p>",
                ),
                ("heading", "Lo que pido"),
                (
                    "paragraph",
                    "<p>Pido algo sencillo y difícil. Que las autoridades de las dos ciudades compartan información con la misma facilidad con que comparten los problemas; que los cabildos de Almagre y Calder Springs sesionen juntos al menos una vez al año sobre seguridad y agua, y que quienes escribimos de estos temas dejemos de usar la línea del mapa como si fuera una explicación.</p>",
                ),
                ("paragraph", "<p>El río no tiene pasaporte. Nuestras preguntas tampoco deberían tenerlo.</p>"),
            ],
        },
        "en": {
            "title": "The border isn't a wall. It's a river.",
            "slug": "the-border-isnt-a-wall-its-a-river",
            "dek": "Those of us who live on both banks of the Salitre know that violence and money cross in both directions; it is time the public conversation did too.",
            "body": [
                (
                    "paragraph",
                    "<p>My grandfather used to wade across the Salitre in the dry season to sell cheese in Calder Springs, and he came back with sugar, coffee and news. There was no bridge, or he didn't use it. I tell this not out of nostalgia, but because we sometimes forget what the river has always known: that here, nothing stays on one side.</p>",
                ),
                (
                    "paragraph",
                    "<p>Every time there is a violent incident in Ciudad Almagre, the newscasts on the other side talk about “Mexican violence.” Every time a shipment of weapons is seized at our customs post, politicians on this side blame “the north.” Both phrases are convenient, and both are half-truths.</p>",
                ),
                (
                    "pull_quote",
                    "The money that keeps the Ceniza organization running isn't laundered in Almagre alone: it is laundered on both banks, and just as calmly.",
                ),
                (
                    "paragraph",
                    "<p>The county deputy who escorted trucks past a checkpoint, the unpermitted wells at La Saltadera, the acquitted former mayor of Nuevo Casimiro: everything we have published in Frontera in recent months points in the same direction. Organized crime in this region is binational, and so are its customers, its accountants and its lawyers.</p>",
                ),
                ("heading", "What I'm asking for"),
                (
                    "paragraph",
                    "<p>What I am asking for is simple and hard. That the authorities of both cities share information as easily as they share problems; that the councils of Almagre and Calder Springs meet together at least once a year on security and water; and that those of us who write about these issues stop using the line on the map as if it were an explanation.</p>",
                ),
                ("paragraph", "<p>The river has no passport. Neither should our questions.</p>"),
            ],
        },
    },
    # 9 — Courts, English only (not translated).
    {
        "original_language": "en",
        "translated": False,
        "days_ago": 44,
        "authors": ["tomas-aldana"],
        "credit_line": None,
        "translator": None,
        "tags": ["courts", "migration"],
        "featured": False,
        "hero": {
            "palette": ["#432818", "#bb9457"],
            "motif": "desert",
            "caption": {
                "en": "A state highway checkpoint north of Calder Springs.",
                "es": "Un retén en una carretera estatal al norte de Calder Springs.",
            },
            "credit": "Illustration: Frontera",
        },
        "en": {
            "title": "Former Ocotillo County deputy pleads guilty to escorting smuggling loads",
            "slug": "former-deputy-pleads-guilty-smuggling-escort",
            "dek": "Corey Landeros admitted using his patrol car to wave trucks carrying migrants past a highway checkpoint in exchange for $1,500 a trip.",
            "body": [
                (
                    "paragraph",
                    "<p>A former Ocotillo County sheriff's deputy pleaded guilty on Wednesday to conspiracy to transport undocumented migrants, admitting in federal court that he used his patrol car to escort at least 14 trucks past a state highway checkpoint north of Calder Springs. He is the second county law-enforcement officer convicted in a smuggling case in three years.</p>",
                ),
                (
                    "paragraph",
                    "<p>Corey Landeros, 36, told Judge Harriet Lindqvist that he was paid $1,500 a trip by a man he knew only by a nickname, and that he usually received the route and timing by text message an hour beforehand. Under the plea agreement, prosecutors will recommend a sentence at the low end of the federal guidelines in exchange for his cooperation.</p>",
                ),
                ("heading", "A department under review"),
                (
                    "paragraph",
                    "<p>Landeros resigned from the sheriff's office last spring, two weeks before his arrest. Sheriff Wade Pruitt said at the time that the department had “zero tolerance” for corruption and had cooperated fully with investigators. The county commission has since hired an outside firm to audit the department's internal affairs unit, and its report is due in the fall.</p>",
                ),
                (
                    "quote",
                    {
                        "text": "I knew there were people in those trucks. I told myself it wasn't my business.",
                        "attribution": "Corey Landeros, in court",
                    },
                ),
                (
                    "paragraph",
                    "<p>Sentencing is scheduled for early next year. Landeros faces up to ten years in federal prison.</p>",
                ),
            ],
        },
    },
    # 10 — Local politics, English only (not translated).
    {
        "original_language": "en",
        "translated": False,
        "days_ago": 51,
        "authors": ["nora-quill"],
        "credit_line": {"en": "for Frontera", "es": "para Frontera"},
        "translator": None,
        "tags": ["local-politics", "water"],
        "featured": False,
        "hero": {
            "palette": ["#005f73", "#94d2bd"],
            "motif": "river",
            "caption": {
                "en": "The proposed pipeline would cross the Salitre south of the Calder Bridge.",
                "es": "El acueducto propuesto cruzaría el Salitre al sur del puente de Calder.",
            },
            "credit": "Illustration: Frontera",
        },
        "en": {
            "title": "Calder Springs council delays vote on cross-river pipeline",
            "slug": "calder-springs-council-delays-pipeline-vote",
            "dek": "Council members want an independent review of a plan to buy water from Mexican permit holders, after questions about who those permit holders are.",
            "body": [
                (
                    "paragraph",
                    "<p>The Calder Springs City Council voted 5-2 on Tuesday night to postpone a decision on a $38 million pipeline that would carry water bought from permit holders on the Mexican side of the Salitre River to the city's treatment plant. The delay, which council members said could last up to 90 days, followed a packed public hearing that ran past midnight.</p>",
                ),
                (
                    "paragraph",
                    "<p>City staff have presented the pipeline as insurance against drought: Calder Springs' own rights on the river are among the most junior in the basin, which means they are the first to be cut in a dry year. Under the proposal, the city would lease up to 12 million cubic meters a year from agricultural users in the Sierra Parda irrigation district.</p>",
                ),
                ("heading", "Who is selling?"),
                (
                    "paragraph",
                    "<p>Council member Luis Arreola, who moved to delay the vote, said he had been unable to obtain a complete list of the Mexican permit holders the city would be paying. Two of the companies named in a draft agreement obtained by Frontera are registered at addresses in Ciudad Almagre where no business appears to operate. City staff said the draft was “preliminary” and that every seller would be vetted before signing.</p>",
                ),
                (
                    "quote",
                    {
                        "text": "I am not against the pipeline. I am against signing a thirty-year contract with companies I can't find.",
                        "attribution": "Luis Arreola, Calder Springs City Council",
                    },
                ),
                (
                    "paragraph",
                    "<p>Mayor Dana Whitcombe, who supports the project, said the city would commission the review but warned that waiting carries its own risks. “The river is not going to wait for us,” she said. The council is expected to take up the issue again in the spring.</p>",
                ),
            ],
        },
    },
    # 11 — Water, Spanish only (not translated).
    {
        "original_language": "es",
        "translated": False,
        "days_ago": 59,
        "authors": ["lucia-ferran"],
        "credit_line": None,
        "translator": None,
        "tags": ["water"],
        "featured": False,
        "hero": {
            "palette": ["#7f5539", "#ddb892"],
            "motif": "desert",
            "caption": {
                "en": "Farmland in the La Saltadera ejido, upstream of Ciudad Almagre.",
                "es": "Tierras de cultivo del ejido La Saltadera, río arriba de Ciudad Almagre.",
            },
            "credit": "Illustration: Frontera",
        },
        "es": {
            "title": "Ejidatarios de La Saltadera denuncian pozos clandestinos junto al río",
            "slug": "ejidatarios-de-la-saltadera-denuncian-pozos-clandestinos",
            "dek": "Los productores aseguran que al menos once pozos sin permiso, perforados en terrenos que compraron desconocidos, están dejando secas sus norias.",
            "body": [
                (
                    "paragraph",
                    "<p>Desde finales del verano, las norias del ejido La Saltadera, a 40 kilómetros río arriba de Ciudad Almagre, sacan cada vez menos agua. Los ejidatarios creen saber por qué: en los terrenos vecinos, comprados en los últimos dos años por personas a las que nadie en el pueblo conoce, aparecieron de un día para otro al menos once pozos profundos.</p>",
                ),
                (
                    "paragraph",
                    "<p>El comisariado ejidal, Anselmo Rentería, presentó la semana pasada una denuncia ante la autoridad federal del agua con fotografías, coordenadas y los nombres de los predios. Según el registro público, ninguno de esos terrenos tiene concesión para extraer agua del subsuelo.</p>",
                ),
                (
                    "quote",
                    {
                        "text": "Aquí todos sabemos quién tiene pozo y quién no. Esos los hicieron de noche, con máquinas que no son de la región.",
                        "attribution": "Anselmo Rentería, comisariado ejidal de La Saltadera",
                    },
                ),
                ("heading", "Sin inspectores"),
                (
                    "paragraph",
                    "<p>La oficina regional de la autoridad del agua en Sierra Parda tiene tres inspectores para vigilar más de 6,000 aprovechamientos, según datos que Frontera obtuvo por transparencia. Un funcionario que pidió no ser identificado, porque no está autorizado para hablar con la prensa, dijo que las visitas a la zona de La Saltadera se suspendieron hace un año “por condiciones de seguridad”.</p>",
                ),
                (
                    "paragraph",
                    "<p>Los ejidatarios pidieron una reunión con la delegación estatal y con el ayuntamiento de Nuevo Casimiro, al que pertenece el ejido. Mientras tanto, varias familias ya compran agua en pipa para sus animales, a 900 pesos el viaje.</p>",
                ),
            ],
        },
    },
    # 12 — Migration investigation, written in English.
    {
        "original_language": "en",
        "translated": True,
        "days_ago": 70,
        "authors": ["lucia-ferran", "tomas-aldana"],
        "credit_line": {
            "en": "With additional reporting by Nora Quill",
            "es": "Con información adicional de Nora Quill",
        },
        "translator": "Mariana Ocejo",
        "tags": ["migration", "investigations"],
        "featured": False,
        "hero": {
            "palette": ["#582f0e", "#b6ad90"],
            "motif": "city",
            "caption": {
                "en": "The Centro neighborhood of Ciudad Almagre, near the international bridge.",
                "es": "El Centro de Ciudad Almagre, cerca del puente internacional.",
            },
            "credit": "Illustration: Frontera",
        },
        "en": {
            "title": "The “waiting tax”: how migrants in Almagre pay to stay in line",
            "slug": "the-waiting-tax",
            "dek": "Migrants waiting for asylum appointments in Ciudad Almagre describe weekly payments collected by people linked to the Ceniza organization, in rented rooms, storage units and corner stores.",
            "body": [
                (
                    "paragraph",
                    "<p>Every Friday, Óscar, a 34-year-old bricklayer from Honduras, hands 500 pesos to a man who comes to the boarding house where he rents a bed in the Centro neighborhood of Ciudad Almagre. He does not know the man's name. He knows that if he does not pay, he will have to leave.</p>",
                ),
                (
                    "paragraph",
                    "<p>Over three months, Frontera interviewed 41 migrants living outside the city's shelters, along with landlords, shopkeepers and two former municipal police officers. Their accounts describe a “waiting tax” collected every week from people who rent rooms, sleep in storage units or work informally while they wait for an asylum appointment, with payments ranging from 300 to 1,000 pesos.</p>",
                ),
                ("heading", "A business built on delay"),
                (
                    "paragraph",
                    "<p>According to the landlords and the former officers, the collection is organized by people who work for the Ceniza organization, which has controlled most illicit business in the city center for at least five years. Three landlords said they had been told to report every new tenant within a day of arrival. One said he tried to refuse and found the doors of his building chained shut the next morning.</p>",
                ),
                (
                    "pull_quote",
                    "The longer people have to wait at the border, the more they are worth to those who profit from the wait.",
                ),
                (
                    "quote",
                    {
                        "text": "They're not charging for the crossing. They're charging for time, and right now there's a lot of time to sell.",
                        "attribution": "A former municipal police officer, who asked not to be named for safety reasons",
                    },
                ),
                (
                    "paragraph",
                    "<p>The Sierra Parda state prosecutor's office said it had opened 17 investigations into the extortion of migrants this year, none of which has reached a judge. The city government said it had no record of complaints about boarding houses. None of the migrants interviewed had reported the payments; most said they feared being identified before their appointment.</p>",
                ),
                (
                    "paragraph",
                    '<p>Frontera has withheld the full names of migrants and the addresses of boarding houses to protect the people who spoke to us. If you have experienced or witnessed this kind of extortion, <a href="https://example.org/frontera/about#tips">you can contact us safely</a>.</p>',
                ),
            ],
        },
        "es": {
            "title": "La “cuota de espera”: así pagan los migrantes en Almagre por seguir en la fila",
            "slug": "la-cuota-de-espera",
            "dek": "Migrantes que esperan una cita de asilo en Ciudad Almagre describen pagos semanales que cobran personas ligadas a la organización Ceniza en cuartos de renta, bodegas y tienditas de la esquina.",
            "body": [
                (
                    "paragraph",
                    "<p>Cada viernes, Óscar, albañil hondureño de 34 años, le entrega 500 pesos a un hombre que llega a la casa de huéspedes donde renta una cama, en el Centro de Ciudad Almagre. No sabe cómo se llama. Sabe que, si no paga, tendrá que irse.</p>",
                ),
                (
                    "paragraph",
                    "<p>Durante tres meses, Frontera entrevistó a 41 migrantes que viven fuera de los albergues de la ciudad, además de caseros, comerciantes y dos expolicías municipales. Sus testimonios describen una “cuota de espera” que se cobra cada semana a quienes rentan cuartos, duermen en bodegas o trabajan en la informalidad mientras esperan su cita de asilo, con pagos de entre 300 y 1,000 pesos.</p>",
                ),
                ("heading", "Un negocio hecho de demoras"),
                (
                    "paragraph",
                    "<p>Según los caseros y los expolicías, el cobro lo organizan personas que trabajan para la organización Ceniza, que desde hace al menos cinco años controla la mayor parte de los negocios ilícitos del Centro. Tres caseros dijeron que les ordenaron reportar a cada inquilino nuevo en menos de un día. Uno contó que intentó negarse y a la mañana siguiente encontró las puertas de su edificio cerradas con cadenas.</p>",
                ),
                (
                    "pull_quote",
                    "Mientras más tiempo tiene que esperar la gente en la frontera, más vale para quienes lucran con la espera.",
                ),
                (
                    "quote",
                    {
                        "text": "No cobran por cruzar. Cobran por el tiempo, y ahorita hay mucho tiempo que vender.",
                        "attribution": "Un expolicía municipal que pidió no ser identificado por motivos de seguridad",
                    },
                ),
                (
                    "paragraph",
                    "<p>La fiscalía de Sierra Parda informó que este año abrió 17 carpetas de investigación por extorsión a migrantes, y ninguna ha llegado ante un juez. El gobierno municipal dijo no tener registro de quejas sobre casas de huéspedes. Ninguno de los migrantes entrevistados había denunciado los pagos; la mayoría dijo que teme ser identificado antes de su cita.</p>",
                ),
                (
                    "paragraph",
                    '<p>Frontera omitió los nombres completos de los migrantes y las direcciones de las casas de huéspedes para proteger a quienes hablaron con nosotros. Si has vivido o presenciado este tipo de extorsión, <a href="https://example.org/frontera/acerca-de#pistas">puedes contactarnos de forma segura</a>.</p>',
                ),
            ],
        },
    },
    # 13 — Courts and local politics, written in Spanish.
    {
        "original_language": "es",
        "translated": True,
        "days_ago": 84,
        "authors": ["tomas-aldana"],
        "credit_line": None,
        "translator": "Peter Halloran",
        "tags": ["courts", "local-politics"],
        "featured": False,
        "hero": {
            "palette": ["#2f3e46", "#84a98c"],
            "motif": "mountains",
            "caption": {
                "en": "Nuevo Casimiro sits in the foothills above the Salitre valley.",
                "es": "Nuevo Casimiro, en las faldas de la sierra, sobre el valle del Salitre.",
            },
            "credit": "Illustration: Frontera",
        },
        "es": {
            "title": "Absuelven al exalcalde de Nuevo Casimiro; la fiscalía anuncia que apelará",
            "slug": "absuelven-al-exalcalde-de-nuevo-casimiro",
            "dek": "Un tribunal estatal consideró insuficientes las pruebas contra Joaquín Arredondo Peña, acusado de desviar 46 millones de pesos del sistema de agua potable del municipio.",
            "body": [
                (
                    "paragraph",
                    "<p>Un tribunal de enjuiciamiento de Sierra Parda absolvió este martes a Joaquín Arredondo Peña, presidente municipal de Nuevo Casimiro durante dos periodos, de los cargos de peculado y uso ilícito de atribuciones. La fiscalía anticorrupción lo acusaba de desviar 46 millones de pesos destinados a rehabilitar la red de agua potable del municipio.</p>",
                ),
                (
                    "paragraph",
                    "<p>En una audiencia de casi tres horas, la jueza presidenta del tribunal, Rosalba Quiñones, explicó que los peritajes contables de la fiscalía no lograron demostrar que el dinero hubiera terminado en manos del exalcalde ni de personas cercanas a él. También señaló que dos testigos clave se retractaron de sus declaraciones durante el juicio.</p>",
                ),
                ("heading", "Las obras que nunca llegaron"),
                (
                    "paragraph",
                    "<p>Fuera de la sala, la sentencia no cambia lo que los vecinos de Nuevo Casimiro ven todos los días: según la auditoría estatal, de los 23 kilómetros de tubería que debían sustituirse, solo se cambiaron cuatro. En las colonias altas del municipio, el agua llega por la red dos días a la semana.</p>",
                ),
                (
                    "quote",
                    {
                        "text": "Respetamos la decisión del tribunal, pero no la compartimos. Vamos a apelar, y vamos a presentar pruebas que el tribunal no valoró.",
                        "attribution": "Leonor Castañón, fiscal anticorrupción de Sierra Parda",
                    },
                ),
                (
                    "paragraph",
                    "<p>La defensa de Arredondo Peña calificó el juicio como una “persecución política” impulsada por el gobierno estatal. El exalcalde, que salió de la sala sin hacer declaraciones, ha dicho en entrevistas anteriores que buscará una diputación local en las próximas elecciones.</p>",
                ),
                (
                    "paragraph",
                    '<p>La fiscalía tiene diez días hábiles para presentar la apelación. Consulte <a href="https://example.org/frontera/cronologia-nuevo-casimiro">nuestra cronología del caso</a>, con los documentos que se presentaron en el juicio.</p>',
                ),
            ],
        },
        "en": {
            "title": "Former Nuevo Casimiro mayor acquitted; prosecutors vow to appeal",
            "slug": "former-nuevo-casimiro-mayor-acquitted",
            "dek": "A state court found the evidence insufficient against Joaquín Arredondo Peña, who was accused of diverting 46 million pesos from the town's drinking-water system.",
            "body": [
                (
                    "paragraph",
                    "<p>A Sierra Parda trial court on Tuesday acquitted Joaquín Arredondo Peña, who served two terms as mayor of Nuevo Casimiro, of embezzlement and abuse of office. The state anti-corruption prosecutor's office had accused him of diverting 46 million pesos meant to rebuild the town's drinking-water network.</p>",
                ),
                (
                    "paragraph",
                    "<p>In a hearing that lasted nearly three hours, the presiding judge, Rosalba Quiñones, said the forensic accounting presented by prosecutors had failed to show that the money ended up with the former mayor or anyone close to him. She also noted that two key witnesses had recanted their statements during the trial.</p>",
                ),
                ("heading", "The repairs that never came"),
                (
                    "paragraph",
                    "<p>Outside the courtroom, the verdict does not change what residents of Nuevo Casimiro see every day: according to the state audit office, only four of the 23 kilometers of pipe that were supposed to be replaced were ever changed. In the town's hillside neighborhoods, tap water arrives two days a week.</p>",
                ),
                (
                    "quote",
                    {
                        "text": "We respect the court's decision, but we do not share it. We will appeal, and we will present evidence the court did not weigh.",
                        "attribution": "Leonor Castañón, Sierra Parda anti-corruption prosecutor",
                    },
                ),
                (
                    "paragraph",
                    "<p>Arredondo Peña's defense called the trial “political persecution” driven by the state government. The former mayor, who left the courtroom without comment, has said in past interviews that he plans to run for the state legislature in the next election.</p>",
                ),
                (
                    "paragraph",
                    '<p>Prosecutors have ten working days to file their appeal. See <a href="https://example.org/frontera/nuevo-casimiro-timeline">our timeline of the case</a>, with the documents presented at trial.</p>',
                ),
            ],
        },
    },
    # 14 — Press freedom explainer, written in English.
    {
        "original_language": "en",
        "translated": True,
        "days_ago": 101,
        "authors": ["nora-quill"],
        "credit_line": None,
        "translator": "Rodrigo Leyva Tamez",
        "tags": ["press-freedom", "explainers"],
        "featured": False,
        "hero": {
            "palette": ["#0b090a", "#b1a7a6"],
            "motif": "documents",
            "caption": {
                "en": "Frontera's editors know the identity of every anonymous source we rely on.",
                "es": "Los editores de Frontera conocen la identidad de cada fuente anónima que citamos.",
            },
            "credit": "Illustration: Frontera",
        },
        "en": {
            "title": "How we protect our sources, and our reporters",
            "slug": "how-we-protect-our-sources",
            "dek": "Why Frontera's writers use pseudonyms, what we do with the information you send us, and what we will never do.",
            "body": [
                (
                    "paragraph",
                    "<p>Readers sometimes ask why the names on our stories are not the names on our reporters' ID cards. The short answer is that in this region, reporting on organized crime carries risks that a byline can make worse. Here is the longer answer, along with an explanation of how we handle the information people trust us with.</p>",
                ),
                ("heading", "Why pseudonyms"),
                (
                    "paragraph",
                    "<p>Every writer who publishes in Frontera may choose to use a pseudonym, and all of our current staff do. Our editors know their real identities, and each pseudonym is used by only one person, so that readers can follow a reporter's work over time and hold them accountable for it. We never use a pseudonym to invent a source or to hide a conflict of interest.</p>",
                ),
                ("heading", "How we treat anonymous sources"),
                (
                    "paragraph",
                    "<p>We grant anonymity only when speaking openly would put a source or their family at risk, and only when at least one editor knows who they are. In every story, we explain why a source was not named. We do not store the names of confidential sources in our publishing system, in shared documents or in email.</p>",
                ),
                (
                    "quote",
                    {
                        "text": "A pseudonym protects the reporter, not the story. Everything we publish has to stand on documents, data and people we can defend.",
                        "attribution": "The editors of Frontera",
                    },
                ),
                ("heading", "Sending us a tip"),
                (
                    "paragraph",
                    '<p>If you have information you would like us to look into, please read the <a href="https://example.org/frontera/about#tips">safety guide on our About page</a> before contacting us. Use a device that your employer did not give you, and do not send us documents that could only have come from you until we have talked about how to protect your identity.</p>',
                ),
            ],
        },
        "es": {
            "title": "Cómo protegemos a nuestras fuentes y a nuestros periodistas",
            "slug": "como-protegemos-a-nuestras-fuentes",
            "dek": "Por qué quienes escriben en Frontera usan seudónimo, qué hacemos con la información que nos envían y qué no haremos nunca.",
            "body": [
                (
                    "paragraph",
                    "<p>A veces nuestros lectores preguntan por qué los nombres que firman las notas no coinciden con los de las credenciales de nuestros reporteros. La respuesta corta es que en esta región informar sobre el crimen organizado implica riesgos que una firma puede agravar. Aquí va la respuesta larga, junto con una explicación de cómo cuidamos la información que nos confían.</p>",
                ),
                ("heading", "Por qué usamos seudónimos"),
                (
                    "paragraph",
                    "<p>Cualquier persona que publica en Frontera puede elegir firmar con seudónimo, y hoy todo nuestro equipo lo hace. Nuestros editores conocen su identidad real y cada seudónimo lo usa una sola persona, para que los lectores puedan seguir el trabajo de un reportero a lo largo del tiempo y pedirle cuentas. Nunca usamos un seudónimo para inventar una fuente ni para ocultar un conflicto de interés.</p>",
                ),
                ("heading", "Cómo tratamos a las fuentes anónimas"),
                (
                    "paragraph",
                    "<p>Solo concedemos el anonimato cuando hablar abiertamente pondría en riesgo a la fuente o a su familia, y siempre que al menos un editor sepa quién es. En cada nota explicamos por qué no identificamos a una fuente. No guardamos los nombres de fuentes confidenciales en nuestro sistema de publicación, en documentos compartidos ni en el correo electrónico.</p>",
                ),
                (
                    "quote",
                    {
                        "text": "Un seudónimo protege al periodista, no a la nota. Todo lo que publicamos tiene que sostenerse en documentos, datos y personas que podamos defender.",
                        "attribution": "Los editores de Frontera",
                    },
                ),
                ("heading", "Cómo enviarnos información"),
                (
                    "paragraph",
                    '<p>Si tienes información que quieras que investiguemos, lee antes la <a href="https://example.org/frontera/acerca-de#pistas">guía de seguridad de nuestra página “Quiénes somos”</a>. Usa un dispositivo que no te haya dado tu empleador y no nos mandes documentos que solo pudieron salir de ti hasta que hayamos hablado de cómo cuidar tu identidad.</p>',
                ),
            ],
        },
    },
    # 15 — Profile, written in Spanish.
    {
        "original_language": "es",
        "translated": True,
        "days_ago": 120,
        "authors": ["mateo-aire"],
        "credit_line": {"en": "for Frontera", "es": "para Frontera"},
        "translator": "Claire Dunmore",
        "tags": ["profiles", "water"],
        "featured": False,
        "hero": {
            "palette": ["#3a5a40", "#dad7cd"],
            "motif": "mountains",
            "caption": {
                "en": "The Salitre near Villa Ocotal, where Herminia Tovar has taken weekly measurements since the 1980s.",
                "es": "El Salitre cerca de Villa Ocotal, donde Herminia Tovar mide el río cada semana desde los años ochenta.",
            },
            "credit": "Illustration: Frontera",
        },
        "es": {
            "title": "Herminia Tovar, la hidróloga que midió el Salitre durante 40 años",
            "slug": "herminia-tovar-la-hidrologa-del-salitre",
            "dek": "Sus libretas de campo, escritas a mano desde los años ochenta, son hoy el registro más completo del río y la prueba de cuánto ha cambiado.",
            "body": [
                (
                    "paragraph",
                    "<p>En la casa de Herminia Tovar Esquivel, en Villa Ocotal, hay un librero que ocupa una pared entera y no tiene un solo libro. Tiene 187 libretas de pasta verde, numeradas y fechadas, con las mediciones de caudal, temperatura y salinidad que ha tomado en el río Salitre cada semana desde que tenía 24 años.</p>",
                ),
                (
                    "paragraph",
                    "<p>Tovar, de 71 años, trabajó casi toda su vida como técnica en la estación hidrométrica de Villa Ocotal, primero para el gobierno federal y, cuando cerraron la estación, por su cuenta. Cuando le quitaron el presupuesto, compró su propio molinete y siguió midiendo.</p>",
                ),
                ("pull_quote", "El río no se está secando solo. Lo están secando."),
                ("heading", "Un archivo que nadie pidió"),
                (
                    "paragraph",
                    "<p>Durante décadas, nadie le pidió sus datos. Eso cambió hace tres años, cuando investigadores de la Universidad Autónoma de Sierra Parda buscaban series largas de caudal para estudiar la sobreexplotación de la cuenca y alguien mencionó a “la señora de las libretas”. Desde entonces sus registros se digitalizaron y sostienen varios estudios; el equipo de datos de Frontera también los está usando para un análisis que publicaremos en los próximos meses.</p>",
                ),
                (
                    "quote",
                    {
                        "text": "Yo no soy científica, soy necia. La ciencia la hacen otros con lo que yo apunté.",
                        "attribution": "Herminia Tovar Esquivel",
                    },
                ),
                (
                    "paragraph",
                    "<p>Sus libretas muestran que el caudal promedio del Salitre en temporada de secas es hoy menos de la mitad de lo que era a mediados de los ochenta, y que la caída se aceleró en la última década, cuando se multiplicaron los pozos en la parte alta de la cuenca. Tovar sigue bajando al río los lunes a las siete de la mañana. Ahora la acompaña su nieta, que anota las cifras en una tableta y, por si acaso, también en una libreta verde.</p>",
                ),
            ],
        },
        "en": {
            "title": "Herminia Tovar spent 40 years measuring the Salitre",
            "slug": "herminia-tovar-measured-the-salitre",
            "dek": "Her field notebooks, handwritten since the 1980s, are now the most complete record of the river, and proof of how much it has changed.",
            "body": [
                (
                    "paragraph",
                    "<p>In Herminia Tovar Esquivel's house in Villa Ocotal there is a bookcase that fills an entire wall and holds not a single book. Instead it holds 187 green notebooks, numbered and dated, with the flow, temperature and salinity readings she has taken on the Salitre River every week since she was 24.</p>",
                ),
                (
                    "paragraph",
                    "<p>Tovar, 71, spent most of her working life as a technician at the Villa Ocotal gauging station, first for the federal government and then, after the station closed, on her own. When the funding was cut, she bought her own current meter and kept measuring.</p>",
                ),
                ("pull_quote", "The river isn't drying up on its own. Someone is drying it up."),
                ("heading", "An archive nobody asked for"),
                (
                    "paragraph",
                    "<p>For decades, nobody asked for her data. That changed three years ago, when researchers at the Autonomous University of Sierra Parda were looking for long-term flow records to study the overexploitation of the basin and someone mentioned “the lady with the notebooks.” Her records have since been digitized and underpin several studies; Frontera's data team is also using them for an analysis we will publish in the coming months.</p>",
                ),
                (
                    "quote",
                    {
                        "text": "I'm not a scientist, I'm just stubborn. Other people do the science with what I wrote down.",
                        "attribution": "Herminia Tovar Esquivel",
                    },
                ),
                (
                    "paragraph",
                    "<p>Her notebooks show that the Salitre's average dry-season flow is now less than half what it was in the mid-1980s, and that the decline sped up over the past decade, as wells multiplied in the upper basin. Tovar still walks down to the river on Mondays at seven in the morning. These days her granddaughter comes along, entering the numbers on a tablet and, just in case, in a green notebook too.</p>",
                ),
            ],
        },
    },
]

PAGES = {
    "about": {
        "en": {
            "title": "About Frontera",
            "slug": "about",
            "body": [
                (
                    "paragraph",
                    "<p>Frontera is an independent, nonprofit newsroom that reports on organized crime, corruption and their consequences along the Salitre River, the stretch of border shared by Ciudad Almagre, in the Mexican state of Sierra Parda, and Calder Springs, in the US state of Estrella. We publish in English and Spanish because our readers, like our stories, live on both banks.</p>",
                ),
                (
                    "paragraph",
                    "<p>We are a small team: five reporters, two editors, a data specialist and a handful of freelancers on both sides of the river. We are funded by reader donations and foundation grants, and we do not accept money from governments, political parties or companies we cover.</p>",
                ),
                ("heading", "Why our writers use pseudonyms"),
                (
                    "paragraph",
                    '<p>Journalists who cover organized crime in this region face threats, surveillance and, far too often, violence. To reduce that risk, our writers publish under pseudonyms. Each pseudonym belongs to a single person, our editors know who wrote every story, and we hold pseudonymous work to the same standards of sourcing and correction as any other; you can read more in <a href="https://example.org/frontera/how-we-protect-our-sources">How we protect our sources, and our reporters</a>.</p>',
                ),
                ("heading", "How to send us a tip safely"),
                (
                    "paragraph",
                    '<p>Use a personal device and a network your employer does not monitor; if you can, do not write to us from a work computer. Reach us through our encrypted messaging account or the secure drop described at <a href="https://example.org/frontera/tips">example.org/frontera/tips</a>. You do not need to include your name in your first message.</p>',
                ),
                (
                    "paragraph",
                    "<p>Tell us what you know and how you know it, but do not send original documents until we have talked about how to protect your identity. We will never publish your identity without your consent, and if your information is going to appear in a story, we will tell you before it is published.</p>",
                ),
                ("heading", "A note about this site"),
                (
                    "paragraph",
                    "<p><b>This is a demonstration site.</b> Frontera, its writers and every person, place, organization and event described here are invented, and any resemblance to real people, towns or groups is coincidental. The site exists to show how a small bilingual newsroom might publish its work.</p>",
                ),
            ],
        },
        "es": {
            "title": "Quiénes somos",
            "slug": "acerca-de",
            "body": [
                (
                    "paragraph",
                    "<p>Frontera es una redacción independiente y sin fines de lucro que investiga el crimen organizado, la corrupción y sus consecuencias a lo largo del río Salitre, el tramo de frontera que comparten Ciudad Almagre, en el estado mexicano de Sierra Parda, y Calder Springs, en el estado estadounidense de Estrella. Publicamos en español y en inglés porque nuestros lectores, igual que nuestras historias, viven en las dos orillas.</p>",
                ),
                (
                    "paragraph",
                    "<p>Somos un equipo pequeño: cinco reporteros, dos editores, una especialista en datos y algunos colaboradores independientes en ambos lados del río. Nos financiamos con donativos de lectores y apoyos de fundaciones, y no aceptamos dinero de gobiernos, partidos políticos ni empresas sobre las que informamos.</p>",
                ),
                ("heading", "Por qué nuestros periodistas firman con seudónimo"),
                (
                    "paragraph",
                    '<p>Quienes cubren el crimen organizado en esta región enfrentan amenazas, vigilancia y, con demasiada frecuencia, violencia. Para reducir ese riesgo, nuestros periodistas publican con seudónimo. Cada seudónimo corresponde a una sola persona, los editores saben quién escribió cada nota y al trabajo firmado con seudónimo le exigimos el mismo rigor en fuentes y correcciones que a cualquier otro; puedes leer más en <a href="https://example.org/frontera/como-protegemos-a-nuestras-fuentes">Cómo protegemos a nuestras fuentes y a nuestros periodistas</a>.</p>',
                ),
                ("heading", "Cómo enviarnos información de forma segura"),
                (
                    "paragraph",
                    '<p>Usa un dispositivo personal y una red que tu empleador no vigile; de ser posible, no nos escribas desde la computadora del trabajo. Contáctanos por nuestra cuenta de mensajería cifrada o por el buzón seguro que describimos en <a href="https://example.org/frontera/pistas">example.org/frontera/pistas</a>. No es necesario que incluyas tu nombre en el primer mensaje.</p>',
                ),
                (
                    "paragraph",
                    "<p>Cuéntanos qué sabes y cómo lo sabes, pero no nos envíes documentos originales hasta que hayamos hablado de cómo cuidar tu identidad. Nunca publicaremos tu identidad sin tu consentimiento y, si tu información va a aparecer en una nota, te lo diremos antes de publicarla.</p>",
                ),
                ("heading", "Una nota sobre este sitio"),
                (
                    "paragraph",
                    "<p><b>Este es un sitio de demostración.</b> Frontera, sus periodistas y todas las personas, lugares, organizaciones y hechos que aparecen aquí son inventados, y cualquier parecido con personas, ciudades o grupos reales es mera coincidencia. El sitio existe para mostrar cómo podría publicar su trabajo una pequeña redacción bilingüe.</p>",
                ),
            ],
        },
    },
    "comment_policy": {
        "en": {
            "title": "Comment policy",
            "slug": "comment-policy",
            "body": [
                (
                    "paragraph",
                    "<p>We want the comments on Frontera to be a place where readers on both banks of the Salitre can add information, disagree and ask questions. Because the subjects we cover can put people at risk, we moderate every comment before it appears.</p>",
                ),
                ("heading", "Pre-moderation"),
                (
                    "paragraph",
                    "<p>An editor reviews every comment before it is published, usually within one working day. Approval does not mean we agree with a comment, and rejection does not always mean it was offensive. We do not edit comments: we publish them as written, or not at all.</p>",
                ),
                ("heading", "What we reject"),
                (
                    "paragraph",
                    "<p>We will not publish comments that threaten or incite violence against anyone; that reveal personal information such as addresses, workplaces, license plates or family members; that name a source or one of our writers, or speculate about who they are; or that attack people for their nationality, ethnicity, religion, gender, sexual orientation or immigration status. Spam, advertising and repeated posts are also removed.</p>",
                ),
                ("heading", "Reporting a comment"),
                (
                    "paragraph",
                    "<p>If you see a published comment that breaks these rules, or one that puts you or someone else in danger, use the “Report” link below it or write to moderacion@example.org. We review safety-related reports first, and we may remove any comment at any time.</p>",
                ),
                ("heading", "Language"),
                (
                    "paragraph",
                    "<p>Comments are welcome in English or Spanish, whichever version of the article you are reading. We do not translate comments, but many of our readers are bilingual, and so are our moderators.</p>",
                ),
            ],
        },
        "es": {
            "title": "Normas para comentar",
            "slug": "normas-para-comentar",
            "body": [
                (
                    "paragraph",
                    "<p>Queremos que los comentarios en Frontera sean un espacio donde lectores de las dos orillas del Salitre puedan aportar información, debatir y hacer preguntas. Como los temas que cubrimos pueden poner a personas en riesgo, moderamos cada comentario antes de publicarlo.</p>",
                ),
                ("heading", "Moderación previa"),
                (
                    "paragraph",
                    "<p>El equipo de moderación revisa cada comentario antes de que aparezca, por lo general en menos de un día hábil. Que aprobemos un comentario no significa que estemos de acuerdo con él, y que lo rechacemos no siempre quiere decir que fuera ofensivo. No editamos comentarios: los publicamos tal como llegan o no los publicamos.</p>",
                ),
                ("heading", "Qué rechazamos"),
                (
                    "paragraph",
                    "<p>No publicaremos comentarios que amenacen o inciten a la violencia contra cualquier persona; que revelen datos personales como domicilios, lugares de trabajo, placas o familiares; que nombren a una fuente o a alguno de nuestros periodistas, o especulen sobre su identidad, ni que ataquen a alguien por su nacionalidad, origen étnico, religión, género, orientación sexual o situación migratoria. También retiramos el spam, la publicidad y los mensajes repetidos.</p>",
                ),
                ("heading", "Cómo denunciar un comentario"),
                (
                    "paragraph",
                    "<p>Si ves un comentario publicado que rompe estas normas, o que te pone en peligro a ti o a otra persona, usa el enlace “Denunciar” que aparece debajo o escribe a moderacion@example.org. Revisamos primero las denuncias relacionadas con la seguridad y podemos retirar cualquier comentario en cualquier momento.</p>",
                ),
                ("heading", "Idioma"),
                (
                    "paragraph",
                    "<p>Puedes comentar en español o en inglés, sin importar qué versión del artículo estés leyendo. No traducimos los comentarios, pero muchos de nuestros lectores son bilingües, y el equipo de moderación también.</p>",
                ),
            ],
        },
    },
}

# Demo reader comments, for later use. "article" is an index into ARTICLES.
COMMENTS = [
    # Lead investigation (0)
    {
        "article": 0,
        "language": "es",
        "name": "Rosa M.",
        "body": "Soy de La Saltadera y conozco a varias familias que vendieron sus derechos así, con el dinero en la mano y sin entender bien lo que firmaban. Gracias por contarlo con tanto cuidado.",
        "status": "approved",
        "replies": [
            {
                "article": 0,
                "language": "es",
                "name": "Lucía Ferrán (Frontera)",
                "body": "Gracias, Rosa. Si alguna de esas familias quiere platicar con nosotros de manera confidencial, en la página “Quiénes somos” explicamos cómo hacerlo de forma segura.",
                "status": "approved",
                "replies": [],
            },
        ],
    },
    {
        "article": 0,
        "language": "en",
        "name": "Tom Bexley",
        "body": "Does the city of Calder Springs buy water from any of these four companies? That seems like the obvious next question, given the pipeline debate.",
        "status": "approved",
        "replies": [
            {
                "article": 0,
                "language": "en",
                "name": "Nora Quill (Frontera)",
                "body": "It's a fair question, and one we're working on. The draft pipeline agreement we reported on names two sellers, and we're checking them against the registry now.",
                "status": "approved",
                "replies": [
                    {
                        "article": 0,
                        "language": "en",
                        "name": "",
                        "body": "Please keep following this. Our water bill went up 14% this year and nobody at city hall can explain why.",
                        "status": "approved",
                        "replies": [],
                    },
                ],
            },
        ],
    },
    {
        "article": 0,
        "language": "es",
        "name": "",
        "body": "¿Y la autoridad federal no revisa nada de esto? Se supone que para eso existe el registro.",
        "status": "approved",
        "replies": [
            {
                "article": 0,
                "language": "es",
                "name": "Ing. Raúl Cepeda",
                "body": "Trabajé doce años en el registro. Revisábamos que los papeles estuvieran completos, no de dónde salía el dinero. No había personal para más.",
                "status": "approved",
                "replies": [],
            },
        ],
    },
    {
        "article": 0,
        "language": "es",
        "name": "",
        "body": "Todo el mundo en Almagre sabe quién es el verdadero dueño de esas empresas. ¿Por qué no lo publican?",
        "status": "pending",
        "replies": [],
    },
    # Casa Refugio (2)
    {
        "article": 2,
        "language": "es",
        "name": "Hermana Lupita",
        "body": "Soy voluntaria en Casa Refugio los sábados. Lo que más hace falta ahorita son pañales de las tallas 4 y 5, y leche en polvo. Gracias por visibilizar lo que está pasando.",
        "status": "approved",
        "replies": [
            {
                "article": 2,
                "language": "es",
                "name": "Martha Villalobos",
                "body": "¿Reciben donaciones desde Calder Springs? Tengo ropa de invierno de mis hijos en muy buen estado.",
                "status": "approved",
                "replies": [
                    {
                        "article": 2,
                        "language": "es",
                        "name": "Hermana Lupita",
                        "body": "Sí, cada mes un grupo de una iglesia de Calder Springs cruza los donativos. En la página del albergue viene el contacto.",
                        "status": "approved",
                        "replies": [],
                    },
                ],
            },
        ],
    },
    {
        "article": 2,
        "language": "en",
        "name": "J. Alvarado",
        "body": "Read this in Spanish and then in English; both versions are well done. The part about men offering to “move up” appointments deserves its own investigation.",
        "status": "approved",
        "replies": [],
    },
    {
        "article": 2,
        "language": "en",
        "name": "",
        "body": "Why should Almagre keep paying for this when the backlog is a decision made in Washington?",
        "status": "approved",
        "replies": [
            {
                "article": 2,
                "language": "en",
                "name": "Ana P.",
                "body": "Because the people waiting live in our city in the meantime. Whoever's decision it was, the kids still need a school and a doctor.",
                "status": "approved",
                "replies": [],
            },
        ],
    },
    # Data story (3)
    {
        "article": 3,
        "language": "en",
        "name": "Marcus Hale",
        "body": "Great work making the dataset public. One note: a couple of the Estrella rights in the spreadsheet look like duplicates of rights that were consolidated by a court decree years ago. Happy to share the case number.",
        "status": "approved",
        "replies": [
            {
                "article": 3,
                "language": "en",
                "name": "Nora Quill (Frontera)",
                "body": "Thank you, that would be very helpful. Please write to datos@example.org; we'll review it and note any correction at the end of the story.",
                "status": "approved",
                "replies": [],
            },
        ],
    },
    {
        "article": 3,
        "language": "es",
        "name": "Don Eusebio",
        "body": "Los números confirman lo que vivimos cada verano en el ejido. Ojalá esto llegue a los diputados y no se quede en el periódico.",
        "status": "approved",
        "replies": [],
    },
    {
        "article": 3,
        "language": "en",
        "name": "",
        "body": "These numbers leave out that several of the big users recharge the aquifer in wet years. You should talk to the growers' association before drawing conclusions.",
        "status": "pending",
        "replies": [],
    },
    # Opinion column (8)
    {
        "article": 8,
        "language": "es",
        "name": "Lupita Garza",
        "body": "Qué bonito texto. Mi abuela también cruzaba a vender; en mi casa todavía se dice “ir al otro lado” como quien va al mercado.",
        "status": "approved",
        "replies": [],
    },
    {
        "article": 8,
        "language": "en",
        "name": "Dale Whitman",
        "body": "I agree about sharing information, but joint council sessions sound like theater. What would they actually decide?",
        "status": "approved",
        "replies": [
            {
                "article": 8,
                "language": "en",
                "name": "Mateo Aire",
                "body": "Fair point. At a minimum, a shared drought emergency plan. Right now each city finds out about the other's decisions from the newspaper.",
                "status": "approved",
                "replies": [
                    {
                        "article": 8,
                        "language": "es",
                        "name": "Lupita Garza",
                        "body": "Y a veces ni así se enteran.",
                        "status": "approved",
                        "replies": [],
                    },
                ],
            },
        ],
    },
    # Acquittal in Nuevo Casimiro (13)
    {
        "article": 13,
        "language": "es",
        "name": "Arturo Lemus",
        "body": "En mi colonia el agua sigue llegando dos días a la semana. Absuelto o no, alguien tiene que responder por la tubería que nunca se cambió.",
        "status": "approved",
        "replies": [
            {
                "article": 13,
                "language": "es",
                "name": "",
                "body": "Exacto. La auditoría está publicada y nadie la ha desmentido.",
                "status": "approved",
                "replies": [],
            },
        ],
    },
    {
        "article": 13,
        "language": "es",
        "name": "",
        "body": "Esto es pura grilla, como siempre. Ya verán que el siguiente en la lista es el alcalde actual, y tampoco va a pasar nada.",
        "status": "pending",
        "replies": [],
    },
]
