"""The gender a person's pronoun takes, where the cluster makes it plain: for pronoun agreement.

"She said" cannot be George W. Bush. A pronoun's antecedent (``speakers.antecedent``) drops the
people of the sentence before whose gender is known and differs: fewer wrong speakers, never
a guess. The gender is known from the cluster itself (a "Mr.", "Mrs.", "Ms." or "Miss" before
one of the person's mentions) or else from the first given name, in short lists of common
given names that are unambiguous in English-language news (names given to both, such as Jan,
Chris, Kelly or Jean, and family names written first, such as Kim or Lee, are in neither).
Unknown, or contradicted (a "Mr." beside a name on the other list), is ``None``: no filter.
"""

from __future__ import annotations

from newsbrief.records import Actor, Cluster

MALE, FEMALE = "male", "female"
PRONOUN_GENDER = {"he": MALE, "him": MALE, "his": MALE, "she": FEMALE, "her": FEMALE}
# As written (a capital; wire copy's capitals too): "miss" and "ms" are words as well.
_TITLE_GENDER = {
    **dict.fromkeys(("Mr.", "Mr", "MR.", "MR"), MALE),
    **dict.fromkeys(("Mrs.", "Mrs", "MRS.", "MRS", "Ms.", "Ms", "MS.", "Miss", "MISS"), FEMALE),
}

MALE_NAMES = frozenset(
    """
    Aaron Abdul Abraham Adam Ahmad Ahmed Al Alan Albert Alexander Alexei Alfred Allan Allen
    Andrew Andy Anthony Antonio Arlen Arthur Ashraf Barack Barry Bashar Ben Benjamin Bernard
    Bill Billy Bob Bobby Boris Brandon Brian Bruce Calvin Carl Carlos Charles Chester Chuck
    Clarence Clifford Clive Clyde Colin Craig Curtis Dan Daniel Darrell Darren Dave David Dennis
    Derek Desmond Dick Dmitry Don Donald Douglas Duane Dwight Earl Ed Edgar Edward Edwin Ehud
    Elliott Emmanuel Eric Ernest Ethan Eugene Everett Felix Fernando Fidel Floyd Francis
    Francisco Frank Franklin Franz Fred Frederick Gabriel Gary Gene George Gerald Gerhard
    Gilbert Giuseppe Glen Glenn Gordon Grant Greg Gregory Guy Hafez Hans Harold Harry Harvey
    Hassan Helmut Henry Herbert Herman Homer Hosni Howard Hubert Hugo Hussein Ian Igor Ira Isaac
    Ivan Jack Jacob Jacques Jake James Jared Jason Jay Jeb Jeff Jeffrey Jeremy Jerome Jerry
    Jesse Jim Jimmy Joe Joel John Johnny Jon Jonathan Jorge Jose Joseph Joshua Juan Juergen
    Julian Justin Karl Keith Ken Kenneth Kevin Klaus Kofi Kurt Kyle Lamar Lance Larry Lawrence
    Leo Leon Leonard Leroy Lewis Lloyd Lorenzo Louis Luis Luke Lyndon Mahmoud Manuel Marc Marcus
    Mario Mark Martin Marvin Matt Matthew Maurice Max Melvin Menachem Michael Miguel Mike Mikhail
    Milton Mitch Mitt Mohammed Muammar Muhammad Nathan Nathaniel Neal Neil Nelson Newt Nicholas
    Nick Nigel Nikolai Norman Omar Orrin Osama Oscar Otto Patrick Paul Pedro Perry Peter Phil
    Philip Phillip Pierre Ralph Ramon Randall Randy Raymond Reginald Rex Richard Rick Ricardo
    Robert Roberto Rodney Roger Roland Ron Ronald Ross Roy Rudolph Rudy Russell Ryan Saddam
    Salvatore Samuel Scott Sean Sergei Seth Shawn Shimon Silvio Simon Spencer Stanley Stephen
    Steve Steven Stewart Strom Stuart Ted Terrence Theodore Thomas Tim Timothy Todd Tom Tommy
    Tony Travis Trent Troy Tyler Vernon Victor Viktor Vincent Vladimir Wade Wallace Walter
    Warren Wayne Wesley Wilbur William Willie Wolfgang Woodrow Yasser Yitzhak Yuri Zachary
    """.split()
)
FEMALE_NAMES = frozenset(
    """
    Abigail Adriana Alessandra Alice Amanda Amelia Amy Ana Anastasia Angela Ann Anna Anne
    Barbara Becky Benazir Bernadette Betsy Betty Beverly Bonnie Brenda Brigitte Callista Camille
    Carla Carmen Carol Caroline Carolyn Catherine Cathie Cathy Chantal Charlotte Cheryl Christie
    Christina Christine Claire Claudia Colleen Condoleezza Connie Cristina Cynthia Daniela
    Deborah Debra Denise Diana Diane Dolores Donna Doris Dorothy Edith Elaine Eleanor Elena
    Elisabeth Elizabeth Ella Ellen Emily Emma Erin Esther Eva Evelyn Frances Francesca Gabriela
    Galina Geraldine Gina Giovanna Gloria Golda Grace Greta Gretchen Hannah Harriet Hazel
    Heather Heidi Helen Hillary Imelda Ingrid Irene Irina Isabel Jacqueline Jane Janet Janice
    Jeanne Jennifer Jessica Jill Joan Joanna Joanne Johanna Joyce Judith Judy Julia Julie Karen
    Karla Katherine Kathie Kathleen Kathryn Kathy Kimberly Laura Lauren Linda Lisa Lois Lori
    Louise Lucia Lucy Ludmila Lynda Madeleine Madeline Margaret Maria Marianne Marie Marilyn
    Marina Marjorie Marta Martha Mary Maureen Megan Melissa Michelle Mildred Molly Monica Nancy
    Natalia Natasha Nicole Nina Norma Olga Olivia Oprah Pamela Paola Patricia Paula Peggy
    Phyllis Rachel Rebecca Rita Roberta Rosa Rose Ruth Sally Samantha Sandra Sara Sarah Sharon
    Sheila Shirley Silvia Simone Sonia Sophia Sophie Stella Stephanie Susan Svetlana Sylvia
    Tammy Tatiana Teresa Theresa Tina Ursula Valerie Vanessa Vera Veronica Victoria Virginia
    Vivian Wendy Yelena Yulia Yvonne
    """.split()
)


