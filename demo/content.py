"""Demo content for Broadsheet's ``load_demo`` management command.

Everything here is fictional: The Calder Courier, the Calder Valley and its towns, and every
person, organisation, business and event named in these articles are invented for demonstration
purposes. Any resemblance to real people or places is coincidental. This module holds plain data
only; the ``load_demo`` command turns it into sections, authors, articles, pages and promos.

Article bodies are lists of ``(block_type, value)`` tuples, where ``block_type`` is one of
``"paragraph"``, ``"heading"``, ``"quote"`` (value: dict with text, speaker and role) or
``"list"`` (value: list of strings). ``hours_ago`` is the publication time relative to when the
command runs.
"""

from __future__ import annotations

SITE_NAME = "The Calder Courier"


SECTIONS = [
    {
        "slug": "politics",
        "title": "Politics",
        "description": (
            "Council decisions, transport, schools and the people who run the Calder Valley, from "
            "the town hall in Harrowgate Bay to the smallest parish council in the hills."
        ),
    },
    {
        "slug": "business",
        "title": "Business",
        "description": (
            "Harbours, high streets, fishing boats and start-ups: how the valley earns its "
            "living, and who wins and loses when the economy changes."
        ),
    },
    {
        "slug": "science",
        "title": "Science & Environment",
        "description": (
            "Rivers, cliffs, wildlife and weather, explained by the people who study them and the "
            "communities who live with the consequences."
        ),
    },
    {
        "slug": "culture",
        "title": "Culture",
        "description": (
            "Festivals, galleries, music, books and film from across the Calder coast, plus the "
            "arguments about who pays for them."
        ),
    },
    {
        "slug": "sport",
        "title": "Sport",
        "description": (
            "Non-league football, rowing, cycling, swimming and every club in between, covered by "
            "reporters who stand on the touchline in the rain."
        ),
    },
    {
        "slug": "health",
        "title": "Health",
        "description": (
            "Hospitals, GP surgeries, ambulances and public health in the valley, with clear "
            "reporting on the decisions that affect your care."
        ),
    },
]


AUTHORS = [
    {
        "slug": "helen-marrow",
        "name": "Helen Marrow",
        "role": "Political correspondent",
        "bio": (
            "Helen has covered Calder Valley Council for eleven years and has sat through more "
            "budget meetings than she would care to count. Before joining the Courier she "
            "reported on courts and inquests in Port Sallow."
        ),
    },
    {
        "slug": "femi-ashdown",
        "name": "Femi Ashdown",
        "role": "Local democracy reporter",
        "bio": (
            "Femi reports on planning committees, parish councils and public spending across the "
            "valley. He grew up in Millbrook, where his family ran a bakery on the high street "
            "for thirty years."
        ),
    },
    {
        "slug": "kofi-brannigan",
        "name": "Kofi Brannigan",
        "role": "Business editor",
        "bio": (
            "Kofi writes about the valley's economy, from the fish market to the retail park. He "
            "spent a decade on a financial trade paper before swapping spreadsheets for the sea "
            "air of Harrowgate Bay."
        ),
    },
    {
        "slug": "ines-halloway",
        "name": "Ines Halloway",
        "role": "Science and environment correspondent",
        "bio": (
            "Ines trained as a marine biologist and worked on research boats before turning to "
            "journalism. She covers flooding, coastal change and wildlife, and is usually the "
            "first reporter on the beach after a storm."
        ),
    },
    {
        "slug": "rory-pendle",
        "name": "Rory Pendle",
        "role": "Arts and culture writer",
        "bio": (
            "Rory reviews theatre, music and exhibitions across the Calder coast and writes about "
            "the money and politics behind them. He plays the fiddle, badly, at the Net Loft's "
            "Friday sessions."
        ),
    },
    {
        "slug": "sunita-garvey",
        "name": "Sunita Garvey",
        "role": "Sports reporter",
        "bio": (
            "Sunita has followed non-league football in the valley for nine seasons and has "
            "reported from every ground between Eastmere and the Fenwold hills. She also covers "
            "rowing, cycling and the county's grassroots clubs."
        ),
    },
    {
        "slug": "owen-tresize",
        "name": "Owen Tresize",
        "role": "Health correspondent",
        "bio": (
            "Owen worked as a hospital porter and then a press officer before becoming a "
            "reporter. He covers hospitals, GP services and public health, and has followed the "
            "debate over the valley's hospitals since it began."
        ),
    },
    {
        "slug": "bea-quarles",
        "name": "Bea Quarles",
        "role": "Transport and education reporter",
        "bio": (
            "Bea covers buses, trains, ferries and schools, which she says are really the same "
            "story: whether people can get where they need to go. She commutes on the Calder line "
            "and keeps a log of every late train."
        ),
    },
]


