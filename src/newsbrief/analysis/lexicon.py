"""Word lists the analysis rules share: titles, role nouns, reporting verbs, outlets, aliases."""

from __future__ import annotations

import re

# Words that head a role or title written before a name ("North Korean leader Kim Jong Un").
ROLE_NOUNS = set(
    """
    president secretary minister leader official officials spokesman spokeswoman spokesperson
    envoy ambassador adviser advisor chief head director chairman chairwoman chair governor mayor
    senator representative commissioner general colonel captain lieutenant sergeant admiral
    commander king queen prince premier chancellor dictator diplomat negotiator aide researcher
    analyst professor engineer economist lawyer attorney judge justice prosecutor officer manager
    executive founder candidate lawmaker legislator deputy delegate coach player scientist doctor
    inspector councilman councilwoman member owner president-elect pope bishop cardinal rabbi
    reverend sheriff detective superintendent principal teacher author editor reporter
    correspondent publisher producer actor actress singer director-general spokesmen ceo cfo
    """.split()
)
# Capitalized titles written straight before a name.
TITLES = set(
    """
    President Secretary Minister Prime Leader Mayor Gov Governor Sen Senator Rep Representative
    Gen General Col Colonel Capt Captain Lt Sgt Adm Admiral Dr Prof Judge Justice King Queen
    Prince Princess Chancellor Premier Ambassador Commissioner Chairman Director Chief Pope
    Rev Sheriff Attorney Vice Deputy Sir Lord Lady Councilman Councilwoman Commander Speaker
    """.split()
)
HONORIFICS = {"Mr.", "Mrs.", "Ms.", "Miss", "Dr.", "Messrs.", "Prof."}
PRONOUNS = {"he", "she", "they", "i", "we", "it"}
# Reporting verbs, in the forms used around quotes.
REPORTING_VERBS = set(
    """
    said says say told tells added adds noted notes asked asks explained explains declared
    stated states argued argues insisted insists wrote writes warned warns replied replies
    responded responds recalled recalls acknowledged admitted announced announces continued
    complained conceded contended claimed claims cautioned suggested urged predicted observed
    remarked commented emphasized stressed testified maintained maintains vowed pledged promised
    joked shouted yelled whispered recounted countered agreed agrees concluded boasted
    lamented conceded reported reports called calls described describes dubbed termed
    announce announces explain demanded demands tweeted chanted quipped sang asserted asserts
    wondered mused
    """.split()
)
# A speaker's name ending in one of these words is a news outlet: the quote is second-hand.
OUTLET_WORDS = set(
    """
    Times Post Press News Journal Agency Reuters AP AFP KCNA Yonhap Xinhua CNN BBC Network
    Television TV Radio Tribune Herald Guardian Telegraph Bloomberg Gazette Newsweek Daily
    Globe Chronicle Wire Magazine Inquirer Observer Report report newspaper agency media
    """.split()
)
# Aliases that name the same actor; the first name is the canonical one.
ALIASES = [
    ("United States", "U.S.", "US", "America", "the United States", "U.S.A."),
    ("United Kingdom", "U.K.", "UK", "Britain", "Great Britain"),
    ("United Nations", "U.N.", "UN"),
    ("European Union", "EU", "E.U."),
    ("Soviet Union", "USSR", "U.S.S.R."),
]
# Nationality adjectives that point to the same country as a name ("American" ~ "U.S.").
NATIONALITY = {
    "american": "U.S.",
    "u.s.": "U.S.",
    "us": "U.S.",
    "british": "U.K.",
    "u.k.": "U.K.",
    "north korean": "North Korea",
    "north korea's": "North Korea",
    "south korean": "South Korea",
    "south korea's": "South Korea",
    "chinese": "China",
    "russian": "Russia",
    "japanese": "Japan",
    "french": "France",
    "german": "Germany",
    "israeli": "Israel",
    "palestinian": "Palestine",
}
# Money, not actors: the recognizer tags "the Euro" a place, a person or an organization.
# (Not "Rand" nor "Mark": people's names too.)
CURRENCIES = set(
    """
    Euro Euros EUR ECU Ecu Dollar Dollars USD Yen JPY Yuan Renminbi CNY Sterling GBP Rupee
    Rupees Ruble Rubles Rouble Roubles Peso Pesos Franc Francs Lira Lire Deutschmark
    Deutschmarks Baht Ringgit Rupiah Shekel Shekels Dinar Dinars Kwacha
    Bitcoin
    """.split()
) | {"Deutsche Mark", "Swiss Franc", "French Franc"}
# Money that is never a person's name either (the recognizer tagged "Euro" a person).
CURRENCY_CODES = {"Euro", "Euros", "EUR", "ECU", "USD", "GBP", "JPY", "CNY", "Dollar", "Dollars"}
COUNTRIES = set(
    """
    Afghanistan Albania Algeria Angola Argentina Armenia Australia Austria Azerbaijan Bahrain
    Bangladesh Belarus Belgium Bolivia Bosnia Brazil Bulgaria Burma Cambodia Cameroon Canada
    Chad Chile China Colombia Congo Croatia Cuba Cyprus Czechoslovakia Denmark Ecuador Egypt
    Eritrea Estonia Ethiopia Finland France Georgia Germany Ghana Greece Guatemala Haiti
    Honduras Hungary Iceland India Indonesia Iran Iraq Ireland Israel Italy Jamaica Japan Jordan
    Kazakhstan Kenya Kosovo Kuwait Laos Latvia Lebanon Liberia Libya Lithuania Malaysia Mali
    Mexico Moldova Mongolia Morocco Mozambique Myanmar Namibia Nepal Netherlands Nicaragua Niger
    Nigeria Norway Oman Pakistan Palestine Panama Paraguay Peru Philippines Poland Portugal
    Qatar Romania Russia Rwanda Scotland Senegal Serbia Singapore Slovakia Slovenia Somalia Spain
    Sudan Sweden Switzerland Syria Taiwan Tajikistan Tanzania Thailand Tunisia Turkey
    Turkmenistan Uganda Ukraine Uruguay Uzbekistan Venezuela Vietnam Yemen Yugoslavia Zambia
    Zimbabwe Chechnya England Wales Britain America
    """.split()
) | {
    "United States",
    "United Kingdom",
    "North Korea",
    "South Korea",
    "Saudi Arabia",
    "South Africa",
    "New Zealand",
    "Sri Lanka",
    "Costa Rica",
    "El Salvador",
    "Ivory Coast",
    "Czech Republic",
    "Soviet Union",
    "Dominican Republic",
    "U.S.",
    "U.K.",
}
WORD = re.compile(r"[\w.’'-]+")
