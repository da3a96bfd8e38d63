"""Whole families of event words, one table per class: nouns, verbs, participles and
nominalisations in sentences written for these tests, and the look-alikes that are no event
of that class ("la réunion de famille", "un accident de parcours", "le marché de Noël").
"""

from __future__ import annotations

import pytest

from ._extract import classes, one

# (sentence, class it tells) and (sentence, class it must not tell)
ACCIDENT = [
    ("Un bus scolaire a dérapé sur une plaque de verglas près de Gap.", True),
    ("La camionnette s'est renversée dans un fossé à la sortie du village.", True),
    ("Une panne de freins serait à l'origine de la sortie de route.", True),
    ("Le cycliste a chuté lourdement dans un virage du col.", True),
    ("Un ouvrier a glissé d'un échafaudage sur un chantier de Brest.", True),
    ("Une bousculade a fait plusieurs blessés à l'entrée du stade.", True),
    ("Le petit avion a dû effectuer un atterrissage forcé dans un champ.", True),
    ("Le chalutier s'est échoué sur un banc de sable.", True),
    ("Le motard a été retrouvé encastré sous une glissière.", True),  # tagged as a noun
    ("Le toit du gymnase s'est écroulé sous le poids de la neige.", True),
    ("Le projet a échoué faute de financement.", False),
    ("Les prix de l'immobilier ont chuté de dix pour cent.", False),
    # a measure, a price or a market that explodes or collapses is no mishap
    ("Le nombre de demandeurs d'asile a explosé cette année.", False),
    ("La bourse de Tokyo s'est effondrée de huit pour cent lundi.", False),
    ("L'effondrement des cours du café ruine les petits planteurs.", False),
    ("Une chaudière a explosé dans la cave d'un immeuble de Reims.", True),
    ("Il a glissé un mot à son voisin pendant la séance.", False),
    # the causative "faire tomber" a thing is a mishap; a government or a record is not
    ("Un chimiste a fait tomber une bouteille de solvant dans la réserve.", True),
    ("L'opposition a fait tomber le gouvernement mardi soir.", False),
    # a structure that gives way is a mishap; a person who gives way concedes
    ("Les poutres de la grange ont cédé sous le poids de la neige.", True),
    ("La digue a cédé dans la nuit près d'Arles.", True),
    ("Le négociateur a fini par céder.", False),
    ("Cette défaite n'est qu'un accident de parcours pour l'équipe.", False),
]
DEATH = [
    ("Le chanteur est décédé dimanche à l'âge de 80 ans.", True),
    ("L'ancien maire a succombé à ses blessures à l'hôpital de Pau.", True),
    ("Le décès de l'acteur a été annoncé par sa famille.", True),
    ("La romancière s'est éteinte dimanche à Arles.", True),
    ("Le détenu s'est défenestré du quatrième étage du palais de justice.", True),
    ("Les pompiers ont éteint les braises avant l'aube.", False),
    ("La peine de mort a été abolie en France en 1981.", False),
]
DISASTER = [
    ("Des pluies torrentielles ont noyé la vallée sous un mètre d'eau.", True),
    ("Un glissement de terrain a enseveli plusieurs maisons du hameau.", True),
    ("Les flammes ont détruit une grange près de Rodez.", True),
    ("Une fuite toxique a été signalée dans une usine chimique.", True),
    ("Le village a été placé en quarantaine après plusieurs cas de choléra.", True),
    ("Une quarantaine de personnes ont assisté au conseil municipal.", False),
    ("La rumeur s'est propagée très vite sur les réseaux sociaux.", False),
]
ASSAULT = [
    ("Deux hommes ont été tués par balles dans un quartier de Marseille.", True),
    ("Le prisonnier affirme avoir été torturé par ses gardiens.", True),
    ("Une violente bagarre a éclaté devant une discothèque.", True),
    ("La guerre a éclaté au printemps entre les deux voisins.", True),
    ("Une bombe artisanale a été déposée devant la gendarmerie.", True),
    ("La guerre des prix fait rage entre les supermarchés.", False),
    ("Les violences verbales se multiplient sur les réseaux.", False),
]
CRIME = [
    ("Un inconnu s'est emparé de la caisse avant de prendre la fuite.", True),
    ("Le comptable a falsifié des factures pendant trois ans.", True),
    ("Une plainte pour harcèlement vise le directeur de l'agence.", True),
    ("Un réseau de trafic d'êtres humains a été démantelé à Calais.", True),
    ("Deux individus se sont introduits de nuit dans une pharmacie de Vannes.", True),
    ("Le ministre a introduit un amendement au projet de loi.", False),
    # an intrusion during an attack is part of the attack
    ("Des hommes armés ont attaqué la caserne puis se sont introduits dans l'armurerie.", False),
    ("La lutte contre le crime organisé reste une priorité du gouvernement.", False),
    # traffic on a road or at a station is no trafficking
    ("Le trafic à la gare de Lyon-Perrache a repris dans la soirée.", False),
    ("Les trafics d'armes se multiplient dans la région des Grands Lacs.", True),
]
COERCE = [
    ("Le militant a été placé en garde à vue mercredi.", True),
    ("Le procès de l'ancien ministre s'ouvre lundi à Paris.", True),
    ("Trois manifestants ont été déférés au parquet de Nanterre.", True),
    ("La douane a confisqué deux tonnes de cocaïne au port du Havre.", True),
    ("Le gérant du bar a été mis en examen pour recel.", True),
    ("Le dossier a été mis de côté faute de moyens.", False),
    ("Les pompiers ont maîtrisé l'incendie en fin de journée.", False),
    ("Le ministre a jugé la proposition intéressante.", False),
    ("L'entreprise détient 30 % du capital de la société.", False),
    ("Ce texte relève du procès d'intention.", False),
]
PROTEST = [
    ("Des milliers de personnes ont pris part à une marche silencieuse à Nantes.", True),
    ("Les dockers ont débrayé pendant deux heures.", True),
    ("Les salariés de la raffinerie ont cessé le travail mardi.", True),
    ("Des troubles ont éclaté dans plusieurs quartiers de la ville.", True),
    ("Une marche pour le climat a réuni des lycéens à Lille.", True),
    ("Les détenus se sont mutinés dans la prison de Fresnes.", True),
    ("Des barrages routiers ont été dressés à l'entrée de la ville.", True),
    ("Une bande de jeunes a semé le trouble dans le centre de Béziers.", True),
    ("Les grévistes ont brandi des banderoles devant la mairie de Metz.", True),
    ("Le braqueur a brandi un couteau devant la caissière.", False),
    ("Les supporters ont brandi le drapeau du club après la victoire.", False),
    ("L'agriculteur a semé du blé dans la parcelle du bas.", False),
    ("Il souffre de troubles du sommeil depuis des mois.", False),
    ("Le marché de Noël attire chaque année les touristes.", False),
    ("La marche à suivre a été précisée aux élus.", False),
]
GATHERING = [
    ("Un gala de charité s'est tenu samedi à Monaco.", True),
    ("Les habitants se sont rassemblés devant la mairie.", True),
    ("Le vernissage a eu lieu jeudi soir dans une galerie de Lyon.", True),
    ("La finale du tournoi se jouera dimanche à Roland-Garros.", True),
    ("La réunion de famille a été reportée à l'été.", False),
    ("Il a commandé un cocktail de fruits au bar de l'hôtel.", False),
]
CRISIS = [
    ("La faillite du constructeur menace des milliers d'emplois.", True),
    ("Le pays est entré en récession au troisième trimestre.", True),
    ("Une pénurie de carburant touche les stations-service du département.", True),
    ("Il a fait une crise d'angoisse avant l'examen.", False),
    ("Le randonneur a été victime d'une crise cardiaque.", False),
]
ELECTION = [
    ("Les électeurs ont voté massivement dimanche.", True),
    ("Le dépouillement a commencé dans les bureaux de la commune.", True),
    ("Une motion de censure sera examinée mardi à l'Assemblée.", True),
    ("La loi a été votée à une large majorité.", False),
    ("Les élus locaux ont adopté le budget de la commune.", False),
]
APPOINTMENT = [  # a political class: a named party is needed (PLOVER codes its parties)
    ("Jean Dupont, directeur de l'usine, a été démis de ses fonctions.", True),
    ("La prise de fonctions de Claire Martin à la préfecture a eu lieu lundi.", True),
    ("Le ministre Paul Girard a été évincé du gouvernement.", True),
    ("Le ministre a été évincé du gouvernement.", False),
    ("Paul Girard a désigné la maison du doigt.", False),
    # a transfer of power: "céder / remettre / transférer le pouvoir"
    ("Le général Diallo a cédé le pouvoir au président Moussa Keita le 3 mai.", True),
    ("Le colonel Sanogo a remis le pouvoir à Dioncounda Traoré en avril.", True),
    ("Le maire a cédé sa place à son adjoint.", False),
]