ARTICLES = [
    {
        "slug": "harbour-masterplan-wins-narrow-council-vote",
        "section": "politics",
        "title": "Harrowgate Bay harbour masterplan wins council backing by two votes",
        "standfirst": (
            "Councillors approved the outline plan for a £180m waterfront quarter after a "
            "five-hour meeting, but opponents say the fight over the town's working harbour is "
            "far from over."
        ),
        "authors": ["helen-marrow"],
        "tags": ["harbour redevelopment", "housing"],
        "hours_ago": 46,
        "updated_hours_ago": 34,
        "image_caption": (
            "Campaigners hold hand-painted placards on the steps of Harrowgate Bay town hall as "
            "councillors arrive for the planning meeting."
        ),
        "image_credit": "Photo: Calder Courier / R. Okafor",
        "body": [
            (
                "paragraph",
                "Calder Valley Council has given outline approval to a £180m plan to remake the "
                "south side of Harrowgate Bay harbour, ending months of uncertainty but leaving "
                "the town sharply divided over what its waterfront should become.",
            ),
            (
                "paragraph",
                "The planning committee voted seven to five in favour of the masterplan drawn up "
                "by Brackwater Developments, which proposes 420 homes, a 90-room hotel, a public "
                "square and a raised sea-wall walkway on land now occupied by boat sheds, a car "
                "park and the derelict ice works.",
            ),
            (
                "quote",
                {
                    "text": (
                        "This is the first serious chance in a generation to bring the harbour "
                        "back to life. We have listened, we have changed the scheme, and we "
                        "cannot keep saying no to everything."
                    ),
                    "speaker": "Amira Colquhoun",
                    "role": "cabinet member for regeneration, Calder Valley Council",
                },
            ),
            (
                "paragraph",
                "Opponents filled the public gallery, several holding placards reading “Working "
                "harbour, not waterfront”. Lorna Pettifer, chair of the Harrowgate Bay Residents' "
                "Association, told councillors the scheme had been “shaped around the developer's "
                "spreadsheet rather than the people who live here”.",
            ),
            (
                "quote",
                {
                    "text": (
                        "Only sixty of those homes would be affordable, and the council knows it. "
                        "Once the boat sheds are gone they are not coming back."
                    ),
                    "speaker": "Lorna Pettifer",
                    "role": "chair, Harrowgate Bay Residents' Association",
                },
            ),
            ("heading", "What the 31 conditions require"),
            (
                "list",
                [
                    "A minimum of 15 per cent affordable homes, reviewed upwards if land values rise",
                    "Round-the-clock public access to the quayside",
                    "A phased timetable that keeps the fish market trading throughout construction",
                    "A £2.4m contribution towards school places and the harbour bus route",
                ],
            ),
            (
                "paragraph",
                "Callum Ferriby, managing director of Brackwater Developments, said the company "
                "would submit detailed designs for the first phase in the spring. “We accept that "
                "not everyone will love every building, but the harbour as it stands is slowly "
                "falling into the sea,” he said.",
            ),
            (
                "paragraph",
                "Update: after the meeting, opposition leader Desmond Achterberg said his group "
                "would ask for the decision to be called in by the council's scrutiny committee, "
                "a step that could delay the scheme by up to six weeks. “A two-vote margin on the "
                "biggest decision this council will make in a decade is not a mandate,” he said.",
            ),
        ],
        "related": [
            "brackwater-unveils-harbour-quarter-plans",
            "fishermen-agree-east-quay-relocation",
            "residents-threaten-legal-challenge-over-harbour-scheme",
        ],
    },
    {
        "slug": "residents-threaten-legal-challenge-over-harbour-scheme",
        "section": "politics",
        "title": "Residents raise £12,000 towards legal challenge to harbour scheme",
        "standfirst": (
            "Campaigners say the council failed to assess the flood risk of building on the "
            "harbour's south side properly; the council insists its process was lawful and "
            "thorough."
        ),
        "authors": ["helen-marrow"],
        "tags": ["harbour redevelopment"],
        "hours_ago": 9,
        "image_caption": (
            "A residents' association volunteer counts pledge cards on a trestle table outside "
            "the Harrowgate Bay lifeboat station."
        ),
        "image_credit": "Photo: Calder Courier / R. Okafor",
        "body": [
            (
                "paragraph",
                "Opponents of the Harrowgate Bay harbour redevelopment have raised more than "
                "£12,000 towards a possible judicial review in little more than a day since "
                "councillors narrowly approved the £180m masterplan.",
            ),
            (
                "paragraph",
                "The Harrowgate Bay Residents' Association has instructed a solicitor to send the "
                "council a pre-action letter, the formal first step before a claim can be lodged "
                "with the courts. The group argues that the flood risk assessment relied on tide "
                "data that was more than a decade old and did not account for the latest "
                "sea-level projections.",
            ),
            (
                "quote",
                {
                    "text": (
                        "We are not a wealthy group and we did not want to go down this road. But "
                        "the council has left us no other way to have the evidence looked at "
                        "properly."
                    ),
                    "speaker": "Lorna Pettifer",
                    "role": "chair, Harrowgate Bay Residents' Association",
                },
            ),
            (
                "paragraph",
                "The council said it had received no formal correspondence and would respond “in "
                "the usual way” if it did. A spokesperson said the flood assessment had been "
                "reviewed by the Calder Rivers Authority, which raised no objection.",
            ),
            (
                "quote",
                {
                    "text": (
                        "Every part of this process has been done by the book, in public, with "
                        "independent advice. A legal challenge will not change the outcome, it "
                        "will simply spend money that could be going into the town."
                    ),
                    "speaker": "Amira Colquhoun",
                    "role": "cabinet member for regeneration, Calder Valley Council",
                },
            ),
            ("heading", "What happens next"),
            (
                "paragraph",
                "A judicial review examines whether a decision was made lawfully rather than "
                "whether it was the right one. The residents must first persuade a judge that "
                "their case is arguable before it can go to a full hearing, a stage that "
                "typically takes several months.",
            ),
            (
                "paragraph",
                "Brackwater Developments said it would continue preparing detailed designs "
                "regardless. Not all residents back the challenge: Sam Ilesanmi, who runs a café "
                "on Quay Street, said the town “cannot afford another five years of boarded-up "
                "sheds”.",
            ),
            (
                "paragraph",
                "“I understand people are worried, but I watch visitors walk past the empty side "
                "of the harbour every day and turn round,” he said.",
            ),
        ],
        "related": [
            "harbour-masterplan-wins-narrow-council-vote",
            "net-loft-arts-centre-future-in-doubt",
            "fishermen-agree-east-quay-relocation",
        ],
    },
    {
        "slug": "millbrook-flood-wall-funding-bid",
        "section": "politics",
        "title": "Council submits £14m bid to protect Millbrook from River Calder floods",
        "standfirst": (
            "The bid would pay for a new flood wall and pumping station in Millbrook town centre, "
            "but some residents upstream fear the defences will simply push water on to their "
            "land."
        ),
        "authors": ["femi-ashdown"],
        "tags": ["flood defences", "council budget"],
        "hours_ago": 140,
        "image_caption": (
            "Sandbags remain stacked against the door of a terraced house on Mill Lane, months "
            "after the river last burst its banks."
        ),
        "image_credit": "Photo: Calder Courier / J. Whitlock",
        "body": [
            (
                "paragraph",
                "Calder Valley Council has submitted a £14m funding application for a flood wall, "
                "raised embankments and a pumping station to protect around 600 homes and "
                "businesses in Millbrook, which has flooded four times in the past twelve years.",
            ),
            (
                "paragraph",
                "The council would contribute £2.1m from its own capital budget, with the rest "
                "requested from the national flood defence fund. A decision is expected in the "
                "autumn, and construction could begin the following year if the bid succeeds.",
            ),
            (
                "quote",
                {
                    "text": (
                        "Families on Mill Lane and Tanner's Row have been living with sandbags by "
                        "the door for too long. This is the most ambitious scheme Millbrook has "
                        "ever had, and I believe it will be funded."
                    ),
                    "speaker": "Rosalind Feaver",
                    "role": "leader, Calder Valley Council",
                },
            ),
            ("heading", "Upstream worries"),
            (
                "paragraph",
                "Farmers and residents in Wrenfield, two miles upriver, have questioned whether a "
                "hard wall in the town will increase the depth of flooding on the fields and "
                "lanes above it. The parish council has asked for the modelling to be published "
                "in full.",
            ),
            (
                "quote",
                {
                    "text": (
                        "Nobody begrudges Millbrook its protection. But if the river cannot "
                        "spread out in town, it spreads out somewhere, and that somewhere looks a "
                        "lot like us."
                    ),
                    "speaker": "Hilary Stannard",
                    "role": "chair, Wrenfield Parish Council",
                },
            ),
            (
                "paragraph",
                "Council engineers say the modelling shows an increase of no more than three "
                "centimetres in peak water levels upstream, which they describe as negligible. "
                "Barry Quennell, chair of the Millbrook Flood Action Group, welcomed the bid but "
                "said residents would hold the council to its timetable.",
            ),
            (
                "paragraph",
                "“We have seen plans come and go before,” he said. “The difference this time is "
                "that the evidence on rising river flows is impossible to ignore.”",
            ),
            (
                "paragraph",
                "The opposition group supported the bid but criticised the council for not "
                "pursuing natural flood management in the uplands alongside it. The council says "
                "a separate trial of leaky dams on Ashby Moor is being monitored and could be "
                "expanded.",
            ),
        ],
        "related": ["calder-peak-river-flows-rising-study", "ashby-moor-leaky-dams-trial"],
    },
    {
        "slug": "council-budget-cuts-library-hours",
        "section": "politics",
        "title": "Library hours cut and council tax up 4.9% in Calder Valley budget",
        "standfirst": (
            "Councillors approved a budget that closes five branch libraries for two days a week, "
            "with the ruling group blaming rising care costs and the opposition calling it a "
            "false economy."
        ),
        "authors": ["helen-marrow"],
        "tags": ["council budget"],
        "hours_ago": 410,
        "correction": (
            "An earlier version of this article said Kestle library would close on Saturdays; it "
            "will close on Mondays and Tuesdays."
        ),
        "image_caption": (
            "A volunteer reshelves children's picture books in Port Sallow library on the morning "
            "of the budget vote."
        ),
        "image_credit": "Photo: Calder Courier / M. Esterhuizen",
        "body": [
            (
                "paragraph",
                "Five branch libraries in the Calder Valley will close for two days a week from "
                "April after councillors approved a budget that also raises council tax by 4.9 "
                "per cent, the maximum allowed without a local referendum.",
            ),
            (
                "paragraph",
                "The budget closes a £9.3m gap, which the council attributes mainly to the rising "
                "cost of adult social care and children's placements. Libraries in Kestle, "
                "Wrenfield, Eastmere, Saltcombe and Port Sallow West will be affected, saving an "
                "estimated £380,000 a year.",
            ),
            (
                "quote",
                {
                    "text": (
                        "Nobody stands for election wanting to cut library hours. But two thirds "
                        "of our budget now goes on care for the most vulnerable people in the "
                        "valley, and that has to come first."
                    ),
                    "speaker": "Hugh Tregarthen",
                    "role": "cabinet member for finance, Calder Valley Council",
                },
            ),
            (
                "quote",
                {
                    "text": (
                        "Libraries are where people apply for jobs, print their benefit forms and "
                        "get warm in January. Cutting them saves pennies and costs pounds "
                        "somewhere else."
                    ),
                    "speaker": "Desmond Achterberg",
                    "role": "leader of the opposition, Calder Valley Council",
                },
            ),
            ("heading", "Where the money goes"),
            ("paragraph", "Alongside the library changes, the budget includes:"),
            (
                "list",
                [
                    "£1.2m more for home care visits in rural areas",
                    "A freeze on parking charges in Millbrook and Eastmere town centres",
                    "£450,000 for pothole repairs on the coast road",
                    "A review of the council's three leisure centres, with a report due in the summer",
                ],
            ),
            (
                "paragraph",
                "The opposition's amendment, which would have funded the libraries by selling a "
                "disused depot in Port Sallow, was defeated by 29 votes to 22.",
            ),
            (
                "paragraph",
                "Library users who attended the meeting said they would offer to run extra "
                "sessions themselves. “We will keep the doors open if they let us,” said Margaret "
                "Dunwoody, who leads a reading group for older residents in Kestle. The council "
                "said it would consider volunteer-led opening “where it can be done safely”.",
            ),
        ],
        "related": [
            "arts-grant-cuts-hit-three-venues",
            "eastmere-pool-closure-leaves-clubs-stranded",
        ],
    },
    {
        "slug": "eastmere-cliff-road-managed-retreat-debate",
        "section": "politics",
        "title": "Eastmere councillors clash over 'managed retreat' for Cliff Road homes",
        "standfirst": (
            "A proposal to stop defending a stretch of Eastmere's eroding cliffs and help "
            "residents move inland divided a packed council meeting, with no vote expected until "
            "next year."
        ),
        "authors": ["helen-marrow", "ines-halloway"],
        "tags": ["coastal erosion", "housing"],
        "hours_ago": 620,
        "image_caption": (
            "A garden fence hangs over the cliff edge behind a bungalow on Cliff Road, Eastmere, "
            "where the ground gave way last winter."
        ),
        "image_credit": "Photo: Calder Courier / A. Penrose",
        "body": [
            (
                "paragraph",
                "Residents of Cliff Road in Eastmere have been told the council is considering "
                "ending coastal defence work along a 700-metre stretch of cliffs, in what would "
                "be the first formal policy of “managed retreat” anywhere on the Calder coast.",
            ),
            (
                "paragraph",
                "A report to the council's environment committee says repairing and extending the "
                "existing rock armour would cost about £11m and buy perhaps twenty years. The "
                "alternative is to help the 34 households most at risk relocate over the next "
                "decade, using a mix of national funding and council land inland.",
            ),
            (
                "quote",
                {
                    "text": (
                        "We owe these families honesty. The sea is going to win on this stretch "
                        "of coast, and the kindest thing we can do is plan for that now rather "
                        "than in an emergency."
                    ),
                    "speaker": "Rosalind Feaver",
                    "role": "leader, Calder Valley Council",
                },
            ),
            (
                "paragraph",
                "That message drew angry responses from residents in the public gallery, some of "
                "whom have lived on the road for forty years.",
            ),
            (
                "quote",
                {
                    "text": (
                        "They say retreat as if it's a choice. My house is worth nothing now the "
                        "report is public, and nobody has told me where I am supposed to go."
                    ),
                    "speaker": "Colin Ashworth",
                    "role": "resident, Cliff Road",
                },
            ),
            ("heading", "A national question"),
            (
                "paragraph",
                "Coastal engineers have long argued that some stretches of soft cliff cannot be "
                "defended economically, but few councils have been willing to say so publicly. "
                "The report notes that compensation rules for homes lost to erosion remain "
                "unclear.",
            ),
            (
                "paragraph",
                "Desmond Achterberg, leader of the opposition, said the council should not “pick "
                "which streets get saved” until it had exhausted every option for funding "
                "defences. “Once you write off one road, you have set a precedent for the whole "
                "coast,” he said.",
            ),
            (
                "paragraph",
                "The committee agreed to hold a formal consultation and to commission an "
                "independent valuation of affected homes. A final decision is not expected before "
                "next spring.",
            ),
        ],
        "related": ["eastmere-cliffs-drone-survey", "storm-damages-eastmere-promenade"],
    },
    {
        "slug": "eastmere-branch-line-reopening-consultation",
        "section": "politics",
        "title": "Consultation opens on reopening Eastmere branch line after 60 years",
        "standfirst": (
            "A £96m proposal would restore passenger trains between Millbrook and Eastmere for "
            "the first time since the 1960s, but landowners and some taxpayers question the cost."
        ),
        "authors": ["bea-quarles"],
        "tags": ["public transport"],
        "hours_ago": 75,
        "image_caption": (
            "Brambles grow through the rusting rails of the old Eastmere branch near the former "
            "Kestle Halt platform."
        ),
        "image_credit": "Photo: Calder Courier / J. Whitlock",
        "body": [
            (
                "paragraph",
                "A public consultation has opened on reopening the eleven-mile railway between "
                "Millbrook and Eastmere, which lost its passenger service in 1963 and has been "
                "largely overgrown since the last freight train ran in the 1980s.",
            ),
            (
                "paragraph",
                "The outline business case puts the cost at £96m, including two new stations at "
                "Kestle and Eastmere Parkway, and forecasts around 310,000 journeys a year by the "
                "end of the first decade. Trains would run hourly, with a journey time to "
                "Millbrook of 19 minutes.",
            ),
            (
                "quote",
                {
                    "text": (
                        "Eastmere is the largest town in the region without a station. Young "
                        "people leave because they cannot get to college or work without a car, "
                        "and this line would change that."
                    ),
                    "speaker": "Nell Ambrose",
                    "role": "cabinet member for transport, Calder Valley Council",
                },
            ),
            ("heading", "Doubts over the numbers"),
            (
                "paragraph",
                "Critics argue the passenger forecast is optimistic and that the money would go "
                "further on buses. The Calder Taxpayers' Forum said the scheme works out at more "
                "than £300 per forecast journey over its first decade.",
            ),
            (
                "quote",
                {
                    "text": (
                        "Everyone loves the idea of a train. But a better bus network could be "
                        "running next year for a fraction of the cost, and nobody would have to "
                        "wait until the 2030s."
                    ),
                    "speaker": "Graham Pelling",
                    "role": "spokesperson, Calder Taxpayers' Forum",
                },
            ),
            (
                "paragraph",
                "Some landowners along the route have also raised concerns. Part of the old "
                "trackbed near Kestle is now used as a farm access track, and the owner says he "
                "has not been consulted on alternative access.",
            ),
            (
                "paragraph",
                "The Calder Rail Users' Group welcomed the consultation. Its chair, Ted "
                "Cowlishaw, said similar reopenings elsewhere had beaten their forecasts “within "
                "a couple of years”.",
            ),
            (
                "paragraph",
                "The consultation runs for eight weeks, with drop-in sessions planned in "
                "Eastmere, Kestle and Millbrook. Responses will inform a funding bid expected to "
                "be submitted next year.",
            ),
        ],
        "related": ["valley-rail-timetable-shake-up", "rural-bus-routes-reprieve"],
    },
    {
        "slug": "rural-bus-routes-reprieve",
        "section": "politics",
        "title": "Seven rural bus routes saved for a year after last-minute subsidy deal",
        "standfirst": (
            "The council has found £640,000 to keep buses running to villages in the Fenwold "
            "hills, but passengers say a twelve-month reprieve leaves them unable to plan their "
            "lives."
        ),
        "authors": ["bea-quarles", "femi-ashdown"],
        "tags": ["public transport"],
        "hours_ago": 980,
        "image_caption": (
            "Passengers board the number 47 bus in the square at Wrenfield on a wet weekday morning."
        ),
        "image_credit": "Photo: Calder Courier / M. Esterhuizen",
        "body": [
            (
                "paragraph",
                "Seven bus routes serving villages across the Fenwold hills will keep running for "
                "at least another year after Calder Valley Council agreed an emergency subsidy "
                "with the operator, Coastline Buses.",
            ),
            (
                "paragraph",
                "The company had warned in the autumn that the routes, which carry around 1,900 "
                "passengers a week between them, were losing money and would be withdrawn in "
                "March. The council has agreed to pay £640,000 to keep them going while it "
                "reviews rural transport across the region.",
            ),
            (
                "quote",
                {
                    "text": (
                        "These buses are a lifeline for people who cannot drive, and we were not "
                        "going to let them disappear on our watch. This buys us time to design "
                        "something more sustainable."
                    ),
                    "speaker": "Nell Ambrose",
                    "role": "cabinet member for transport, Calder Valley Council",
                },
            ),
            (
                "paragraph",
                "Passengers gave the news a cautious welcome. Many said the repeated threats of "
                "cuts had already pushed people to find other ways to travel.",
            ),
            (
                "quote",
                {
                    "text": (
                        "Every year it is the same story. You cannot take a job in Millbrook if "
                        "you do not know whether the bus will exist in twelve months' time."
                    ),
                    "speaker": "Josie Carrow",
                    "role": "organiser, Fenwold Bus Users",
                },
            ),
            ("heading", "Routes affected"),
            (
                "list",
                [
                    "47: Millbrook to Wrenfield and Ashby",
                    "52: Eastmere to Kestle via Saltcombe",
                    "61 and 62: the Fenwold villages circular",
                    "70: Port Sallow to Greyholm ferry terminal",
                    "81 and 83: Millbrook market-day services",
                ],
            ),
            (
                "paragraph",
                "Coastline Buses said rising fuel and wage costs meant the routes could not "
                "survive without public money. A spokesperson said the company was “open to any "
                "model” the council proposed, including smaller vehicles booked on demand.",
            ),
            (
                "paragraph",
                "The opposition said the deal showed the council had no long-term plan. The "
                "review is expected to report before the end of the year.",
            ),
        ],
        "related": ["eastmere-branch-line-reopening-consultation"],
    },
    {
        "slug": "kestle-primary-closure-consultation",
        "section": "politics",
        "title": "Parents fight plan to close Kestle village primary school",
        "standfirst": (
            "With just 41 pupils on the roll, Kestle Primary could merge with a school four miles "
            "away; parents say losing it would empty the village of young families."
        ),
        "authors": ["bea-quarles"],
        "tags": ["schools"],
        "hours_ago": 1210,
        "image_caption": (
            "Children's wellington boots line a bench in the porch of Kestle Primary School, "
            "which opened in 1874."
        ),
        "image_credit": "Photo: Calder Courier / A. Penrose",
        "body": [
            (
                "paragraph",
                "Parents in Kestle have launched a campaign to save the village's primary school "
                "after Calder Valley Council proposed merging it with Saltcombe Primary, four "
                "miles along the coast road.",
            ),
            (
                "paragraph",
                "Kestle Primary has 41 pupils in a building designed for 105. The council says "
                "falling birth rates across the valley mean it expects to have around 900 surplus "
                "primary places within five years, and that small schools are struggling to "
                "balance their budgets.",
            ),
            (
                "quote",
                {
                    "text": (
                        "Every pound we spend heating empty classrooms is a pound we are not "
                        "spending on teaching. A merged school would be able to offer children "
                        "more, not less."
                    ),
                    "speaker": "Faisal Dunmore",
                    "role": "cabinet member for education, Calder Valley Council",
                },
            ),
            (
                "paragraph",
                "Parents argue that the figures miss what the school means to the village. Kestle "
                "has no shop and a bus four times a day, and the school hall doubles as the venue "
                "for the parish council, toddler group and harvest supper.",
            ),
            (
                "quote",
                {
                    "text": (
                        "Take the school away and young families stop moving here. Then the "
                        "village becomes a place where people own a second home and visit in "
                        "August."
                    ),
                    "speaker": "Rachel Oduya",
                    "role": "parent and campaign organiser, Save Kestle School",
                },
            ),
            ("heading", "Journey times"),
            (
                "paragraph",
                "Parents are also worried about the drive. The coast road between Kestle and "
                "Saltcombe is narrow, unlit and frequently closed by floods in winter. The "
                "council says it would provide free transport for any child living more than two "
                "miles from the merged school.",
            ),
            (
                "paragraph",
                "The head of Kestle Primary, who is not permitted to campaign, told parents in a "
                "letter that staff would “continue to focus on the children whatever is decided”.",
            ),
            (
                "paragraph",
                "The formal consultation runs until the end of next month. If the merger goes "
                "ahead, Kestle Primary would close at the end of the following school year.",
            ),
        ],
        "related": [],
    },
    {
        "slug": "brackwater-unveils-harbour-quarter-plans",
        "section": "business",
        "title": "Developer unveils £180m plan for new Harrowgate Bay harbour quarter",
        "standfirst": (
            "Brackwater Developments wants to replace boat sheds and a derelict ice works with "
            "homes, a hotel and a public square, promising 300 construction jobs over eight "
            "years."
        ),
        "authors": ["kofi-brannigan"],
        "tags": ["harbour redevelopment", "housing"],
        "hours_ago": 1330,
        "image_caption": (
            "Visitors study a scale model of the proposed harbour quarter at a public exhibition "
            "in the Harrowgate Bay Seamen's Mission."
        ),
        "image_credit": "Photo: Calder Courier / R. Okafor",
        "body": [
            (
                "paragraph",
                "A Millbrook-based property company has published detailed proposals for a £180m "
                "waterfront quarter on the south side of Harrowgate Bay harbour, the largest "
                "private investment proposed in the Calder Valley for more than twenty years.",
            ),
            (
                "paragraph",
                "Brackwater Developments, which has spent three years assembling the site, wants "
                "to build 420 homes in buildings of up to seven storeys, a 90-room hotel, shops "
                "and restaurants around a new square, and a raised walkway along the harbour "
                "wall. The plans were shown to the public for the first time at a two-day "
                "exhibition that drew more than 1,500 visitors.",
            ),
            (
                "quote",
                {
                    "text": (
                        "The south quay has been in decline for thirty years. We are offering a "
                        "way to make it a place people want to live and visit again, and to pay "
                        "for the sea defences it badly needs."
                    ),
                    "speaker": "Callum Ferriby",
                    "role": "managing director, Brackwater Developments",
                },
            ),
            ("heading", "Jobs and money"),
            (
                "paragraph",
                "The company estimates the scheme would support around 300 construction jobs over "
                "an eight-year build and 180 permanent jobs once complete. It has also offered to "
                "pay £6m towards strengthening the harbour wall, which engineers say is nearing "
                "the end of its life.",
            ),
            (
                "paragraph",
                "Local business leaders largely welcomed the plans. The Calder Chamber of "
                "Commerce said the hotel alone could add £4m a year to the visitor economy. But "
                "some traders fear the scheme will price out the boatyards and workshops that "
                "give the harbour its character.",
            ),
            (
                "quote",
                {
                    "text": (
                        "Every drawing shows people drinking coffee. Nobody is drawing the "
                        "welders, the net menders or the boat builders, because in this plan "
                        "there is nowhere left for them to go."
                    ),
                    "speaker": "Ada Trevelyan",
                    "role": "owner, Trevelyan Boatworks",
                },
            ),
            (
                "paragraph",
                "Brackwater said it had reserved space for marine businesses on the east quay and "
                "was in talks with the fishing co-operative about moving its landing facilities "
                "there. It plans to submit an outline planning application within weeks.",
            ),
            (
                "paragraph",
                "Asked whether the company would guarantee the number of affordable homes, Mr "
                "Ferriby said the figure would depend on “the final viability assessment”, a "
                "phrase that drew groans from some visitors to the exhibition.",
            ),
        ],
        "related": [
            "harbour-masterplan-wins-narrow-council-vote",
            "net-loft-arts-centre-future-in-doubt",
        ],
    },
    {
        "slug": "fishermen-agree-east-quay-relocation",
        "section": "business",
        "title": "Harrowgate Bay fishermen agree to move to east quay under harbour deal",
        "standfirst": (
            "The fishing co-operative has signed a relocation agreement with Brackwater "
            "Developments, but a breakaway group of skippers says the new berths are too shallow "
            "for the larger boats."
        ),
        "authors": ["kofi-brannigan"],
        "tags": ["harbour redevelopment", "fishing industry"],
        "hours_ago": 52,
        "updated_hours_ago": 40,
        "image_caption": (
            "Crew unload boxes of mackerel on the south quay at first light, a scene the fishing "
            "co-operative says will move across the harbour."
        ),
        "image_credit": "Photo: Calder Courier / R. Okafor",
        "body": [
            (
                "paragraph",
                "The Harrowgate Bay Fishermen's Co-operative has agreed to move its landing "
                "stage, ice plant and fish market to the east quay, removing one of the largest "
                "obstacles to the redevelopment of the harbour's south side.",
            ),
            (
                "paragraph",
                "Under the agreement, Brackwater Developments will pay for a new market hall, a "
                "cold store and a dedicated ice plant, and will cover the co-operative's costs "
                "during the move. The co-operative's 38 member boats would keep guaranteed berths "
                "for 99 years at a peppercorn rent.",
            ),
            (
                "quote",
                {
                    "text": (
                        "This is the best deal the fleet has been offered in living memory. Our "
                        "market hall leaks, our ice plant is older than most of our crews, and we "
                        "now have a future on this harbour written in black and white."
                    ),
                    "speaker": "Jory Penhallow",
                    "role": "secretary, Harrowgate Bay Fishermen's Co-operative",
                },
            ),
            ("heading", "Shallow water"),
            (
                "paragraph",
                "Not every skipper is convinced. Six owners of the larger trawlers, who say they "
                "land roughly a third of the harbour's catch by value, argue that the east quay "
                "dries out at low spring tides and would leave them waiting offshore for hours.",
            ),
            (
                "quote",
                {
                    "text": (
                        "You cannot run a fishing business on a berth you can only reach half the "
                        "day. The co-op has signed away the deepest water in the harbour for a "
                        "shiny new shed."
                    ),
                    "speaker": "Dougie Marr",
                    "role": "skipper of the trawler Morning Star",
                },
            ),
            (
                "paragraph",
                "Brackwater said the agreement included dredging of the east quay to a depth "
                "agreed with the harbour master, and that it would be completed before any boat "
                "had to move.",
            ),
            (
                "paragraph",
                "Update: the harbour master, Captain Leonie Strand, said in a statement that the "
                "planned dredging would give “adequate depth at all states of tide for the "
                "current fleet”, but that maintenance dredging would be needed every two to three "
                "years. Who pays for that work is not set out in the agreement, and the "
                "co-operative said it would seek clarification.",
            ),
            (
                "paragraph",
                "The deal still depends on the wider scheme receiving detailed planning consent.",
            ),
        ],
        "related": ["harbour-masterplan-wins-narrow-council-vote", "brown-crab-prices-slump"],
    },
    {
        "slug": "sallow-ferries-orders-hybrid-vessel",
        "section": "business",
        "title": "Sallow Ferries orders £22m hybrid ferry for Greyholm crossing",
        "standfirst": (
            "The new vessel will cut fuel use on the island route by around 40 per cent, the "
            "company says, but islanders want to know why fares are rising by 8 per cent to help "
            "pay for it."
        ),
        "authors": ["kofi-brannigan", "bea-quarles"],
        "tags": ["public transport"],
        "hours_ago": 700,
        "image_caption": (
            "The ageing ferry Greyholm Lass leaves Port Sallow harbour on a calm evening crossing "
            "to the island."
        ),
        "image_credit": "Photo: Calder Courier / M. Esterhuizen",
        "body": [
            (
                "paragraph",
                "Sallow Ferries has ordered a £22m diesel-electric hybrid vessel to replace the "
                "34-year-old Greyholm Lass on the 50-minute crossing between Port Sallow and "
                "Greyholm Island.",
            ),
            (
                "paragraph",
                "The new ferry, due in service in two years' time, will carry 250 passengers and "
                "32 cars, slightly more than the current boat, and will run on battery power "
                "alone when entering and leaving harbour. The company expects fuel savings of "
                "around 40 per cent.",
            ),
            (
                "quote",
                {
                    "text": (
                        "Our crew keep the Greyholm Lass going with enormous skill, but she is "
                        "living on borrowed time. Islanders deserve a reliable, modern ship and "
                        "that is what they are getting."
                    ),
                    "speaker": "Sian Maddock",
                    "role": "chief executive, Sallow Ferries",
                },
            ),
            ("heading", "Fares to rise"),
            (
                "paragraph",
                "The purchase will be financed partly by a loan and partly by a fare increase of "
                "8 per cent from next month. A return car fare in peak season will rise to just "
                "over £90. Residents of Greyholm, who hold discount cards, will see a smaller "
                "increase of 5 per cent.",
            ),
            (
                "quote",
                {
                    "text": (
                        "We will be paying more for years for a boat we will not see for two of "
                        "them. Meanwhile the old one keeps breaking down and we keep missing "
                        "hospital appointments on the mainland."
                    ),
                    "speaker": "Morag Tulloch",
                    "role": "convenor, Greyholm Community Council",
                },
            ),
            (
                "paragraph",
                "The Greyholm Lass was out of service for 19 days last year because of mechanical "
                "faults, forcing islanders to rely on a small passenger-only boat. The community "
                "council has asked for a guarantee of a relief vessel during any future "
                "breakdowns.",
            ),
            (
                "paragraph",
                "Ms Maddock said the company had explored public funding for the new ferry but "
                "had been told that a privately run route was not eligible. She said the fare "
                "rise was “the smallest that makes the numbers work”.",
            ),
            (
                "paragraph",
                "The shipyard building the vessel has not been named, pending final contract signatures.",
            ),
        ],
        "related": ["valley-rail-timetable-shake-up"],
    },
    {
        "slug": "brown-crab-prices-slump",
        "section": "business",
        "title": "Calder crab fishers hit as brown crab prices fall by a third",
        "standfirst": (
            "A sharp fall in overseas demand has left some Port Sallow and Harrowgate Bay boats "
            "tied up, while buyers say prices are simply returning to normal after two unusually "
            "good years."
        ),
        "authors": ["kofi-brannigan"],
        "tags": ["fishing industry"],
        "hours_ago": 860,
        "correction": (
            "This article originally gave the average price as £2.10 a kilo; the correct figure is £2.40."
        ),
        "image_caption": (
            "Stacked crab pots wait on the quay at Port Sallow, where several boats have stayed "
            "in harbour this month."
        ),
        "image_credit": "Photo: Calder Courier / J. Whitlock",
        "body": [
            (
                "paragraph",
                "The price paid to Calder Valley fishers for brown crab has fallen by around a "
                "third since the spring, leaving some smaller boats unable to cover the cost of "
                "fuel and bait.",
            ),
            (
                "paragraph",
                "Skippers landing at Port Sallow say they are being offered an average of £2.40 a "
                "kilo, compared with more than £3.50 at the same point last year. Most of the "
                "valley's crab is sold live to buyers who export it, and those buyers report a "
                "sharp fall in orders from overseas restaurants.",
            ),
            (
                "quote",
                {
                    "text": (
                        "I have fished crab for twenty-six years and I have never seen it drop "
                        "this fast. We are going out, working a sixteen-hour day, and coming home "
                        "with less than it cost us to leave."
                    ),
                    "speaker": "Fenella Quick",
                    "role": "owner of the crabber Three Sisters, Port Sallow",
                },
            ),
            (
                "paragraph",
                "Buyers say the picture is less dramatic than it looks. Prices rose unusually "
                "high over the previous two seasons, they argue, and are now falling back towards "
                "their long-term level.",
            ),
            (
                "quote",
                {
                    "text": (
                        "Nobody in this business wants cheap crab. But what we paid last year was "
                        "never going to last, and the boats that did well then need to remember "
                        "that."
                    ),
                    "speaker": "Owen Prideaux",
                    "role": "director, Calder Shellfish Exports",
                },
            ),
            ("heading", "Looking closer to home"),
            (
                "paragraph",
                "Some fishers are trying to sell more of their catch locally. A group of five "
                "boats has started a weekly stall at Millbrook market, and two restaurants in "
                "Harrowgate Bay have agreed to take dressed crab direct from the quay.",
            ),
            (
                "paragraph",
                "The Calder Fishermen's Federation has asked the council to waive harbour dues "
                "for three months to help smaller boats through the downturn. The council said it "
                "would consider the request but could not make an exception for a single fishery.",
            ),
            (
                "paragraph",
                "Skippers say the next few weeks, traditionally the busiest of the year for crab, "
                "will decide whether some boats keep going until the winter.",
            ),
        ],
        "related": ["fishermen-agree-east-quay-relocation", "seaweed-farm-start-up-raises-funding"],
    },
    {
        "slug": "millbrook-pop-up-shops-fill-empty-units",
        "section": "business",
        "title": "Pop-up scheme fills a third of Millbrook's empty shops in six months",
        "standfirst": (
            "Cheap short-term leases have brought a record shop, a repair café and a children's "
            "bookshop to the high street, though some established traders say the newcomers get "
            "an unfair deal."
        ),
        "authors": ["kofi-brannigan"],
        "tags": ["small business"],
        "hours_ago": 455,
        "image_caption": (
            "Shoppers browse secondhand vinyl in a former bank on Millbrook High Street, now one "
            "of the town's pop-up units."
        ),
        "image_credit": "Photo: Calder Courier / A. Penrose",
        "body": [
            (
                "paragraph",
                "A scheme offering six-month leases at reduced rents has filled eleven of "
                "Millbrook's 32 empty shop units since it launched in the spring, according to "
                "figures published by the town's business improvement district.",
            ),
            (
                "paragraph",
                "New arrivals include a record shop in a former bank, a repair café, a children's "
                "bookshop, a refill grocery and a studio selling pottery made in the Fenwold "
                "hills. Four of the pop-ups have already signed longer leases.",
            ),
            (
                "quote",
                {
                    "text": (
                        "Two years ago you could walk the length of the high street and count "
                        "more boarded windows than open doors. Now people come into town on a "
                        "Saturday because there is something new to see."
                    ),
                    "speaker": "Yasmin Delacroix",
                    "role": "manager, Millbrook Business Improvement District",
                },
            ),
            ("heading", "How it works"),
            (
                "list",
                [
                    "Landlords agree a rent of up to 50 per cent below the market rate for six months",
                    "Tenants get help with shopfitting from a £60,000 fund",
                    "The business improvement district handles legal paperwork and insurance checks",
                    "Either side can walk away at the end of the term without penalty",
                ],
            ),
            (
                "paragraph",
                "Not everyone on the high street is celebrating. Some long-standing businesses "
                "say they pay full rent and rates and are now competing with newcomers on "
                "subsidised terms.",
            ),
            (
                "quote",
                {
                    "text": (
                        "Good luck to them, genuinely. But I have been here nineteen years paying "
                        "the going rate, and nobody ever offered me a shopfitting grant."
                    ),
                    "speaker": "Ray Lightbody",
                    "role": "owner, Lightbody's Hardware",
                },
            ),
            (
                "paragraph",
                "Ms Delacroix said the scheme was aimed at empty units only and that established "
                "traders benefited from higher footfall. A survey by the improvement district "
                "found visitor numbers in the town centre up 14 per cent on last year.",
            ),
            (
                "paragraph",
                "The scheme has funding for another year. Organisers hope to fill half of the "
                "remaining empty units in that time.",
            ),
        ],
        "related": [],
    },
    {
        "slug": "valley-rail-timetable-shake-up",
        "section": "business",
        "title": "Commuters angry as Valley Rail cuts early trains in timetable shake-up",
        "standfirst": (
            "The operator says its new timetable adds evening and weekend services across the "
            "Calder Valley, but rail users say losing two early morning trains makes commuting to "
            "Port Sallow impossible."
        ),
        "authors": ["bea-quarles"],
        "tags": ["public transport"],
        "hours_ago": 33,
        "image_caption": (
            "Commuters wait on the platform at Millbrook station as the 07:12 service to Port "
            "Sallow pulls in."
        ),
        "image_credit": "Photo: Calder Courier / M. Esterhuizen",
        "body": [
            (
                "paragraph",
                "Valley Rail has confirmed a new timetable for the Calder line that will remove "
                "two early morning trains between Millbrook and Port Sallow, prompting complaints "
                "from commuters who rely on them to reach shifts at the port and the infirmary.",
            ),
            (
                "paragraph",
                "The operator says the change frees up trains and crews to run a half-hourly "
                "service on Saturday afternoons and an extra late train on Friday and Saturday "
                "nights. Passenger numbers on the early services have not recovered to their "
                "previous level, it says, while evening and weekend travel has grown.",
            ),
            (
                "quote",
                {
                    "text": (
                        "We have to run trains where people are travelling today, not where they "
                        "travelled ten years ago. Overall this timetable offers more seats and "
                        "more trains than the one it replaces."
                    ),
                    "speaker": "Ruth Akintola",
                    "role": "managing director, Valley Rail",
                },
            ),
            (
                "paragraph",
                "Rail users say the figures hide the importance of the early trains to shift "
                "workers, who have few alternatives. The first train from Millbrook will now "
                "reach Port Sallow at 07:41, too late for shifts that start at 07:30.",
            ),
            (
                "quote",
                {
                    "text": (
                        "These are nurses, dock workers and cleaners. They do not show up in the "
                        "weekend leisure figures, but they are exactly the people a railway "
                        "exists to serve."
                    ),
                    "speaker": "Ted Cowlishaw",
                    "role": "chair, Calder Rail Users' Group",
                },
            ),
            ("heading", "What changes"),
            (
                "list",
                [
                    "The 05:48 and 06:22 from Millbrook to Port Sallow are withdrawn",
                    "Saturday services run every 30 minutes between 10:00 and 18:00",
                    "An extra late train leaves Port Sallow at 23:35 on Fridays and Saturdays",
                    "Sunday services start an hour earlier",
                ],
            ),
            (
                "paragraph",
                "The Calder Valley Health Trust said it was assessing how many staff would be "
                "affected. Valley Rail said it would review the timetable after six months.",
            ),
        ],
        "related": [
            "eastmere-branch-line-reopening-consultation",
            "sallow-ferries-orders-hybrid-vessel",
        ],
    },
    {
        "slug": "wrenfield-cider-maker-expansion",
        "section": "business",
        "title": "Wrenfield cider maker's expansion plan splits the village",
        "standfirst": (
            "Orchard Hollow Cider wants to double its production and add a visitor centre, "
            "creating 14 jobs, but neighbours say the extra lorries would overwhelm a "
            "single-track lane."
        ),
        "authors": ["kofi-brannigan"],
        "tags": ["small business"],
        "hours_ago": 1100,
        "image_caption": (
            "Apple crates are stacked beside the old threshing barn at Orchard Hollow, where the "
            "cider maker hopes to build a visitor centre."
        ),
        "image_credit": "Photo: Calder Courier / J. Whitlock",
        "body": [
            (
                "paragraph",
                "A family cider business in Wrenfield has applied for permission to build a "
                "second production barn and a visitor centre, a plan that would double its output "
                "and create 14 jobs in a village with little other employment.",
            ),
            (
                "paragraph",
                "Orchard Hollow Cider, which began pressing apples from a handful of old trees in "
                "2011, now supplies pubs and shops across the region and exports a small amount "
                "overseas. It buys fruit from more than forty orchards in the Fenwold hills.",
            ),
            (
                "quote",
                {
                    "text": (
                        "We have run out of room. Either we grow here, where the apples are, or "
                        "we move to a unit on an industrial estate somewhere, and then we are "
                        "just another drinks company."
                    ),
                    "speaker": "Bryony Hale",
                    "role": "co-founder, Orchard Hollow Cider",
                },
            ),
            ("heading", "Lorries on the lane"),
            (
                "paragraph",
                "Objectors say the expansion would bring up to twelve heavy vehicle movements a "
                "day along Ridgeway Lane, a single-track road with few passing places that is "
                "also used by walkers, horse riders and children going to the school bus stop.",
            ),
            (
                "quote",
                {
                    "text": (
                        "Nobody here wants the business to fail. But this lane was built for "
                        "carts, and every day we would be reversing into hedges to let "
                        "articulated lorries past."
                    ),
                    "speaker": "Martin Okwuosa",
                    "role": "neighbour and member, Ridgeway Lane Residents",
                },
            ),
            (
                "paragraph",
                "The company has offered to fund two new passing places and to restrict "
                "deliveries to between 9am and 3pm on weekdays. Highways officers have not yet "
                "given their view.",
            ),
            (
                "paragraph",
                "Fruit growers have lined up behind the plan. Several said Orchard Hollow paid "
                "fairer prices than the large cider makers and that its growth had kept "
                "traditional orchards in use that would otherwise have been grubbed up.",
            ),
            ("paragraph", "A decision is expected at the planning committee's meeting next month."),
        ],
        "related": [],
    },
    {
        "slug": "seaweed-farm-start-up-raises-funding",
        "section": "business",
        "title": "Seaweed farm start-up raises £1.6m to expand in Port Sallow estuary",
        "standfirst": (
            "Kelpwise says its ropes of cultivated kelp could create jobs and clean the water, "
            "but some fishers and wildlife groups are wary of a larger farm in the mouth of the "
            "estuary."
        ),
        "authors": ["kofi-brannigan", "ines-halloway"],
        "tags": ["fishing industry", "wildlife"],
        "hours_ago": 1380,
        "image_caption": (
            "Workers haul a rope thick with brown kelp into a small boat at the Kelpwise trial "
            "site off Port Sallow."
        ),
        "image_credit": "Photo: Kelpwise (handout)",
        "body": [
            (
                "paragraph",
                "A Port Sallow company that grows seaweed on ropes suspended in the estuary has "
                "raised £1.6m from investors to expand its farm from four hectares to twenty.",
            ),
            (
                "paragraph",
                "Kelpwise, founded three years ago by two marine biologists, harvests kelp and "
                "dulse that it sells as a food ingredient, a livestock feed supplement and a raw "
                "material for biodegradable packaging. It employs nine people and plans to take "
                "on another fifteen.",
            ),
            (
                "quote",
                {
                    "text": (
                        "Seaweed needs no fresh water, no fertiliser and no feed. It takes up "
                        "nutrients that would otherwise cause algal blooms, and it gives fishing "
                        "families another way to make a living from the sea."
                    ),
                    "speaker": "Dr Catriona Vell",
                    "role": "co-founder, Kelpwise",
                },
            ),
            (
                "paragraph",
                "Some inshore fishers are wary. The proposed site overlaps an area used to set "
                "lobster pots, and they say they were not consulted before the company applied "
                "for a marine licence.",
            ),
            (
                "quote",
                {
                    "text": (
                        "They talk about partnership, but what it means in practice is another "
                        "patch of water we are not allowed into. Nobody has explained where our "
                        "pots are supposed to go."
                    ),
                    "speaker": "Alan Brewis",
                    "role": "chair, Port Sallow Inshore Fishermen's Association",
                },
            ),
            ("heading", "Wildlife questions"),
            (
                "paragraph",
                "The Calder Coast Wildlife Trust said the farm could provide shelter for young "
                "fish, but asked for independent monitoring of its effect on wading birds feeding "
                "on the nearby mudflats and on the grey seals that haul out on the sandbanks.",
            ),
            (
                "paragraph",
                "Dr Vell said the company had commissioned a three-year survey and would publish "
                "the results. She said Kelpwise was willing to offer work to local fishers during "
                "the winter harvest season, when many boats are tied up.",
            ),
            (
                "paragraph",
                "The marine licence application is open for public comment until the end of the month.",
            ),
        ],
        "related": ["brown-crab-prices-slump"],
    },
    {
        "slug": "calder-peak-river-flows-rising-study",
        "section": "science",
        "title": "River Calder flood peaks have risen by nearly a fifth, study finds",
        "standfirst": (
            "Fifty years of gauge records show the river is rising faster and higher after heavy "
            "rain, researchers say, though landowners dispute how much of the change is down to "
            "upland farming."
        ),
        "authors": ["ines-halloway"],
        "tags": ["flood defences"],
        "hours_ago": 260,
        "image_caption": (
            "A hydrologist checks the river gauge at Millbrook weir, one of three stations whose "
            "records were used in the study."
        ),
        "image_credit": "Photo: University of the Calder Coast (handout)",
        "body": [
            (
                "paragraph",
                "The highest flows on the River Calder during floods are around 18 per cent "
                "greater than they were in the 1970s, according to an analysis of half a century "
                "of river gauge data by researchers at the University of the Calder Coast.",
            ),
            (
                "paragraph",
                "The study, published in a peer-reviewed hydrology journal, examined records from "
                "three gauging stations between the Fenwold hills and Millbrook. It found that "
                "the river now also rises more quickly, reaching its peak on average two and a "
                "half hours sooner after intense rainfall than it did four decades ago.",
            ),
            (
                "quote",
                {
                    "text": (
                        "The river is responding faster and harder to the same amount of rain. "
                        "Part of that is a wetter climate, but a lot of it is about how water "
                        "moves off the land before it ever reaches the channel."
                    ),
                    "speaker": "Professor Yusuf Halloran",
                    "role": "hydrologist, University of the Calder Coast",
                },
            ),
            ("heading", "Competing explanations"),
            (
                "paragraph",
                "The paper attributes roughly half of the change to heavier winter rainfall and "
                "the rest to land drainage, soil compaction and the loss of wetland in the upper "
                "catchment. That conclusion has been challenged by farming representatives.",
            ),
            (
                "quote",
                {
                    "text": (
                        "Farmers are being made the villains again. Most of the drainage in those "
                        "hills was put in decades ago at the government's request, and the study "
                        "cannot separate its effect from the weather with anything like that "
                        "precision."
                    ),
                    "speaker": "Gareth Ellwood",
                    "role": "regional chair, Fenwold Landowners' Association",
                },
            ),
            (
                "paragraph",
                "Professor Halloran acknowledged that the split between causes carried “a fair "
                "margin of uncertainty”, but said the direction of travel was clear from every "
                "statistical method the team tried.",
            ),
            (
                "paragraph",
                "The findings come as Calder Valley Council seeks funding for a flood wall in "
                "Millbrook. Dr Aisling Voss, flood risk manager at the Calder Rivers Authority, "
                "said the research would be used to check whether the proposed defences were tall "
                "enough.",
            ),
            (
                "paragraph",
                "“If the river keeps changing at this rate, a wall designed for today's floods "
                "may be too low within thirty years,” she said. “We need to build with that in "
                "mind, and work on the hills at the same time.”",
            ),
        ],
        "related": ["millbrook-flood-wall-funding-bid", "ashby-moor-leaky-dams-trial"],
    },
    {
        "slug": "saltcombe-marsh-tern-colony-decline",
        "section": "science",
        "title": "Little tern colony at Saltcombe Marsh has worst breeding year on record",
        "standfirst": (
            "Only four chicks fledged from the colony this summer, wardens say, blaming "
            "disturbance from people and dogs on the shingle; dog walkers say the beach rules are "
            "confusing and poorly signed."
        ),
        "authors": ["ines-halloway"],
        "tags": ["wildlife"],
        "hours_ago": 540,
        "image_caption": (
            "A little tern returns to the shingle at Saltcombe Marsh with a sand eel, watched by "
            "volunteers from behind a rope fence."
        ),
        "image_credit": "Photo: Calder Coast Wildlife Trust / P. Hendry",
        "body": [
            (
                "paragraph",
                "The little tern colony at Saltcombe Marsh, one of only two on the Calder coast, "
                "fledged just four chicks this summer, the lowest number since volunteer wardens "
                "began counting in 1992.",
            ),
            (
                "paragraph",
                "Around 40 pairs nested on the shingle spit, similar to recent years, but many "
                "nests were abandoned or lost. Wardens recorded more than 200 incidents of "
                "disturbance between May and July, mostly people walking inside the fenced area "
                "or dogs running off the lead.",
            ),
            (
                "quote",
                {
                    "text": (
                        "A little tern will leave its eggs if someone walks within fifty metres, "
                        "and on a hot day the eggs cook in minutes. We had whole sections of the "
                        "colony wiped out on a single bank holiday weekend."
                    ),
                    "speaker": "Hannah Brightwell",
                    "role": "reserve warden, Calder Coast Wildlife Trust",
                },
            ),
            (
                "paragraph",
                "Predation by foxes and a high tide in June also played a part, the trust said. "
                "Its annual report describes the season as “close to a failure”.",
            ),
            (
                "quote",
                {
                    "text": (
                        "Most of us would never knowingly harm a bird. But the signs are faded, "
                        "the fence moves every year, and it is not obvious where you can walk and "
                        "where you cannot."
                    ),
                    "speaker": "Derek Stainsby",
                    "role": "member, Saltcombe Dog Walkers' Group",
                },
            ),
            ("heading", "Next year's plans"),
            (
                "paragraph",
                "The trust says it will ask for a seasonal order requiring dogs to be kept on "
                "leads on the whole spit between April and August. Dog walkers say they would "
                "accept leads near the colony but not on the full length of the beach.",
            ),
            (
                "list",
                [
                    "New signs in four places along the coast path",
                    "A wider electric fence to keep foxes out",
                    "More volunteer wardens on weekends and holidays",
                    "Talks with the council on a seasonal dogs-on-leads order",
                ],
            ),
            (
                "paragraph",
                "Little terns migrate from West Africa each spring and are among the most "
                "vulnerable seabirds on the coast. The trust said one bad year would not end the "
                "colony, but “three or four in a row would”.",
            ),
        ],
        "related": ["greyholm-seal-pup-count"],
    },
    {
        "slug": "ashby-moor-leaky-dams-trial",
        "section": "science",
        "title": "Leaky dams on Ashby Moor slow floodwater in first year of trial",
        "standfirst": (
            "Early results from 120 timber dams in the Calder's headwaters suggest they are "
            "holding back water during storms, but hill farmers question whether the scheme could "
            "ever protect Millbrook on its own."
        ),
        "authors": ["ines-halloway"],
        "tags": ["flood defences", "wildlife"],
        "hours_ago": 1000,
        "image_caption": (
            "Water pools behind a line of felled larch trunks wedged across a peat gully on Ashby Moor."
        ),
        "image_credit": "Photo: Calder Rivers Authority (handout)",
        "body": [
            (
                "paragraph",
                "A trial of natural flood management in the headwaters of the River Calder is "
                "slowing the rush of water off the hills during heavy rain, according to the "
                "first year of monitoring data.",
            ),
            (
                "paragraph",
                "Contractors and volunteers built 120 “leaky dams” from felled timber across "
                "streams and gullies on Ashby Moor, alongside new ponds and 14 hectares of "
                "restored peat bog. Sensors downstream of the trial area recorded flood peaks "
                "arriving around 40 minutes later and about 9 per cent lower than in a "
                "neighbouring stream without the work.",
            ),
            (
                "quote",
                {
                    "text": (
                        "That forty minutes matters. Multiply it across the catchment and you "
                        "give people in Millbrook time to move their cars and lift their "
                        "furniture before the water arrives."
                    ),
                    "speaker": "Dr Aisling Voss",
                    "role": "flood risk manager, Calder Rivers Authority",
                },
            ),
            ("heading", "Scale is the question"),
            (
                "paragraph",
                "The trial covers less than 2 per cent of the river's catchment, and the "
                "authority admits it is too early to say what the combined effect would be if it "
                "were expanded. Some farmers say the results are being oversold.",
            ),
            (
                "quote",
                {
                    "text": (
                        "A few logs in a gully are not going to stop a storm like the one that "
                        "flooded Millbrook. And every pond they dig is grazing land we lose for "
                        "good."
                    ),
                    "speaker": "Tom Hebblethwaite",
                    "role": "sheep farmer, Ashby Moor",
                },
            ),
            (
                "paragraph",
                "Farmers taking part are paid for the land they give up, and several have signed "
                "up for a second phase. The authority says it hopes to enlist enough land to "
                "cover a fifth of the upper catchment within five years.",
            ),
            (
                "paragraph",
                "Ecologists say the work brings other benefits. Restored bog stores carbon, and "
                "the ponds have already attracted breeding frogs, dragonflies and a pair of "
                "snipe.",
            ),
            (
                "paragraph",
                "The authority stressed that natural measures were meant to work alongside, not "
                "instead of, hard defences in the town. Monitoring will continue for at least "
                "another four years.",
            ),
        ],
        "related": ["calder-peak-river-flows-rising-study"],
    },
    {
        "slug": "eastmere-cliffs-drone-survey",
        "section": "science",
        "title": "Drone survey shows Eastmere cliffs retreating twice as fast as thought",
        "standfirst": (
            "Repeat aerial surveys suggest parts of the cliff line are losing more than two "
            "metres a year, researchers say; some residents question whether two years of data "
            "can predict the future."
        ),
        "authors": ["ines-halloway"],
        "tags": ["coastal erosion"],
        "hours_ago": 800,
        "image_caption": (
            "A survey drone hovers above the crumbling clay cliffs north of Eastmere, with the "
            "Cliff Road bungalows visible at the top."
        ),
        "image_credit": "Photo: University of the Calder Coast / K. Marsh",
        "body": [
            (
                "paragraph",
                "The soft clay cliffs north of Eastmere are retreating at an average of 2.1 "
                "metres a year along a 700-metre stretch, around twice the rate used in the "
                "current shoreline management plan, according to a drone survey by the University "
                "of the Calder Coast.",
            ),
            (
                "paragraph",
                "Researchers flew the same route every three months for two years, building "
                "detailed three-dimensional models of the cliff face. The models show that "
                "erosion happens in sudden slumps after heavy rain, rather than as a steady "
                "trickle.",
            ),
            (
                "quote",
                {
                    "text": (
                        "The cliff can sit still for months and then lose five metres in a night. "
                        "That pattern is exactly why people are caught by surprise, and why "
                        "average figures on a map can be dangerously reassuring."
                    ),
                    "speaker": "Dr Priyanka Solheim",
                    "role": "coastal geomorphologist, University of the Calder Coast",
                },
            ),
            ("heading", "Data and doubts"),
            (
                "paragraph",
                "The study found the fastest retreat where groundwater seeps out of the cliff "
                "face, weakening the clay from within. Stretches protected by rock armour at the "
                "foot of the cliff retreated much more slowly.",
            ),
            (
                "paragraph",
                "Some residents on Cliff Road, whose gardens back on to the worst-affected "
                "section, say the survey covered two unusually wet winters and risks exaggerating "
                "the long-term trend.",
            ),
            (
                "quote",
                {
                    "text": (
                        "Two years is a snapshot. My father watched this cliff for sixty years "
                        "and some decades it barely moved. Decisions about people's homes should "
                        "not be made on two wet winters."
                    ),
                    "speaker": "Colin Ashworth",
                    "role": "resident, Cliff Road",
                },
            ),
            (
                "paragraph",
                "Dr Solheim said the team agreed that longer records were needed and would "
                "continue flying the route, but said aerial photographs dating back to the 1940s "
                "showed a similar acceleration in wet periods.",
            ),
            (
                "paragraph",
                "The data has been shared with Calder Valley Council, which is reviewing its "
                "coastal strategy for Eastmere.",
            ),
        ],
        "related": [
            "eastmere-cliff-road-managed-retreat-debate",
            "storm-damages-eastmere-promenade",
        ],
    },
    {
        "slug": "storm-damages-eastmere-promenade",
        "section": "science",
        "title": "Storm tears up Eastmere promenade as council orders emergency repairs",
        "standfirst": (
            "Gales and a high spring tide ripped away sections of sea wall and closed the coast "
            "road overnight, renewing the row over how much of Eastmere's shoreline can be "
            "defended."
        ),
        "authors": ["ines-halloway", "helen-marrow"],
        "tags": ["coastal erosion", "flood defences"],
        "hours_ago": 14,
        "updated_hours_ago": 3,
        "image_caption": (
            "Slabs of concrete from the Eastmere promenade lie scattered across the beach below "
            "the bandstand after the overnight storm."
        ),
        "image_credit": "Photo: Calder Courier / A. Penrose",
        "body": [
            (
                "paragraph",
                "Sections of Eastmere's Victorian sea wall were torn away overnight as gusts of "
                "more than 70mph coincided with one of the highest spring tides of the year, "
                "flooding seafront cafés and closing the coast road for nine hours.",
            ),
            (
                "paragraph",
                "Nobody was injured, but twelve properties on the lower promenade were evacuated "
                "as a precaution. Council contractors worked through the morning to place rock "
                "armour in front of the damaged wall.",
            ),
            (
                "quote",
                {
                    "text": (
                        "Our crews were out from midnight and did a remarkable job. We will "
                        "repair the wall, but everyone needs to understand that storms like this "
                        "are becoming more frequent and we cannot rebuild the same wall for ever."
                    ),
                    "speaker": "Rosalind Feaver",
                    "role": "leader, Calder Valley Council",
                },
            ),
            (
                "paragraph",
                "Traders on the seafront said they had warned for years that the wall was in poor "
                "condition. Several said they feared the council was preparing to give up on "
                "parts of the town.",
            ),
            (
                "quote",
                {
                    "text": (
                        "This promenade is the reason people come to Eastmere. If it goes, the "
                        "cafés go, the shops go, and the town goes with them. We need a proper "
                        "wall, not another heap of rocks."
                    ),
                    "speaker": "Shirley Magowan",
                    "role": "chair, Eastmere Seafront Traders",
                },
            ),
            ("heading", "Cliffs also hit"),
            (
                "paragraph",
                "North of the town, a further section of the clay cliffs slumped onto the beach "
                "below Cliff Road. The council said no homes were in immediate danger but that "
                "two gardens had lost several metres overnight.",
            ),
            (
                "paragraph",
                "Update: the council confirmed later in the day that the coast road had reopened "
                "with a temporary speed limit, and that engineers had found voids behind a "
                "40-metre stretch of the wall. Full repairs are expected to cost at least £1.8m. "
                "Residents evacuated overnight have been allowed to return home.",
            ),
            (
                "paragraph",
                "Forecasters have warned of further strong winds later in the week, and the "
                "council has asked people to stay off the seafront during high tides.",
            ),
        ],
        "related": [
            "eastmere-cliffs-drone-survey",
            "eastmere-cliff-road-managed-retreat-debate",
            "millbrook-flood-wall-funding-bid",
        ],
    },
    {
        "slug": "greyholm-seal-pup-count",
        "section": "science",
        "title": "Grey seal pups on Greyholm reach record 640 as colony keeps growing",
        "standfirst": (
            "Scientists say the rising count shows the island's colony is thriving, but some "
            "fishers argue the seals are now eating into already stretched fish stocks."
        ),
        "authors": ["ines-halloway"],
        "tags": ["wildlife"],
        "hours_ago": 1300,
        "image_caption": (
            "A white-coated grey seal pup rests among the boulders on the north shore of Greyholm Island."
        ),
        "image_credit": "Photo: Calder Coast Wildlife Trust / P. Hendry",
        "body": [
            (
                "paragraph",
                "A record 640 grey seal pups were born on Greyholm Island last winter, according "
                "to the annual survey carried out by the Calder Coast Wildlife Trust, up from "
                "around 150 when counting began twenty-five years ago.",
            ),
            (
                "paragraph",
                "Surveyors walk the island's beaches every five days during the pupping season "
                "between October and December, marking each pup with a harmless dye so it is not "
                "counted twice. Most are born on the remote north shore, which is closed to "
                "visitors during the season.",
            ),
            (
                "quote",
                {
                    "text": (
                        "This is one of the great wildlife recoveries on our coast. Seals were "
                        "once shot here as pests, and now Greyholm is one of the most important "
                        "breeding sites in the region."
                    ),
                    "speaker": "Dr Imogen Ruddock",
                    "role": "marine ecologist, Calder Coast Wildlife Trust",
                },
            ),
            ("heading", "Competing for fish"),
            (
                "paragraph",
                "Some inshore fishers believe the growing population is taking a larger share of "
                "the catch. They report seals following boats, taking fish from nets and damaging "
                "gear.",
            ),
            (
                "quote",
                {
                    "text": (
                        "Nobody wants to harm the seals, but you cannot pretend six hundred new "
                        "mouths a year make no difference. We are told to cut our catches while "
                        "the colony doubles."
                    ),
                    "speaker": "Alan Brewis",
                    "role": "chair, Port Sallow Inshore Fishermen's Association",
                },
            ),
            (
                "paragraph",
                "Scientists say there is little evidence that seals are responsible for declining "
                "fish stocks, which they link to changes in sea temperature and historic "
                "overfishing. The trust said it was working with fishers on trials of "
                "seal-deterring devices for nets.",
            ),
            (
                "list",
                [
                    "Pups born: 640",
                    "Survey visits: 17",
                    "Pups that died before weaning: about 9 per cent",
                    "First pup recorded: 14 October",
                ],
            ),
            (
                "paragraph",
                "Visitors are asked to stay on marked paths and keep dogs on leads on the island "
                "between October and January. Boat trips to view the colony operate from Port "
                "Sallow at a distance agreed with the trust.",
            ),
        ],
        "related": ["saltcombe-marsh-tern-colony-decline"],
    },
    {
        "slug": "harrowgate-bay-bathing-water-downgraded",
        "section": "science",
        "title": "Harrowgate Bay main beach loses 'good' bathing water rating",
        "standfirst": (
            "Tests found higher bacteria levels after heavy rain, with swimmers blaming sewage "
            "overflows; the water company says agricultural run-off and a leaking private drain "
            "are also to blame."
        ),
        "authors": ["ines-halloway", "owen-tresize"],
        "tags": ["public health", "tourism"],
        "hours_ago": 180,
        "image_caption": (
            "Early morning swimmers walk into the sea at Harrowgate Bay main beach past a new "
            "sign showing the water quality rating."
        ),
        "image_credit": "Photo: Calder Courier / R. Okafor",
        "body": [
            (
                "paragraph",
                "The main beach at Harrowgate Bay has been downgraded from “good” to “sufficient” "
                "in the annual bathing water classifications, after summer sampling found higher "
                "levels of bacteria associated with sewage and animal waste.",
            ),
            (
                "paragraph",
                "The beach is the most visited on the Calder coast and is used all year by a "
                "growing community of sea swimmers. Samples taken after heavy rain in July and "
                "August showed the highest readings.",
            ),
            (
                "quote",
                {
                    "text": (
                        "We are swimming in it, and we are the ones getting stomach bugs. The "
                        "overflow pipe at the end of the beach discharged dozens of times this "
                        "summer and nobody can tell us why that is allowed."
                    ),
                    "speaker": "Kerry Abernethy",
                    "role": "founder, Harrowgate Bay Bluetits sea swimming group",
                },
            ),
            (
                "paragraph",
                "Calder Water said its storm overflows only operated when heavy rain threatened "
                "to overwhelm the sewer network, and that its own investigations had found other "
                "sources of pollution.",
            ),
            (
                "quote",
                {
                    "text": (
                        "Our overflows are part of the picture and we are spending £8m to reduce "
                        "them. But our tracing has also found run-off from farmland and a "
                        "misconnected private drain, and those need fixing too."
                    ),
                    "speaker": "Dr Neil Ashcombe",
                    "role": "environment director, Calder Water",
                },
            ),
            ("heading", "What swimmers should know"),
            (
                "list",
                [
                    "Avoid swimming for 48 hours after heavy rain",
                    "Check the daily pollution alerts posted at the beach and online",
                    "Cover cuts and wash hands before eating",
                    "Report any illness to the council's environmental health team",
                ],
            ),
            (
                "paragraph",
                "The council said the beach remained safe for swimming in most conditions and "
                "that the rating would not affect its award status this season. Beach businesses "
                "said they were worried about the effect on bookings.",
            ),
            (
                "paragraph",
                "Swimmers have asked for the sampling programme to run year-round rather than "
                "only between May and September. The water company said it would publish monthly "
                "data from the overflow at the east end of the beach from next spring.",
            ),
        ],
        "related": [],
    },
    {
        "slug": "fenwold-dark-sky-reserve-bid",
        "section": "science",
        "title": "Fenwold hills bid to become the region's first dark sky reserve",
        "standfirst": (
            "Astronomers say the hills offer some of the darkest skies in the country, but "
            "businesses worry that stricter lighting rules would add cost and put off visitors "
            "after dark."
        ),
        "authors": ["ines-halloway"],
        "tags": ["tourism"],
        "hours_ago": 1450,
        "image_caption": (
            "The Milky Way arches over a drystone wall above Ashby, photographed on a moonless "
            "night in February."
        ),
        "image_credit": "Photo: Calder Courier / K. Marsh",
        "body": [
            (
                "paragraph",
                "A campaign to have the Fenwold hills recognised as an international dark sky "
                "reserve has submitted its application, after three years of measuring night-time "
                "sky brightness across 200 square miles of upland.",
            ),
            (
                "paragraph",
                "Volunteers took more than 4,000 readings with handheld meters, finding that the "
                "darkest core around Ashby and the upper Calder valley rivalled some of the "
                "best-known stargazing sites in Europe. On a clear night, the Milky Way and the "
                "Andromeda galaxy are visible with the naked eye.",
            ),
            (
                "quote",
                {
                    "text": (
                        "Most children in this country have never seen the Milky Way. Here it is "
                        "on their doorstep, and it costs nothing to protect except a bit of "
                        "thought about how we light our buildings."
                    ),
                    "speaker": "Dr Ravi Oyelaran",
                    "role": "chair, Fenwold Dark Skies Partnership",
                },
            ),
            ("heading", "Lighting rules"),
            (
                "paragraph",
                "Reserve status would not be legally binding, but the council would be expected "
                "to adopt planning guidance requiring new outdoor lights to be shielded, warmer "
                "in colour and switched off when not needed. Some business owners say the rules "
                "would add cost to small projects.",
            ),
            (
                "quote",
                {
                    "text": (
                        "We support dark skies, of course. But a farm shop or a campsite needs "
                        "safe lighting in a car park in winter, and I worry we will be told to "
                        "spend thousands on special fittings."
                    ),
                    "speaker": "Lynne Bracegirdle",
                    "role": "chair, Fenwold Tourism Association",
                },
            ),
            (
                "paragraph",
                "Supporters point to other reserves where stargazing has become a reason to visit "
                "in the quiet winter months, with observatory evenings, astronomy weekends and "
                "late-opening pubs. The partnership estimates dark sky tourism could be worth £2m "
                "a year to the hills.",
            ),
            (
                "paragraph",
                "The partnership says it will offer free advice to businesses on lighting changes "
                "and has secured a small grant to help replace the worst street lights in four "
                "villages. A decision on the application is expected within a year.",
            ),
        ],
        "related": [],
    },
    {
        "slug": "net-loft-arts-centre-future-in-doubt",
        "section": "culture",
        "title": "Net Loft arts centre fears eviction under harbour redevelopment",
        "standfirst": (
            "The volunteer-run gallery and music venue has occupied a former net store on the "
            "south quay for 22 years, and says the developer's offer of a smaller space would "
            "mean the end of it."
        ),
        "authors": ["rory-pendle"],
        "tags": ["harbour redevelopment", "arts funding"],
        "hours_ago": 95,
        "updated_hours_ago": 80,
        "image_caption": (
            "An audience gathers under the timber roof beams of the Net Loft for a Friday night folk session."
        ),
        "image_credit": "Photo: Calder Courier / J. Whitlock",
        "body": [
            (
                "paragraph",
                "The Net Loft, a gallery, music venue and workshop space in a Victorian net store "
                "on Harrowgate Bay's south quay, says it may have to close if the harbour "
                "redevelopment goes ahead in its current form.",
            ),
            (
                "paragraph",
                "The building sits on land included in Brackwater Developments' masterplan. The "
                "company has offered the Net Loft a ground-floor unit in one of its new blocks at "
                "a reduced rent, but the centre's trustees say the space is less than half the "
                "size of their current home and could not host concerts.",
            ),
            (
                "quote",
                {
                    "text": (
                        "This building is the reason the Net Loft exists. You cannot put a "
                        "hundred and fifty people, a drum kit and a pottery kiln into a shop unit "
                        "under someone's flat and expect it to work."
                    ),
                    "speaker": "Tamsin Okoro-Blake",
                    "role": "director, the Net Loft",
                },
            ),
            (
                "paragraph",
                "The centre hosts around 180 events a year, from exhibitions by local painters to "
                "touring bands, and runs free art clubs for children from the harbour estates. It "
                "lost its regional arts grant earlier this year and now relies on ticket sales, "
                "its bar and a small army of volunteers.",
            ),
            (
                "quote",
                {
                    "text": (
                        "We value the Net Loft enormously and we want it in the new harbour. The "
                        "unit we have offered is a starting point, and we have said we will look "
                        "again at the size and the terms."
                    ),
                    "speaker": "Callum Ferriby",
                    "role": "managing director, Brackwater Developments",
                },
            ),
            ("heading", "Listing application"),
            (
                "paragraph",
                "Supporters have asked for the building to be protected as a structure of "
                "historic interest, which would make it much harder to demolish. More than 3,000 "
                "people have signed a petition backing the application.",
            ),
            (
                "paragraph",
                "Update: Brackwater said after publication that it would commission an "
                "independent survey of whether the net store itself could be kept and converted "
                "as part of the scheme. The Net Loft's trustees called it “the first real sign "
                "that anyone is listening” but said they would continue with the listing "
                "application.",
            ),
            (
                "paragraph",
                "The centre's summer programme, including its annual harbour printmaking "
                "festival, will go ahead as planned.",
            ),
        ],
        "related": [
            "harbour-masterplan-wins-narrow-council-vote",
            "brackwater-unveils-harbour-quarter-plans",
            "arts-grant-cuts-hit-three-venues",
        ],
    },
    {
        "slug": "calder-book-festival-programme",
        "section": "culture",
        "title": "Calder Book Festival announces its biggest programme yet",
        "standfirst": (
            "More than 120 events across Harrowgate Bay and Millbrook will feature novelists, "
            "poets and historians, though some regulars say rising ticket prices are shutting out "
            "local readers."
        ),
        "authors": ["rory-pendle"],
        "tags": ["tourism", "arts funding"],
        "hours_ago": 360,
        "image_caption": (
            "Bunting is strung across the courtyard of the old customs house in Harrowgate Bay, "
            "the book festival's main venue."
        ),
        "image_credit": "Photo: Calder Courier / M. Esterhuizen",
        "body": [
            (
                "paragraph",
                "The Calder Book Festival has unveiled its largest programme in its fourteen-year "
                "history, with more than 120 events over ten days in late September at venues in "
                "Harrowgate Bay and Millbrook.",
            ),
            (
                "paragraph",
                "The line-up includes readings from prize-winning novelists, a strand devoted to "
                "writing about the sea, and a series of walks led by nature writers along the "
                "coast path. For the first time, a children's programme will run in all five of "
                "the valley's secondary schools.",
            ),
            (
                "quote",
                {
                    "text": (
                        "We want people to leave feeling they have discovered a writer they would "
                        "never have picked up on their own. The festival has grown up, and the "
                        "programme reflects the ambition of the audience here."
                    ),
                    "speaker": "Oona Featherstone",
                    "role": "artistic director, Calder Book Festival",
                },
            ),
            ("heading", "The cost of a ticket"),
            (
                "paragraph",
                "The standard price for a main stage event has risen to £16, up from £11 three "
                "years ago. Organisers say the increase reflects higher costs for venues, travel "
                "and authors' fees, and the loss of part of the festival's public grant.",
            ),
            (
                "quote",
                {
                    "text": (
                        "It used to be a festival for the town. Now it feels like it is for "
                        "people with second homes here. A family of four cannot spend sixty "
                        "pounds on one talk."
                    ),
                    "speaker": "Gordon Ellery-Pike",
                    "role": "festival regular and retired teacher, Millbrook",
                },
            ),
            (
                "paragraph",
                "The festival points out that around a quarter of events are free, and that 1,500 "
                "tickets will be set aside for residents on low incomes at £3 each.",
            ),
            (
                "list",
                [
                    "Free events: 31",
                    "Events in Millbrook: 28",
                    "Schools taking part: 5",
                    "Volunteer stewards: about 200",
                ],
            ),
            (
                "paragraph",
                "Tickets go on sale to festival members next week and to the general public a "
                "fortnight later.",
            ),
        ],
        "related": ["eastmere-folk-festival-licence-row"],
    },
    {
        "slug": "port-sallow-museum-wreck-exhibition",
        "section": "culture",
        "title": "Treasures from 18th-century wreck go on show in Port Sallow",
        "standfirst": (
            "Coins, navigation instruments and a ship's bell recovered from a merchant vessel "
            "that sank off Greyholm in 1763 are at the heart of a new exhibition, amid a debate "
            "about where they belong."
        ),
        "authors": ["rory-pendle"],
        "tags": ["tourism"],
        "hours_ago": 720,
        "correction": ("An earlier version of this article said the ship sank in 1736; it sank in 1763."),
        "image_caption": (
            "The bronze bell of the merchant ship Providence hangs in a glass case at the Port "
            "Sallow Maritime Museum."
        ),
        "image_credit": "Photo: Port Sallow Maritime Museum (handout)",
        "body": [
            (
                "paragraph",
                "More than 300 objects recovered from the wreck of the Providence, a merchant "
                "ship that sank in a storm off Greyholm Island in 1763, have gone on display at "
                "the Port Sallow Maritime Museum.",
            ),
            (
                "paragraph",
                "The ship was carrying cloth, wine and a small quantity of silver coin when she "
                "struck the Skerry Rocks on a winter night, with the loss of 41 lives. Her "
                "remains were located by recreational divers in the 1990s and excavated over "
                "several seasons by a team of marine archaeologists.",
            ),
            (
                "quote",
                {
                    "text": (
                        "These objects tell us about ordinary lives as much as trade. There is a "
                        "sailor's carved bone comb, a child's shoe and a pewter spoon with "
                        "someone's initials scratched into it."
                    ),
                    "speaker": "Dr Elspeth Corrigan",
                    "role": "curator, Port Sallow Maritime Museum",
                },
            ),
            ("heading", "Island claim"),
            (
                "paragraph",
                "The exhibition has revived a long-running disagreement with islanders on "
                "Greyholm, who argue that the finds should be displayed on the island, where "
                "survivors were sheltered and the dead were buried.",
            ),
            (
                "quote",
                {
                    "text": (
                        "The Providence is part of our story. Our ancestors pulled those sailors "
                        "out of the sea. The island has a heritage centre, and some of these "
                        "objects should be coming home to it."
                    ),
                    "speaker": "Morag Tulloch",
                    "role": "convenor, Greyholm Community Council",
                },
            ),
            (
                "paragraph",
                "The museum says the Greyholm heritage centre cannot currently provide the "
                "temperature and humidity control the objects need, but that it would lend a "
                "selection to the island if suitable display cases can be funded.",
            ),
            (
                "paragraph",
                "The exhibition includes a reconstruction of the ship's hold, a film of the "
                "excavation, and an interactive map plotting more than eighty known wrecks along "
                "the Calder coast. It runs until the end of next year, and entry is free for "
                "residents of the valley.",
            ),
        ],
        "related": [],
    },
    {
        "slug": "arts-grant-cuts-hit-three-venues",
        "section": "culture",
        "title": "Three Calder venues lose regional arts funding in latest round",
        "standfirst": (
            "The Net Loft, the Kestle Players and the Eastmere Pavilion will no longer receive "
            "regular grants, with funders pointing to tougher competition and venues warning of "
            "closures."
        ),
        "authors": ["rory-pendle"],
        "tags": ["arts funding", "council budget"],
        "hours_ago": 505,
        "image_caption": (
            "Rows of empty seats in the Eastmere Pavilion theatre, which has lost a grant that "
            "covered a fifth of its running costs."
        ),
        "image_credit": "Photo: Calder Courier / A. Penrose",
        "body": [
            (
                "paragraph",
                "Three of the Calder Valley's best-known arts organisations have lost their "
                "regular funding from the regional arts board, in a round that saw applications "
                "for multi-year grants rise by more than a third.",
            ),
            (
                "paragraph",
                "The Net Loft in Harrowgate Bay, the Kestle Players community theatre company and "
                "the Eastmere Pavilion will stop receiving grants from next April. Together they "
                "received around £210,000 a year. Two new organisations in the valley, a dance "
                "company and a film education charity, have been funded for the first time.",
            ),
            (
                "quote",
                {
                    "text": (
                        "We had far more strong applications than we could support, and every "
                        "decision was difficult. We have funded more organisations in the region "
                        "overall, and we will help those leaving the portfolio to plan for the "
                        "transition."
                    ),
                    "speaker": "Jocelyn Abara",
                    "role": "area director, Regional Arts Board",
                },
            ),
            (
                "paragraph",
                "The venues said the decision came with little warning and that the transition "
                "support on offer was too small to make a difference.",
            ),
            (
                "quote",
                {
                    "text": (
                        "A fifth of our budget has gone in one letter. We will keep the lights on "
                        "for this season, but I cannot promise the same for next year without the "
                        "council or the public stepping in."
                    ),
                    "speaker": "Hamish Cardew",
                    "role": "general manager, Eastmere Pavilion",
                },
            ),
            ("heading", "Council under pressure"),
            (
                "paragraph",
                "Calder Valley Council, which already faces a multi-million-pound budget gap, "
                "said it could not replace the lost grants but would look at reducing rent and "
                "business rates on council-owned buildings used by the groups.",
            ),
            (
                "paragraph",
                "Tamsin Okoro-Blake, director of the Net Loft, said the centre would launch a "
                "membership scheme and a fundraising appeal. “We have been here before, though "
                "never quite this close to the edge,” she said.",
            ),
            (
                "paragraph",
                "The Kestle Players said their spring production would go ahead with a smaller "
                "cast and no touring dates.",
            ),
        ],
        "related": ["net-loft-arts-centre-future-in-doubt", "council-budget-cuts-library-hours"],
    },
    {
        "slug": "eastmere-folk-festival-licence-row",
        "section": "culture",
        "title": "Eastmere Folk Festival wins licence despite noise complaints",
        "standfirst": (
            "Councillors granted the festival a licence for another three years, with earlier "
            "finishing times on Sundays; residents near the clifftop site say the compromise does "
            "not go far enough."
        ),
        "authors": ["rory-pendle"],
        "tags": ["tourism"],
        "hours_ago": 1050,
        "image_caption": (
            "Dancers in clogs perform on the main stage at Eastmere Folk Festival as the sun sets "
            "over the clifftop field."
        ),
        "image_credit": "Photo: Calder Courier / J. Whitlock",
        "body": [
            (
                "paragraph",
                "The Eastmere Folk Festival will continue on its clifftop site for at least three "
                "more years after the council's licensing committee renewed its licence, but with "
                "music on the main stage ending at 10.30pm on Sundays instead of midnight.",
            ),
            (
                "paragraph",
                "The four-day festival, now in its 29th year, attracts around 8,000 people each "
                "August. Organisers say it brings more than £1.5m into the town, filling guest "
                "houses and campsites and giving seafront cafés their busiest weekend of the "
                "year.",
            ),
            (
                "quote",
                {
                    "text": (
                        "We are a folk festival, not a rave. We have spent tens of thousands on "
                        "sound monitoring and we have moved the main stage twice to face away "
                        "from the houses. I think we have shown we are good neighbours."
                    ),
                    "speaker": "Bernadette Lowry",
                    "role": "festival director, Eastmere Folk Festival",
                },
            ),
            (
                "paragraph",
                "Eleven residents living near the site objected to the renewal, citing amplified "
                "music late at night, litter in gardens and people using hedges as toilets when "
                "the festival ends.",
            ),
            (
                "quote",
                {
                    "text": (
                        "For four nights our windows shake until after midnight and we cannot get "
                        "out of our own road. Everyone says it's only one weekend, but they are "
                        "not the ones living next to it."
                    ),
                    "speaker": "Geoffrey Tunnicliffe",
                    "role": "resident, Headland Road",
                },
            ),
            ("heading", "Conditions"),
            (
                "list",
                [
                    "Main stage music to end by 11.30pm Thursday to Saturday and by 10.30pm on Sunday",
                    "Noise to be monitored at three residential addresses",
                    "Extra stewards and portable toilets on Headland Road",
                    "A residents' phone line staffed throughout the festival",
                ],
            ),
            (
                "paragraph",
                "Committee members said the conditions struck a fair balance, and urged the "
                "organisers to keep talking to neighbours. This year's headline acts are due to "
                "be announced in the spring.",
            ),
        ],
        "related": [],
    },
    {
        "slug": "calder-youth-orchestra-tour",
        "section": "culture",
        "title": "Calder Youth Orchestra plays first overseas tour in a decade",
        "standfirst": (
            "Sixty-eight young musicians from across the valley are performing in three cities "
            "this week, but music teachers warn that cuts to school lessons mean fewer children "
            "are reaching this standard."
        ),
        "authors": ["rory-pendle", "bea-quarles"],
        "tags": ["schools", "arts funding"],
        "hours_ago": 40,
        "image_caption": (
            "Young violinists rehearse in a church hall in Millbrook before leaving on the orchestra's tour."
        ),
        "image_credit": "Photo: Calder Courier / M. Esterhuizen",
        "body": [
            (
                "paragraph",
                "The Calder Youth Orchestra has set off on its first overseas tour in ten years, "
                "with 68 musicians aged between 12 and 19 due to perform in three cities over "
                "eight days.",
            ),
            (
                "paragraph",
                "The programme includes a symphony by a Romantic composer, a new piece "
                "commissioned from a composer who grew up in Port Sallow, and a suite of "
                "traditional sea songs arranged by the orchestra's own players. Families raised "
                "more than £40,000 for the trip through concerts, sponsored walks and a summer of "
                "car washes.",
            ),
            (
                "quote",
                {
                    "text": (
                        "Some of these young people have never been on a plane. Standing on a "
                        "stage abroad and hearing an audience respond to their playing is "
                        "something they will carry for the rest of their lives."
                    ),
                    "speaker": "Anselm Brooke",
                    "role": "musical director, Calder Youth Orchestra",
                },
            ),
            ("heading", "Fewer beginners"),
            (
                "paragraph",
                "Behind the celebration is a worry about the future. The valley's music service "
                "says the number of children learning an orchestral instrument in school has "
                "fallen by nearly 30 per cent in five years, as schools have cut back on "
                "subsidised lessons.",
            ),
            (
                "quote",
                {
                    "text": (
                        "The orchestra is the tip of a pyramid, and the base of that pyramid is "
                        "shrinking. In ten years' time there may not be enough cellists in the "
                        "whole valley to fill a section."
                    ),
                    "speaker": "Fiona Mbeki-Rowe",
                    "role": "head of the Calder Music Service",
                },
            ),
            (
                "paragraph",
                "The council, which part-funds the music service, said it had protected the "
                "service from cuts this year and was working with schools to expand free "
                "instrument loans.",
            ),
            (
                "paragraph",
                "Not everyone agrees that school lessons are the only route. Several orchestra "
                "members said they had learned through community brass bands and church groups, "
                "which the council wants to support more closely. The tour ends on Sunday with a "
                "concert in a cathedral.",
            ),
        ],
        "related": [],
    },
    {
        "slug": "millbrook-regal-cinema-reopens-as-co-op",
        "section": "culture",
        "title": "Millbrook's Regal cinema reopens as a community co-operative",
        "standfirst": (
            "More than 900 residents bought shares to rescue the 1930s picture house, which "
            "closed three years ago; a neighbouring multiplex operator says the market cannot "
            "sustain two cinemas."
        ),
        "authors": ["rory-pendle", "kofi-brannigan"],
        "tags": ["small business", "arts funding"],
        "hours_ago": 1180,
        "image_caption": (
            "The restored art deco neon sign of the Regal glows above Millbrook's Bridge Street "
            "on the cinema's opening night."
        ),
        "image_credit": "Photo: Calder Courier / A. Penrose",
        "body": [
            (
                "paragraph",
                "The Regal cinema in Millbrook has reopened after three years in darkness, "
                "following a community share offer that raised £480,000 from more than 900 local "
                "investors.",
            ),
            (
                "paragraph",
                "The 1936 picture house, with its sweeping art deco frontage, closed when its "
                "previous operator went out of business. A group of residents formed a "
                "co-operative to buy the building, restore the original neon sign and install new "
                "projection equipment in its single 280-seat auditorium.",
            ),
            (
                "quote",
                {
                    "text": (
                        "People kept telling us a single-screen cinema could not survive. But "
                        "this town wanted somewhere to go in the evening that was not a pub or a "
                        "drive to the retail park, and they put their own money behind it."
                    ),
                    "speaker": "Marcus Tennant-Obi",
                    "role": "chair, Regal Millbrook Co-operative",
                },
            ),
            (
                "paragraph",
                "The cinema will show a mix of new releases, classic films, live theatre "
                "broadcasts and subtitled world cinema, with relaxed screenings for people with "
                "dementia and parent-and-baby matinees.",
            ),
            (
                "quote",
                {
                    "text": (
                        "We wish them well, but the numbers are what they are. There are only so "
                        "many people in the valley going to the cinema on a Tuesday night, and "
                        "two venues ten minutes apart will be splitting the same audience."
                    ),
                    "speaker": "Lionel Harcastle",
                    "role": "regional manager, the multiplex at Calder Retail Park",
                },
            ),
            ("heading", "Volunteers behind the counter"),
            (
                "paragraph",
                "The co-operative employs four full-time staff, including a projectionist, and "
                "relies on around sixty volunteers to run the box office and café. Shareholders "
                "do not receive dividends but get discounted tickets and a vote at the annual "
                "meeting.",
            ),
            (
                "paragraph",
                "Neighbouring businesses on Bridge Street welcomed the reopening. The owner of "
                "the Italian restaurant opposite said bookings on the opening weekend were up by "
                "half.",
            ),
            (
                "paragraph",
                "The opening night was a sold-out screening of a restored black-and-white comedy "
                "that was first shown at the Regal in the year it opened.",
            ),
        ],
        "related": [],
    },
    {
        "slug": "gulls-beat-rovers-senior-cup-quarter-final",
        "section": "sport",
        "title": "Gulls edge Millbrook Rovers to reach Senior Cup semi-finals",
        "standfirst": (
            "A disputed late penalty gave Harrowgate Bay Athletic a 2-1 win in a bad-tempered "
            "valley derby, with the Rovers manager calling the decision the worst he had seen in "
            "thirty years."
        ),
        "authors": ["sunita-garvey"],
        "tags": ["cup run"],
        "hours_ago": 900,
        "image_caption": (
            "Harrowgate Bay Athletic striker Jordan Akande wheels away after scoring the winning "
            "penalty at the Harbour Ground."
        ),
        "image_credit": "Photo: Calder Courier / R. Okafor",
        "body": [
            (
                "paragraph",
                "Harrowgate Bay Athletic reached the semi-finals of the Coastal Counties Senior "
                "Cup for the first time in eleven years after an 88th-minute penalty from Jordan "
                "Akande sealed a 2-1 win over Millbrook Rovers in front of 1,140 fans at the "
                "Harbour Ground.",
            ),
            (
                "paragraph",
                "The visitors had levelled through a header from Callum Reid just after the hour, "
                "cancelling out captain Lewis Odunsi's first-half strike from the edge of the "
                "area. With extra time looming, referee Daniel Hewett pointed to the spot after "
                "Akande went down under a challenge from Rovers defender Max Tolland.",
            ),
            (
                "quote",
                {
                    "text": (
                        "I have watched it back four times. Max gets nowhere near him, the lad "
                        "goes down like he has been shot, and we are out of the cup. In thirty "
                        "years in this game I have not seen a worse decision."
                    ),
                    "speaker": "Phil Garside",
                    "role": "manager, Millbrook Rovers",
                },
            ),
            (
                "quote",
                {
                    "text": (
                        "Phil is entitled to his opinion, but I was right in line with it and "
                        "there was contact. Jordan is strong, he does not go down easily, and I "
                        "thought we deserved it over the ninety minutes anyway."
                    ),
                    "speaker": "Stevie Marchbank",
                    "role": "manager, Harrowgate Bay Athletic",
                },
            ),
            ("heading", "Tempers flare"),
            (
                "paragraph",
                "The final minutes were marked by a touchline confrontation that saw both benches "
                "separated by stewards. Hewett showed three yellow cards in stoppage time, and "
                "Rovers' assistant manager was sent to the stands.",
            ),
            (
                "paragraph",
                "Rovers said they would not be making a formal complaint but had asked the county "
                "referees' association to review the footage.",
            ),
            (
                "list",
                [
                    "Harrowgate Bay Athletic: 2 (Odunsi 34, Akande pen 88)",
                    "Millbrook Rovers: 1 (Reid 63)",
                    "Attendance: 1,140",
                    "Man of the match: Lewis Odunsi",
                ],
            ),
            (
                "paragraph",
                "Athletic will face either Eastmere Wanderers or Port Sallow Town Reserves in the "
                "semi-final next month, with the draw to be made on Monday evening.",
            ),
        ],
        "related": ["gulls-reach-final-on-penalties"],
    },
    {
        "slug": "gulls-reach-final-on-penalties",
        "section": "sport",
        "title": "Brennock the hero as Gulls reach Senior Cup final on penalties",
        "standfirst": (
            "Goalkeeper Kit Brennock saved two spot-kicks as Harrowgate Bay Athletic beat "
            "Eastmere Wanderers in a shoot-out, though Wanderers' manager blamed a waterlogged "
            "pitch for a scrappy night."
        ),
        "authors": ["sunita-garvey"],
        "tags": ["cup run"],
        "hours_ago": 420,
        "image_caption": (
            "Kit Brennock dives to his left to save the decisive penalty in front of the away end "
            "at Eastmere's Cliff Park."
        ),
        "image_credit": "Photo: Calder Courier / R. Okafor",
        "body": [
            (
                "paragraph",
                "Kit Brennock saved penalties from Ryan Salter and Tommy Ferrand as Harrowgate "
                "Bay Athletic beat Eastmere Wanderers 4-2 in a shoot-out to reach the final of "
                "the Coastal Counties Senior Cup, after a goalless 120 minutes at Cliff Park.",
            ),
            (
                "paragraph",
                "Heavy rain through the afternoon left large parts of the pitch under standing "
                "water, and the match went ahead only after a late inspection. Long passes held "
                "up in puddles and both sides struggled to string moves together, with just two "
                "shots on target in normal time.",
            ),
            (
                "quote",
                {
                    "text": (
                        "That pitch was not fit for a semi-final. We play a passing game and we "
                        "were asked to play water polo. I am not taking anything away from their "
                        "keeper, but it was a lottery from the first minute."
                    ),
                    "speaker": "Andy Colbeck",
                    "role": "manager, Eastmere Wanderers",
                },
            ),
            (
                "paragraph",
                "Harrowgate Bay manager Stevie Marchbank rejected suggestions that the conditions "
                "had decided the tie. The referee and both clubs had agreed to play, he said, and "
                "his side had coped better.",
            ),
            (
                "quote",
                {
                    "text": (
                        "Both teams played on the same pitch. We adapted, we kept it simple and "
                        "we had the best goalkeeper on the field. Nobody was complaining about "
                        "the rain when they picked the ball up for their penalties."
                    ),
                    "speaker": "Stevie Marchbank",
                    "role": "manager, Harrowgate Bay Athletic",
                },
            ),
            ("heading", "Keeper's night"),
            (
                "paragraph",
                "Brennock, 34, who works as a plumber during the week, had already made a fine "
                "save from Salter in extra time before guessing correctly twice in the shoot-out. "
                "Lewis Odunsi, Jordan Akande, Sol Whitby and Ben Carrick all scored for Athletic.",
            ),
            (
                "paragraph",
                "It is the first time Harrowgate Bay have reached the final since 1998, when they "
                "lost to Port Sallow Town. Town beat Wanderers' neighbours Kestle United 3-0 in "
                "the other semi-final, setting up a repeat of that meeting.",
            ),
            (
                "paragraph",
                "The final will be played at Millbrook's Riverside Stadium, a neutral venue, in "
                "five weeks' time. Ticket details are expected shortly.",
            ),
        ],
        "related": ["gulls-beat-rovers-senior-cup-quarter-final", "senior-cup-final-ticket-row"],
    },
    {
        "slug": "senior-cup-final-ticket-row",
        "section": "sport",
        "title": "Gulls fans furious over Senior Cup final ticket allocation",
        "standfirst": (
            "Harrowgate Bay Athletic have been given 1,200 tickets for the final against Port "
            "Sallow Town, a third fewer than their opponents; the county FA says the split "
            "reflects attendance figures."
        ),
        "authors": ["sunita-garvey"],
        "tags": ["cup run"],
        "hours_ago": 120,
        "image_caption": (
            "Supporters queue along the wall of the Harbour Ground's clubhouse as Senior Cup "
            "final tickets go on sale."
        ),
        "image_credit": "Photo: Calder Courier / M. Esterhuizen",
        "body": [
            (
                "paragraph",
                "Harrowgate Bay Athletic supporters have accused the Coastal Counties FA of "
                "treating them unfairly after the club was allocated 1,200 tickets for the Senior "
                "Cup final, compared with 1,800 for Port Sallow Town.",
            ),
            (
                "paragraph",
                "The final will be played at Millbrook's Riverside Stadium, which holds 3,500. "
                "The remaining 500 tickets are reserved for sponsors, officials and grassroots "
                "clubs across the county. Athletic's allocation sold out within three hours, with "
                "hundreds of fans still queuing outside the clubhouse when the last tickets went.",
            ),
            (
                "quote",
                {
                    "text": (
                        "We took more than a thousand to Eastmere on a soaking Tuesday night. "
                        "This club has not been in a final for twenty-five years, and our "
                        "supporters are being shut out so that blazers and sponsors can sit in "
                        "the middle of the stand."
                    ),
                    "speaker": "Priya Venning",
                    "role": "chair, Harrowgate Bay Athletic Supporters' Trust",
                },
            ),
            (
                "paragraph",
                "The county FA said the allocation was based on each club's average home league "
                "attendance this season, a formula it has used for every final since 2015. Port "
                "Sallow Town play in a higher division and average around 600 more spectators a "
                "game.",
            ),
            (
                "quote",
                {
                    "text": (
                        "We understand the disappointment, and it is a great problem to have. But "
                        "the formula was published at the start of the competition, it is the "
                        "same for every club, and we cannot change the rules at the final stage."
                    ),
                    "speaker": "Martin Skerrow",
                    "role": "chief executive, Coastal Counties FA",
                },
            ),
            ("heading", "Calls for a bigger ground"),
            (
                "paragraph",
                "Some supporters argue the final should have been moved to Port Sallow's larger "
                "stadium, which holds 6,000. The FA said the competition rules require a neutral "
                "venue.",
            ),
            (
                "paragraph",
                "Athletic's chairman said the club had asked whether any unsold seats from Port "
                "Sallow's allocation could be returned. The FA said it would consider that "
                "request three days before the match.",
            ),
            (
                "paragraph",
                "The supporters' trust has arranged for the final to be shown on a big screen at "
                "the Harbour Ground, with proceeds going to the club's youth section.",
            ),
        ],
        "related": ["gulls-reach-final-on-penalties", "gulls-win-coastal-counties-senior-cup"],
    },
    {
        "slug": "gulls-win-coastal-counties-senior-cup",
        "section": "sport",
        "title": "Harrowgate Bay Athletic lift Senior Cup with late Odunsi winner",
        "standfirst": (
            "Captain Lewis Odunsi headed in a stoppage-time winner as the Gulls beat Port Sallow "
            "Town 2-1 to win the county's oldest trophy, settling a 25-year-old score in a "
            "dramatic final."
        ),
        "authors": ["sunita-garvey"],
        "tags": ["cup run"],
        "hours_ago": 26,
        "updated_hours_ago": 20,
        "image_caption": (
            "Lewis Odunsi lifts the Coastal Counties Senior Cup as Harrowgate Bay Athletic "
            "players spray water in celebration at the Riverside Stadium."
        ),
        "image_credit": "Photo: Calder Courier / R. Okafor",
        "body": [
            (
                "paragraph",
                "Harrowgate Bay Athletic won the Coastal Counties Senior Cup for the first time "
                "since 1987 after captain Lewis Odunsi's header in the third minute of stoppage "
                "time gave them a 2-1 victory over Port Sallow Town at Millbrook's Riverside "
                "Stadium.",
            ),
            (
                "paragraph",
                "Town, playing two divisions higher, had led through a first-half penalty from "
                "Ashley Muir and controlled much of the match. Sol Whitby equalised with a low "
                "drive on 71 minutes before Odunsi rose above two defenders to meet Ben Carrick's "
                "corner.",
            ),
            (
                "quote",
                {
                    "text": (
                        "Twenty-five years ago I was in the crowd when we lost this final to "
                        "them. To lead these lads out and then score the winner, I do not have "
                        "the words. This is for everyone who never stopped coming."
                    ),
                    "speaker": "Lewis Odunsi",
                    "role": "captain, Harrowgate Bay Athletic",
                },
            ),
            ("heading", "Town question the corner"),
            (
                "paragraph",
                "Port Sallow Town's manager said the winning corner should never have been given, "
                "arguing that the ball had last touched an Athletic player before going out.",
            ),
            (
                "quote",
                {
                    "text": (
                        "It was a goal kick, clear as day, and our lads were already walking "
                        "back. I am proud of the way we played, but we have been beaten by a "
                        "decision, not by the better team."
                    ),
                    "speaker": "Dale Cottam",
                    "role": "manager, Port Sallow Town",
                },
            ),
            (
                "paragraph",
                "Athletic manager Stevie Marchbank dismissed the complaint. “They had ninety "
                "minutes to put us away and they did not do it,” he said. “If you leave the door "
                "open in a final, someone walks through it.”",
            ),
            (
                "paragraph",
                "Update: the Coastal Counties FA has confirmed the attendance was a sell-out "
                "3,500, a record for the final. Athletic said an open-top bus parade will leave "
                "the Harbour Ground at noon on Saturday and finish at the lifeboat station, where "
                "the trophy will be put on display.",
            ),
            (
                "list",
                [
                    "Port Sallow Town: 1 (Muir pen 29)",
                    "Harrowgate Bay Athletic: 2 (Whitby 71, Odunsi 90+3)",
                    "Attendance: 3,500",
                    "Player of the match: Kit Brennock",
                ],
            ),
        ],
        "related": [
            "senior-cup-final-ticket-row",
            "gulls-reach-final-on-penalties",
            "gulls-beat-rovers-senior-cup-quarter-final",
        ],
    },
    {
        "slug": "estuary-regatta-harbour-scheme-fears",
        "section": "sport",
        "title": "Rowers fear harbour scheme could sink 150-year-old Harrowgate regatta",
        "standfirst": (
            "Organisers of the Harrowgate Bay Regatta say the planned walkway and pontoons would "
            "block the finish straight used since the 1870s; the developer says the race can be "
            "accommodated."
        ),
        "authors": ["sunita-garvey"],
        "tags": ["harbour redevelopment", "tourism"],
        "hours_ago": 230,
        "image_caption": (
            "Crews in traditional wooden gigs race towards the finish line under the harbour wall "
            "at last summer's regatta."
        ),
        "image_credit": "Photo: Harrowgate Bay Rowing Club (handout)",
        "body": [
            (
                "paragraph",
                "The organisers of the Harrowgate Bay Regatta, one of the oldest rowing events on "
                "the coast, have warned that plans to redevelop the harbour's south side could "
                "force it to change its course for the first time since the 1870s.",
            ),
            (
                "paragraph",
                "The regatta's finish straight runs along the south quay, where spectators line "
                "the wall to watch crews in wooden pilot gigs sprint the final 300 metres. "
                "Brackwater Developments' proposals include floating pontoons for visiting yachts "
                "along the same stretch of water.",
            ),
            (
                "quote",
                {
                    "text": (
                        "The whole town comes down to that wall on regatta day. Put pontoons and "
                        "moored yachts in the finish straight and you take away the thing that "
                        "makes our regatta special. You cannot race six gigs abreast through a "
                        "marina."
                    ),
                    "speaker": "Eddie Polglase",
                    "role": "chairman, Harrowgate Bay Rowing Club",
                },
            ),
            (
                "paragraph",
                "The developer said the pontoons had been designed to be removable and could be "
                "taken out for the regatta weekend each August.",
            ),
            (
                "quote",
                {
                    "text": (
                        "We have been clear from day one that the regatta is part of the "
                        "harbour's identity, and nothing in our plans will stop it happening. We "
                        "are happy to write that commitment into any planning agreement."
                    ),
                    "speaker": "Callum Ferriby",
                    "role": "managing director, Brackwater Developments",
                },
            ),
            ("heading", "A crowded weekend"),
            (
                "paragraph",
                "The regatta attracts around 60 crews from across the region and an estimated "
                "10,000 spectators. Rowers say removing and refitting the pontoons each year "
                "would be expensive and that, once yachts were berthed for the season, owners "
                "would object.",
            ),
            (
                "paragraph",
                "The rowing club has submitted a formal response to the planning consultation "
                "asking for the finish straight to be kept clear of permanent structures. It has "
                "also asked for a new boat store, since its current shed on the south quay is "
                "included in the development site.",
            ),
            (
                "paragraph",
                "Brackwater said talks about a replacement boat store were at an early stage. "
                "This year's regatta will go ahead as normal on the second weekend of August.",
            ),
        ],
        "related": [
            "brackwater-unveils-harbour-quarter-plans",
            "harbour-masterplan-wins-narrow-council-vote",
        ],
    },
    {
        "slug": "calder-coast-cycle-race-road-closures",
        "section": "sport",
        "title": "Calder Coast cycle race brings crowds, and complaints over closures",
        "standfirst": (
            "Thousands lined the route of the professional stage race through the valley, but "
            "some shop owners in Eastmere say rolling road closures cost them their busiest "
            "Saturday of the month."
        ),
        "authors": ["sunita-garvey", "kofi-brannigan"],
        "tags": ["tourism", "small business"],
        "hours_ago": 640,
        "image_caption": (
            "Spectators wave flags on the steep climb out of Port Sallow as the leading riders "
            "pass through the old town."
        ),
        "image_credit": "Photo: Calder Courier / J. Whitlock",
        "body": [
            (
                "paragraph",
                "An estimated 40,000 spectators turned out along the route of the Calder Coast "
                "stage of the regional professional cycle race, which climbed through the Fenwold "
                "hills before finishing with a sprint along the Eastmere seafront.",
            ),
            (
                "paragraph",
                "The 168-kilometre stage was watched on television in more than twenty countries, "
                "with aerial shots of the cliffs, the harbour at Port Sallow and the moorland "
                "above Ashby. Council officials called it the biggest sporting event the valley "
                "has ever hosted.",
            ),
            (
                "quote",
                {
                    "text": (
                        "You cannot buy that kind of coverage. People all over the world saw our "
                        "coastline at its best, and we know from other regions that it brings "
                        "cyclists and walkers back for years afterwards."
                    ),
                    "speaker": "Yvonne Threlfall",
                    "role": "head of tourism, Calder Valley Council",
                },
            ),
            ("heading", "Closed for business?"),
            (
                "paragraph",
                "Not everyone shared the enthusiasm. Roads through Eastmere were shut from 8am "
                "until mid-afternoon, and several shop owners away from the finish line said "
                "their takings were well down on a normal Saturday.",
            ),
            (
                "quote",
                {
                    "text": (
                        "The cafés near the finish did brilliantly, and good for them. But at my "
                        "end of town the roads were closed, the car parks were coned off and I "
                        "sold four cards all day. Nobody asked us."
                    ),
                    "speaker": "Denzil Makepeace",
                    "role": "owner, Eastmere Stationery and Gifts",
                },
            ),
            (
                "paragraph",
                "The council said it had written to every business on the route two months before "
                "the race and that a survey would measure the overall economic impact. Early "
                "estimates put the extra spending in the valley at around £2.3m.",
            ),
            (
                "paragraph",
                "Race organisers praised the crowds and the local volunteers who marshalled the "
                "route, and said they hoped to return within three years. Local cycling clubs "
                "reported a rush of new members the following week.",
            ),
            (
                "paragraph",
                "The stage was won in a bunch sprint, with several riders tumbling in a crash 200 "
                "metres from the line. None were seriously hurt.",
            ),
        ],
        "related": [],
    },
    {
        "slug": "eastmere-pool-closure-leaves-clubs-stranded",
        "section": "sport",
        "title": "Eastmere pool closure leaves swimming clubs searching for water",
        "standfirst": (
            "The town's only public pool will be closed for at least a year for roof repairs, and "
            "swimmers say the council has left clubs and schoolchildren with nowhere nearby to "
            "go."
        ),
        "authors": ["sunita-garvey", "owen-tresize"],
        "tags": ["council budget", "public health"],
        "hours_ago": 1260,
        "image_caption": (
            "Buckets catch rainwater on the poolside at Eastmere Leisure Centre, which has closed "
            "for urgent repairs."
        ),
        "image_credit": "Photo: Calder Courier / A. Penrose",
        "body": [
            (
                "paragraph",
                "Eastmere Leisure Centre's swimming pool has closed for at least twelve months "
                "after an inspection found serious corrosion in the steel beams supporting its "
                "roof.",
            ),
            (
                "paragraph",
                "The pool is used by two swimming clubs, a water polo team, a sub-aqua club and "
                "around 1,800 primary school children a year for lessons. The nearest alternative "
                "public pool is in Millbrook, a 40-minute bus journey away.",
            ),
            (
                "quote",
                {
                    "text": (
                        "We have ninety children in our club, some of them swimming at county "
                        "level. We have been offered two lanes in Millbrook at half past eight at "
                        "night, which is no use to an eight-year-old."
                    ),
                    "speaker": "Lucy Farrant",
                    "role": "head coach, Eastmere Dolphins Swimming Club",
                },
            ),
            (
                "paragraph",
                "The council said it had no choice but to close the building once engineers found "
                "the corrosion, and that it was working with schools and clubs to find "
                "alternative sessions.",
            ),
            (
                "quote",
                {
                    "text": (
                        "Safety has to come first, and I would not let my own children swim under "
                        "that roof. We are looking at every option, including hiring pool time at "
                        "private facilities and running coaches to Millbrook."
                    ),
                    "speaker": "Hugh Tregarthen",
                    "role": "cabinet member for finance, Calder Valley Council",
                },
            ),
            ("heading", "Will it reopen?"),
            (
                "paragraph",
                "Repairs are estimated to cost £2.6m. Clubs fear that, with the council facing a "
                "large budget gap, the pool may never reopen. The council has not committed to a "
                "date and says it will review the future of all three of its leisure centres.",
            ),
            (
                "paragraph",
                "Swimming teachers are particularly worried about children missing lessons. "
                "Nearly a third of children in Eastmere leave primary school unable to swim 25 "
                "metres, according to the local schools' sports partnership.",
            ),
            (
                "paragraph",
                "A petition calling for the pool to be repaired quickly has gathered more than "
                "4,000 signatures. It will be presented at the next full council meeting.",
            ),
        ],
        "related": ["council-budget-cuts-library-hours"],
    },
    {
        "slug": "hospital-merger-consultation-launched",
        "section": "health",
        "title": "Consultation begins on merging Eastmere and Port Sallow hospitals",
        "standfirst": (
            "Health bosses want to run the valley's two hospitals as one, with overnight "
            "emergency care concentrated in Eastmere; campaigners say it is a downgrade of Port "
            "Sallow Infirmary in all but name."
        ),
        "authors": ["owen-tresize"],
        "tags": ["hospital merger"],
        "hours_ago": 1440,
        "image_caption": (
            "An ambulance pulls into the emergency bay at Port Sallow Infirmary, whose overnight "
            "A&E would close under the proposals."
        ),
        "image_credit": "Photo: Calder Courier / M. Esterhuizen",
        "body": [
            (
                "paragraph",
                "A six-week public consultation has opened on plans to merge Eastmere General "
                "Hospital and Port Sallow Infirmary into a single hospital working across two "
                "sites, the biggest change to health services in the Calder Valley in a "
                "generation.",
            ),
            (
                "paragraph",
                "Under the preferred option set out by the Calder Valley Health Trust, which runs "
                "both hospitals, emergency surgery, intensive care and overnight A&E would be "
                "concentrated at Eastmere. Port Sallow would keep a daytime emergency department, "
                "open from 8am to 10pm, and become the main centre for planned operations such as "
                "hip and knee replacements.",
            ),
            (
                "quote",
                {
                    "text": (
                        "We are running two emergency departments with not enough specialists to "
                        "staff either of them safely at three in the morning. Bringing those "
                        "teams together means patients see a senior doctor faster, day and night."
                    ),
                    "speaker": "Dr Miriam Castellane",
                    "role": "chief executive, Calder Valley Health Trust",
                },
            ),
            (
                "paragraph",
                "The trust says the change would also cut waiting lists, because planned "
                "operations at Port Sallow would no longer be cancelled when emergency cases took "
                "up beds and theatres.",
            ),
            (
                "quote",
                {
                    "text": (
                        "Call it what you like, it is a downgrade. Port Sallow is a working port "
                        "and an industrial town, and people here will be forty minutes from a "
                        "night-time A&E. Somebody will die in the back of an ambulance because of "
                        "this."
                    ),
                    "speaker": "Denise Holroyd",
                    "role": "chair, Save Sallow Infirmary",
                },
            ),
            ("heading", "The options"),
            (
                "list",
                [
                    "Option A, the trust's preference: overnight A&E and emergency surgery at "
                    "Eastmere, planned surgery hub at Port Sallow",
                    "Option B: both sites keep 24-hour A&E, with emergency surgery at Eastmere only",
                    "Option C: no change to current services",
                ],
            ),
            (
                "paragraph",
                "The trust says option C is not sustainable and that option B would still leave "
                "rotas with gaps. Drop-in events will be held in Port Sallow, Eastmere, Millbrook "
                "and on Greyholm, and responses can be made online or on paper forms available at "
                "libraries and GP surgeries.",
            ),
        ],
        "related": ["sallow-infirmary-march-over-a-and-e", "health-trust-board-approves-merger"],
    },
    {
        "slug": "sallow-infirmary-march-over-a-and-e",
        "section": "health",
        "title": "Thousands march in Port Sallow to defend infirmary's A&E",
        "standfirst": (
            "Campaigners estimate 5,000 people joined a march against plans to close the "
            "infirmary's emergency department overnight; hospital bosses insist the change would "
            "save lives, not cost them."
        ),
        "authors": ["owen-tresize"],
        "tags": ["hospital merger"],
        "hours_ago": 600,
        "image_caption": (
            "Marchers carrying a long blue banner reading Hands Off Our Infirmary pass the Port "
            "Sallow dock gates."
        ),
        "image_credit": "Photo: Calder Courier / R. Okafor",
        "body": [
            (
                "paragraph",
                "Thousands of people marched through Port Sallow in protest at plans to close the "
                "town infirmary's emergency department overnight as part of a proposed merger "
                "with Eastmere General Hospital.",
            ),
            (
                "paragraph",
                "Organisers from the Save Sallow Infirmary campaign put the crowd at 5,000, while "
                "police estimated around 3,500. Dock workers, nurses, parents with pushchairs and "
                "veterans of a similar campaign in the 1990s walked from the dock gates to the "
                "hospital, where speakers addressed the crowd from the back of a lorry.",
            ),
            (
                "quote",
                {
                    "text": (
                        "Look around you. This is a town that does not march unless it has to. We "
                        "saved this hospital once and we will save it again."
                    ),
                    "speaker": "Denise Holroyd",
                    "role": "chair, Save Sallow Infirmary",
                },
            ),
            (
                "paragraph",
                "Among the speakers was a retired emergency nurse who described treating crush "
                "injuries from the docks and said minutes had often made the difference. A local "
                "GP told the crowd that her patients already struggled to reach appointments in "
                "Eastmere by bus.",
            ),
            ("heading", "Clinicians divided"),
            (
                "paragraph",
                "Not all doctors oppose the plans. A group of senior clinicians at both hospitals "
                "has written an open letter backing the merger, arguing that specialist care "
                "saves more lives than proximity.",
            ),
            (
                "quote",
                {
                    "text": (
                        "I understand why people are frightened. But if you have a stroke or a "
                        "major injury, what matters is getting to a team that sees that condition "
                        "every day, not the nearest door. That is what the merger gives us."
                    ),
                    "speaker": "Dr Tobias Marwood",
                    "role": "consultant in emergency medicine, Eastmere General Hospital",
                },
            ),
            (
                "paragraph",
                "The Calder Valley Health Trust said it welcomed people taking part in the "
                "consultation, which closes next week, and that no decision had yet been made. "
                "More than 9,000 responses have been received so far.",
            ),
            (
                "paragraph",
                "The campaign has asked the council's health scrutiny committee to refer the "
                "plans to the national health secretary if the trust board approves them.",
            ),
        ],
        "related": [
            "hospital-merger-consultation-launched",
            "ambulance-response-times-rural-calder",
        ],
    },
    {
        "slug": "health-trust-board-approves-merger",
        "section": "health",
        "title": "Health trust board approves hospital merger despite fierce opposition",
        "standfirst": (
            "Port Sallow Infirmary will lose its overnight A&E under the plan backed unanimously "
            "by the board; campaigners say they will ask councillors to refer the decision for "
            "national review."
        ),
        "authors": ["owen-tresize"],
        "tags": ["hospital merger", "public transport"],
        "hours_ago": 4,
        "updated_hours_ago": 2,
        "image_caption": (
            "Campaigners watch a livestream of the trust board meeting on a laptop in the foyer "
            "of Port Sallow town hall."
        ),
        "image_credit": "Photo: Calder Courier / M. Esterhuizen",
        "body": [
            (
                "paragraph",
                "The board of the Calder Valley Health Trust has voted to merge Eastmere General "
                "Hospital and Port Sallow Infirmary, approving plans that will concentrate "
                "overnight emergency care and emergency surgery in Eastmere from early next year.",
            ),
            (
                "paragraph",
                "The decision follows a consultation that drew more than 14,000 responses, around "
                "80 per cent of them opposed to the trust's preferred option. The board said it "
                "had changed the plans in response, adding a free patient shuttle bus between the "
                "two sites and a 24-hour nurse-led urgent care service at Port Sallow.",
            ),
            (
                "quote",
                {
                    "text": (
                        "This has been the hardest decision I have been part of in my career, and "
                        "I do not underestimate how many people are upset by it. But every "
                        "clinical review has told us the same thing: this is how we save more "
                        "lives."
                    ),
                    "speaker": "Dr Miriam Castellane",
                    "role": "chief executive, Calder Valley Health Trust",
                },
            ),
            (
                "paragraph",
                "Campaigners who watched the meeting said the changes were cosmetic and that a "
                "nurse-led service was no substitute for an emergency department.",
            ),
            (
                "quote",
                {
                    "text": (
                        "They consulted and then did exactly what they planned to do on day one. "
                        "Fourteen thousand people told them no. We will now ask our councillors "
                        "to use every power they have to stop this."
                    ),
                    "speaker": "Denise Holroyd",
                    "role": "chair, Save Sallow Infirmary",
                },
            ),
            ("heading", "What changes, and when"),
            (
                "list",
                [
                    "Overnight A&E at Port Sallow closes from 10pm to 8am, from early next year",
                    "A 24-hour nurse-led urgent care service opens at Port Sallow",
                    "A free shuttle bus runs hourly between the two hospitals",
                    "Planned orthopaedic surgery moves to Port Sallow over two years",
                ],
            ),
            (
                "paragraph",
                "The council's health scrutiny committee will meet next month to decide whether "
                "to refer the decision for national review, which could delay it by several "
                "months. Its chair said members would “look very carefully at the evidence on "
                "travel times”.",
            ),
            (
                "paragraph",
                "Update: representatives of the paramedics' union said they would seek urgent "
                "talks with the trust on ambulance staffing before any change takes effect, and "
                "the council confirmed that its scrutiny committee meeting had been brought "
                "forward by a week.",
            ),
        ],
        "related": [
            "hospital-merger-consultation-launched",
            "sallow-infirmary-march-over-a-and-e",
            "ambulance-response-times-rural-calder",
        ],
    },
    {
        "slug": "ambulance-response-times-rural-calder",
        "section": "health",
        "title": "Rural Calder patients wait longest for ambulances, figures show",
        "standfirst": (
            "The most serious emergency calls in the Fenwold hills and on Greyholm took almost "
            "twice as long to reach as those in the towns, fuelling concerns about the planned "
            "hospital merger."
        ),
        "authors": ["owen-tresize"],
        "tags": ["hospital merger", "public health"],
        "hours_ago": 200,
        "image_caption": (
            "A rapid response car sets off from the ambulance station at Millbrook towards the Fenwold hills."
        ),
        "image_credit": "Photo: Calder Courier / J. Whitlock",
        "body": [
            (
                "paragraph",
                "Patients in the most rural parts of the Calder Valley waited on average 14 "
                "minutes for an ambulance to reach the most serious emergency calls last year, "
                "compared with seven minutes in Harrowgate Bay and Millbrook, according to "
                "figures released by the Coastal Ambulance Service.",
            ),
            (
                "paragraph",
                "The data, obtained by the Calder Courier through a freedom of information "
                "request, shows the longest average waits were on Greyholm Island and in the "
                "upland villages around Ashby, where a single rapid response car covers more than "
                "100 square miles.",
            ),
            (
                "quote",
                {
                    "text": (
                        "These are the people who will be hit hardest if Port Sallow loses its "
                        "night-time A&E. An ambulance that is driving an extra half an hour to "
                        "Eastmere is an ambulance that is not available for the next call."
                    ),
                    "speaker": "Denise Holroyd",
                    "role": "chair, Save Sallow Infirmary",
                },
            ),
            (
                "paragraph",
                "The ambulance service said rural response times were always likely to be longer "
                "and that its crews were trained to treat patients at the scene. It said the "
                "hospital merger would not increase delays, because crews already take the most "
                "serious cases, such as strokes and major trauma, to Eastmere.",
            ),
            (
                "quote",
                {
                    "text": (
                        "It is simply not the case that the merger will leave rural patients "
                        "without cover. We have modelled the changes and will be adding an extra "
                        "ambulance overnight in the Port Sallow area before any change is made."
                    ),
                    "speaker": "Gillian Okonedo",
                    "role": "operations director, Coastal Ambulance Service",
                },
            ),
            ("heading", "Volunteers fill the gap"),
            (
                "paragraph",
                "In some villages, trained volunteer first responders attend emergencies while an "
                "ambulance is on its way. The Fenwold scheme has 23 volunteers and attended 410 "
                "calls last year.",
            ),
            (
                "list",
                [
                    "Average response to the most serious calls, Harrowgate Bay: 7 minutes",
                    "Millbrook: 7 minutes",
                    "Port Sallow: 9 minutes",
                    "Fenwold villages: 14 minutes",
                    "Greyholm Island: 19 minutes",
                ],
            ),
            (
                "paragraph",
                "On Greyholm, patients who need hospital treatment are taken to the mainland by a "
                "lifeboat or coastguard helicopter when the ferry is not running.",
            ),
        ],
        "related": ["sallow-infirmary-march-over-a-and-e", "health-trust-board-approves-merger"],
    },
    {
        "slug": "kestle-branch-surgery-to-close",
        "section": "health",
        "title": "Kestle patients face eight-mile trip as branch surgery closes",
        "standfirst": (
            "The Saltcombe Medical Practice says it can no longer staff its small surgery in "
            "Kestle, while patients say older residents without cars are being cut off from their "
            "doctor."
        ),
        "authors": ["owen-tresize"],
        "tags": ["public health"],
        "hours_ago": 760,
        "image_caption": (
            "A notice announcing the closure is taped inside the window of the Kestle branch "
            "surgery, a converted cottage on the village green."
        ),
        "image_credit": "Photo: Calder Courier / A. Penrose",
        "body": [
            (
                "paragraph",
                "The branch surgery in Kestle will close at the end of next month, leaving around "
                "1,300 registered patients to travel to the Saltcombe Medical Practice's main "
                "site, eight miles away along the coast road.",
            ),
            (
                "paragraph",
                "The practice says it has been unable to recruit a GP for the branch for two "
                "years and has been covering sessions with locum doctors at high cost. The "
                "building also needs a new roof and does not meet accessibility standards.",
            ),
            (
                "quote",
                {
                    "text": (
                        "We would love to keep Kestle open, but we cannot run a safe service with "
                        "one doctor driving between two sites and no cover when they are ill. "
                        "Concentrating our team in one place means more appointments for "
                        "everyone, including Kestle patients."
                    ),
                    "speaker": "Dr Harriet Osei-Lamb",
                    "role": "senior partner, Saltcombe Medical Practice",
                },
            ),
            (
                "paragraph",
                "Patients say the decision will hit older people hardest. The bus between Kestle "
                "and Saltcombe runs four times a day, and the last one back leaves at 3.15pm.",
            ),
            (
                "quote",
                {
                    "text": (
                        "My neighbour is eighty-seven and does not drive. For her, a ten-minute "
                        "appointment will now take most of a day, and she has told me she will "
                        "simply stop going. That is how people end up in A&E."
                    ),
                    "speaker": "Wendy Carrick",
                    "role": "chair, Kestle Patients' Group",
                },
            ),
            ("heading", "Alternatives offered"),
            (
                "paragraph",
                "The practice has promised a weekly nurse clinic in the village hall for blood "
                "tests, dressings and vaccinations, and says more consultations will be offered "
                "by telephone and video. It will also deliver prescriptions to Kestle twice a "
                "week.",
            ),
            (
                "paragraph",
                "The patients' group says many older residents are not comfortable with video "
                "calls and have asked the regional health board to step in. The board said "
                "practices were entitled to close branch surgeries but had to show they had "
                "considered patients' needs, and that it would review the practice's plans.",
            ),
            (
                "paragraph",
                "The closure comes weeks after Calder Valley Council proposed closing Kestle's "
                "primary school.",
            ),
        ],
        "related": [],
    },
    {
        "slug": "school-vaping-survey",
        "section": "health",
        "title": "One in five Calder teenagers vapes regularly, survey suggests",
        "standfirst": (
            "A survey of 3,200 secondary pupils found vaping far more common than smoking, with "
            "public health officials calling for tighter enforcement and vape shop owners saying "
            "they are being unfairly blamed."
        ),
        "authors": ["owen-tresize", "bea-quarles"],
        "tags": ["schools", "public health"],
        "hours_ago": 1020,
        "image_caption": (
            "A row of brightly coloured disposable vapes on display in a shop window in Port Sallow."
        ),
        "image_credit": "Photo: Calder Courier / M. Esterhuizen",
        "body": [
            (
                "paragraph",
                "Around one in five secondary school pupils in the Calder Valley vapes at least "
                "once a week, according to a survey of 3,200 students aged 11 to 16 carried out "
                "in all five of the valley's secondary schools.",
            ),
            (
                "paragraph",
                "The figure rises to almost one in three among 15 and 16-year-olds. Only 3 per "
                "cent of pupils said they smoked cigarettes. Most pupils who vaped said they got "
                "their devices from older friends or siblings, but a quarter said they had bought "
                "them directly from shops.",
            ),
            (
                "quote",
                {
                    "text": (
                        "Vapes are far less harmful than cigarettes for adult smokers trying to "
                        "quit. But they are not designed for thirteen-year-olds, and we are "
                        "seeing children who are clearly addicted to nicotine before they ever "
                        "tried a cigarette."
                    ),
                    "speaker": "Dr Olu Fairweather",
                    "role": "director of public health, Calder Valley Council",
                },
            ),
            ("heading", "Enforcement"),
            (
                "paragraph",
                "Trading standards officers carried out test purchases at 40 shops last year, and "
                "11 sold vapes to a volunteer under 18. The council wants more money for "
                "enforcement and has asked for powers to limit the number of shops selling vapes "
                "near schools.",
            ),
            (
                "quote",
                {
                    "text": (
                        "Responsible retailers check ID every single time. Most young people are "
                        "getting these from the black market and from friends, and closing "
                        "legitimate shops just pushes more trade towards the people who do not "
                        "care who they sell to."
                    ),
                    "speaker": "Karl Prentice",
                    "role": "chair, Calder Independent Vape Retailers",
                },
            ),
            (
                "list",
                [
                    "Pupils who vape weekly: 21 per cent",
                    "Pupils who smoke weekly: 3 per cent",
                    "Most popular flavour: fruit",
                    "Pupils who say they want to stop: 46 per cent",
                ],
            ),
            (
                "paragraph",
                "Head teachers say vaping in toilets has become a daily problem, and two schools "
                "have fitted vapour detectors. Several said they would rather see more support to "
                "help pupils stop than more punishment.",
            ),
            (
                "paragraph",
                "The council plans to run a stop-vaping programme for teenagers in the autumn, "
                "with drop-in sessions at schools and a text message support service.",
            ),
        ],
        "related": [],
    },
    {
        "slug": "port-sallow-mobile-dental-clinic",
        "section": "health",
        "title": "Mobile dental clinic to tour Port Sallow as patients struggle to find dentists",
        "standfirst": (
            "A converted lorry will offer check-ups and urgent treatment in areas where no "
            "practice is taking new patients, but dentists say it is a sticking plaster for a "
            "broken system."
        ),
        "authors": ["owen-tresize"],
        "tags": ["public health"],
        "hours_ago": 1420,
        "image_caption": (
            "The mobile dental unit parked outside Port Sallow community centre on its first day "
            "of appointments."
        ),
        "image_credit": "Photo: Calder Courier / R. Okafor",
        "body": [
            (
                "paragraph",
                "A mobile dental clinic housed in a converted lorry will visit Port Sallow, "
                "Greyholm and the Fenwold villages over the next year, after a survey found that "
                "no dental practice in the Calder Valley was accepting new adult patients on the "
                "public health service.",
            ),
            (
                "paragraph",
                "The unit has two treatment chairs and will offer check-ups, fillings, "
                "extractions and urgent pain relief. Children, pregnant women and people with no "
                "current dentist will be prioritised. The regional health board has funded it for "
                "twelve months at a cost of £420,000.",
            ),
            (
                "quote",
                {
                    "text": (
                        "Nobody should have to pull their own tooth out because they cannot find "
                        "a dentist, and we have heard of people doing exactly that. This clinic "
                        "will go where the need is greatest and see hundreds of patients who have "
                        "nowhere else to turn."
                    ),
                    "speaker": "Carol Andreou",
                    "role": "director of primary care, Regional Health Board",
                },
            ),
            (
                "paragraph",
                "Local dentists welcomed the extra help but said the clinic did nothing to fix "
                "the reasons practices had stopped taking public patients, including contracts "
                "they say pay less than the cost of treatment.",
            ),
            (
                "quote",
                {
                    "text": (
                        "A lorry is a sticking plaster. Four dentists in this town have left "
                        "public work in three years because every course of treatment loses them "
                        "money. Fix the contract and the queues will start to shrink."
                    ),
                    "speaker": "Dr Stefan Moyo-Hart",
                    "role": "chair, Calder Local Dental Committee",
                },
            ),
            ("heading", "How to get an appointment"),
            (
                "list",
                [
                    "Appointments are booked by phone through the health board's dental helpline",
                    "Walk-in slots are kept each morning for urgent pain",
                    "The unit's timetable is posted at libraries and GP surgeries",
                    "Treatment charges are the same as at a high street practice",
                ],
            ),
            (
                "paragraph",
                "On its first day the clinic saw 34 patients, including a man who said he had "
                "been in pain for four months. Demand was so high that staff stopped taking "
                "walk-in patients by 10am.",
            ),
            (
                "paragraph",
                "The health board said it would decide next year whether to extend the scheme or "
                "use the money to fund new dental posts in the valley.",
            ),
        ],
        "related": [],
    },
]