def genders(actors: tuple[Actor, ...], cluster: Cluster) -> dict[str, str]:
    """Each person's gender by actor id, where the cluster makes it plain (see the module)."""
    texts = {a.id: a.text for a in cluster.articles}
    known = {}
    for actor in actors:
        if actor.kind == "person" and (gender := gender_of(actor, texts)) is not None:
            known[actor.id] = gender
    return known


def title_genders(text: str, start: int, mention: str = "") -> set[str]:
    """The genders the titles of a name at ``start`` in ``text`` say: the word right before it
    ("Mrs. Shepard") and the first word of the ``mention`` as tagged ("Mr. Kim")."""
    before = text[max(0, start - 6) : start].split()[-1:]
    return {_TITLE_GENDER[w] for w in (*before, *mention.split()[:1]) if w in _TITLE_GENDER}


def name_gender(name: str) -> str | None:
    """The gender of a full name's given name, where the lists know it ("George Brill")."""
    given = name.split()[0] if " " in name else ""
    return MALE if given in MALE_NAMES else FEMALE if given in FEMALE_NAMES else None


def contradicts(titles: set[str], gender: str | None) -> bool:
    """A title said before a mention (:func:`title_genders`) is of the other gender than a
    given name's (:func:`name_gender`): "Mrs. Shepard" against Matthew Shepard."""
    return gender is not None and bool(titles - {gender})


def gender_of(actor: Actor, texts: dict[str, str]) -> str | None:
    """The person's gender where the articles (``texts``, by id) make it plain, else ``None``."""
    found: set[str] = set()
    for m in actor.mentions:
        found |= title_genders(texts.get(m.article_id, ""), m.start, m.text)
    named = name_gender(actor.name)
    if named is not None:
        found.add(named)
    return found.pop() if len(found) == 1 else None