TABLES = {
    "ACCIDENT": ACCIDENT,
    "DEATH": DEATH,
    "DISASTER": DISASTER,
    "ASSAULT": ASSAULT,
    "CRIME": CRIME,
    "COERCE": COERCE,
    "PROTEST": PROTEST,
    "GATHERING": GATHERING,
    "CRISIS": CRISIS,
    "ELECTION": ELECTION,
    "APPOINTMENT": APPOINTMENT,
}
CASES = [(cls, text, told) for cls, rows in TABLES.items() for text, told in rows]


@pytest.mark.parametrize(("cls", "text", "told"), CASES)
def test_each_family_is_read_and_its_look_alikes_are_not(cls: str, text: str, told: bool) -> None:
    assert (cls in classes(text)) is told, one(text).events


@pytest.mark.parametrize(
    "text",
    [
        # A bare singular complement classifies a noun: no happening.
        "Les élus se sont installés dans la salle de réunion du conseil.",
        "Les enquêteurs ont retrouvé les enregistreurs de vol de l'appareil.",
        "Le braconnier possédait trois armes à feu non déclarées.",
        "Les bulletins de vote sont arrivés en mairie jeudi.",
        # "s'arrêter" stops, nobody arrests; a law voted is no election.
        "Elle s'est arrêtée à la boulangerie avant de rentrer.",
        # A participle naming a thing appoints nobody.
        "L'usine, nommée d'après son fondateur, emploie trois cents salariés.",
    ],
)
def test_look_alikes_of_every_class_tell_no_event(text: str) -> None:
    assert not one(text).events


def test_a_bare_plural_complement_is_an_indefinite_not_a_classifier() -> None:
    assert "PROTEST" in classes("La circulation a été coupée en raison de manifestations.")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Le suspect a été interpellé jeudi à Lille par les douaniers.", "interpellation"),
        ("Les dockers ont débrayé pendant deux heures.", "débrayage"),
        ("Le ministre Paul Girard a été évincé du gouvernement.", "éviction"),
    ],
)
def test_an_event_told_only_by_a_verb_is_named_by_its_nominalisation(text: str, name: str) -> None:
    x = one(text)
    names = {e.id: e.name for e in x.entities}
    assert [names[e.id] for e in x.events] == [name]


def test_evacuating_is_part_of_the_event_it_follows() -> None:
    x = one(
        "Un incendie s'est déclaré dans un immeuble de Caen. "
        "Les habitants ont été évacués par les pompiers."
    )
    (fire,) = x.events
    assert fire.cls == "DISASTER"
    assert "évacués" in {m.text for m in fire.mentions}


def test_evacuating_alone_is_no_event() -> None:
    assert not one("Les habitants ont été évacués par les pompiers.").events