PAGES = {
    "about": {
        "title": "About The Calder Courier",
        "intro": (
            "The Calder Courier is an independent news site for the towns, villages and coast of "
            "the Calder Valley."
        ),
        "body": [
            "We report on the decisions that shape life in Harrowgate Bay, Millbrook, Eastmere, "
            "Port Sallow and the Fenwold hills: council meetings, planning applications, "
            "hospitals, schools, businesses, the river and the sea.",
            "Our reporters live in the communities they cover. We aim to be fair to everyone in a "
            "story, to give people we write about a chance to respond, and to correct mistakes "
            "promptly and openly. Corrections are noted at the foot of the article concerned.",
            "We keep news and opinion separate. Our news reports set out what happened and what "
            "people on different sides say about it; where we publish opinion, it is clearly "
            "labelled.",
            "The Courier is funded by readers, by a small number of house events and by grants "
            "for public interest journalism. No advertiser or funder has any say over what we "
            "publish.",
        ],
    },
    "contact": {
        "title": "Contact us",
        "intro": "We want to hear from you, whether you have a story, a question or a complaint.",
        "body": [
            "News tips and story ideas: email newsdesk@caldercourier.example. If you need to "
            "share something in confidence, say so in your first message and an editor will reply "
            "to agree how to talk safely.",
            "Corrections: if you think we have got something wrong, email "
            "corrections@caldercourier.example with a link to the article and what you believe is "
            "inaccurate. We aim to respond within two working days.",
            "Letters for publication: email letters@caldercourier.example, including your name "
            "and the town or village where you live. Letters may be edited for length.",
            "Our newsroom is at 14 Customs House Lane, Harrowgate Bay. Visitors are welcome by appointment.",
        ],
    },
    "privacy": {
        "title": "Privacy",
        "intro": (
            "We collect as little information about readers as we can, and we do not share it "
            "with anyone to make money."
        ),
        "body": [
            "This site loads no third-party scripts, trackers or fonts. No advertising network, "
            "analytics company or social media platform is told what you read here.",
            "We do not set cookies for readers. Cookies are used only if you sign in to an "
            "account or ask us to remember you on this device, and then only to keep you signed "
            "in.",
            "We count how many times each article is viewed so we know what readers find useful. "
            "These counts are anonymous: a view is added to a total for the article, not linked "
            "to you, and we do not build profiles of individual readers.",
            "If you post a comment, we keep the name and email address you give us. Your name is "
            "shown with your comment; your email address is never shown on the site.",
            "Our newsletter uses double opt-in: after you sign up we send a confirmation email, "
            "and you will receive nothing further until you click the link in it. Every "
            "newsletter includes a one-click unsubscribe link.",
            "To ask what information we hold about you, email privacy@caldercourier.example.",
        ],
    },
}


PROMOS = [
    {
        "placement": "home",
        "title": "The Morning Courier",
        "text": (
            "Get the day's Calder Valley news in your feed reader before the first ferry leaves "
            "Port Sallow, free every weekday."
        ),
        "link_url": "/feeds/rss/",
        "link_text": "Follow our RSS feed",
    },
    {
        "placement": "article",
        "title": "Courier Live: Whose harbour is it?",
        "text": (
            "Join our reporters and a panel of residents, fishers and councillors for a public "
            "debate on the future of Harrowgate Bay harbour at the Seamen's Mission."
        ),
        "link_url": "/politics/",
        "link_text": "Follow our politics coverage",
    },
    {
        "placement": "article",
        "title": "Calder Coast in Winter photo competition",
        "text": (
            "Send us your best photographs of the valley's winter coast and hills, and the "
            "winners will be printed in our end-of-year gallery."
        ),
        "link_url": "/culture/",
        "link_text": "See the culture pages",
    },
]
