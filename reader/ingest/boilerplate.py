"""Line-level evidence for telling article text from page furniture.

A scraped page arrives as one visible block per line. Each line gets a few cheap
features (words, stop-word density, sentence shape) and is checked against
patterns that mark furniture on news sites in general: navigation, share bars,
comment forms, cookie banners, copyright footers, photo credits, "read more"
links, lists of other headlines with their times. The patterns are written for
the kinds of furniture, not for particular sites.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from enum import Enum
from functools import cache

from reader.ingest.language import ascii_form, ascii_words, letters_in_ascii, stopwords
from reader.ingest.metadata import (
    CREDIT_LINE_PATTERNS,
    byline_author,
    forget_dates,
    is_agency_credit,
    is_source_line,
    parse_date,
)
from reader.ingest.openings import by_first_character
from reader.letters import LETTER_WORD as _WORD
from reader.letters import SOUTHEAST_ASIAN_LETTERS
from reader.sentences import OTHER_SCRIPTS_STOPS

# The stop list for pages whose language is not known.
STOPWORDS: frozenset[str] = stopwords("en")

_TOKEN = re.compile(r"\S+")
# Runs of 3+ spaces inside one visible line: several headlines glued together.
_TICKER_GAP = re.compile(r"[ \t\u00a0]{3,}")
_SPACE_RUN = re.compile(r"\s+")
_LONG_LINE = 10_000  # characters: longer lines are read without lists of their words
# (_SENTENCE_CLOSERS: the last character of every end.)
_SENTENCE_END = re.compile(rf"[.!?…。！？{OTHER_SCRIPTS_STOPS}][\"'”’»)\]」』）]*$|[\"”’»」』]$|[:：]$")
_SENTENCE_CLOSERS = frozenset(f".!?…。！？{OTHER_SCRIPTS_STOPS}\"'”’»)]」』）:：")
# Letters of scripts written without spaces: their length is counted in characters.
_SPACELESS_CHAR = re.compile(
    f"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f{SOUTHEAST_ASIAN_LETTERS}]"
)
_CHARACTERS_PER_WORD = 2  # about two Chinese or Japanese characters make a word
# ...and about five letters and marks of Thai, Lao, Burmese or Khmer (alphabets, not
# one character a syllable)
_SOUTHEAST_ASIAN_CHAR = re.compile(f"[{SOUTHEAST_ASIAN_LETTERS}]")
_SOUTHEAST_ASIAN_PER_WORD = 5
# In those scripts clause punctuation, not stop words, tells running text from labels.
# (Thai and Lao end a clause with a space, Burmese and Khmer with their own marks.)
_CLAUSE_MARK = re.compile(
    r"[、，,；;：:。！？\u104a\u104b\u17d4-\u17d6]"
    r"|(?<=[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff])\s+(?=[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff])"
    r"|(?<=[\u0e00-\u0eff])\s+(?=[\u0e00-\u0eff])"
)
_CLAUSED_DENSITY = 0.3  # stands in for the stop-word density of a clause-punctuated line

# The letters whose lower case is not what IGNORECASE matches them to (İ, ı, ſ).
_FOLDS_OTHERWISE = re.compile("[\u0130\u0131\u017f]")


def lower_for_patterns(text: str) -> str | None:
    """``text`` lower-cased for the ``Caseless`` patterns, or None when it holds a
    letter that lower-casing and IGNORECASE fold differently."""
    if text.isascii() or _FOLDS_OTHERWISE.search(text) is None:
        return text.lower()
    return None


class Caseless:
    """A case-insensitive pattern, run as a case-sensitive one on lower-cased text.

    Python's re is several times slower on a case-insensitive alternation of many
    literal openings than on the same alternation case-sensitive. On a text that
    ``lower_for_patterns`` lower-cased the two give the same matches at the same places
    (lower-casing keeps every other letter's length and folds it as IGNORECASE does;
    tests/test_text_page.py checks all of Unicode); on any other text the
    case-insensitive pattern runs. The pattern must be written in lower case.
    """

    __slots__ = ("_insensitive", "sensitive")

    def __init__(self, pattern: str) -> None:
        self.sensitive = re.compile(pattern)
        self._insensitive: re.Pattern[str] | None = None

    @property
    def insensitive(self) -> re.Pattern[str]:
        """Compiled when first needed: few texts need it, and the long patterns take
        milliseconds to compile in every process that imports the cleaner."""
        if self._insensitive is None:
            self._insensitive = re.compile(self.sensitive.pattern, re.IGNORECASE)
        return self._insensitive

    def match(self, text: str, lowered: str | None) -> re.Match[str] | None:
        return self.insensitive.match(text) if lowered is None else self.sensitive.match(lowered)

    def search(self, text: str, lowered: str | None) -> re.Match[str] | None:
        return self.insensitive.search(text) if lowered is None else self.sensitive.search(lowered)

    def findall(self, text: str, lowered: str | None, pos: int = 0) -> list[str]:
        """Lower-cased where ``lowered`` is given."""
        return (
            self.insensitive.findall(text, pos) if lowered is None else self.sensitive.findall(lowered, pos)
        )

    def sub(self, replacement: str, text: str, lowered: str | None) -> str:
        """Lower-cased where ``lowered`` is given."""
        return (
            self.insensitive.sub(replacement, text)
            if lowered is None
            else self.sensitive.sub(replacement, lowered)
        )


class LineKind(Enum):
    GOOD = "good"  # reads like a paragraph of running text
    NEAR_GOOD = "near"  # a short sentence: kept inside the article, never starts one
    SHORT = "short"  # a short fragment: a heading, a caption, a menu item...
    BAD = "bad"  # furniture: matched a boilerplate pattern or repeats on the page
    META = "meta"  # metadata about the article: a date, "Source: AFP", a byline


# The kinds as plain names: a member read through its Enum class takes the slow
# attribute lookup of a class whose metaclass defines __getattr__ (several times a
# global's), and the passes over a page's lines read them for every line.
GOOD, NEAR_GOOD, SHORT, BAD, META = (
    LineKind.GOOD, LineKind.NEAR_GOOD, LineKind.SHORT, LineKind.BAD, LineKind.META,
)  # fmt: skip


_MONTHS = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_WEEKDAYS = (
    r"mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:rs(?:day)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?"
)

# Tokens that can make up a timestamp; a line that is mostly these is a date stamp.
_DATE_TOKEN = Caseless(
    rf"(?<!\S)(?:\d{{1,4}}(?:[./:-]\d{{1,4}}){{0,3}}(?:st|nd|rd|th)?|{_MONTHS}|{_WEEKDAYS}|"
    r"(?:gmt|utc)(?:[+-]\d{1,2}(?::?\d{2})?)?|[ecmp][sd]t|et|pt|ct|bst|cet|cest|ist|msk|aest|"
    r"am|pm|a\.m\.|p\.m\.|at|on|of|[-,./:|•·–—]|t?\d{1,2}:\d{2}(?::\d{2})?(?:[+-]\d{2}:?\d{2}|z)?)[.,]?(?!\S)"
)
_HAS_DIGIT = re.compile(r"\d")

# The menus and dialogs of an embedded video player: "- subtitles off, selected",
# "This is a modal window.", "Beginning of dialog window. Escape will cancel...".
MEDIA_PLAYER = re.compile(
    r"^(?:[-•*]\s*)?(?:"
    r"(?:chapters|descriptions|captions|subtitles|audio tracks?|quality levels)(?: off| settings)?"
    r"(?:,\s*(?:selected|opens\b.*))?|"
    r"[\w ]{1,30},\s*selected|"
    r"this is a modal window\b.*|(?:beginning|end) of dialog window\b.*"
    r")$",
    re.IGNORECASE,
)
# Comment forms and comment-section headings: never part of the article, and
# running text after them is readers' comments.
_COMMENT_FORM = re.compile(
    r"^(?:"
    r"(?:your |full )?name\s*\*|e-?mail(?: address)?\s*\*|comment(?: title)?\s*\*|"
    r"mandatory\s*\*|security code|captcha|: ?characters left|characters left|"
    r"terms (?:of|and) (?:use|service|conditions)|i (?:agree|accept|have read) (?:with |to )?the\b|"
    r"publishing terms|leave a (?:reply|comment)|post (?:a )?comment|add (?:a )?comment|"
    r"write a comment|your email address will not be published|required fields are marked|"
    r"notify me of|(?:log|sign) ?in (?:to|or)\b|comments? \(\d+\)|report abuse|"
    r"view comments|show comments|join the (?:conversation|discussion)|"
    r"comments$|\d+ comments?$|reply$|sort by\b|be the first to comment|"
    r"what do you think\??$|have your say|readers'? comments|cancel reply$|comments? (?:are )?closed|"
    r"(?:\d+|no|one|two|three|four|five|six|seven|eight|nine|ten) (?:thoughts?|responses?|replies|reactions?|comments?) "
    r"(?:on|to)\b|there (?:are|is) \d+ comments?|(?:report|flag|permalink)$|"
    # ...in other languages: the heading, plural or with its count (alone, "Kommentar" or
    # "Commentaire" is the kicker of an opinion piece), and the form's invitation
    r"(?:kommentare|commentaires|comentarios|commenti|comentários|reacties|komentáře|komentarze|"
    r"комментарии|yorumlar|コメント|评论|評論|댓글)$|"
    r"\d+ (?:kommentare?|commentaires?|comentarios?|commenti|comentários?|reacties|komentář[eů]?|"
    r"komentarz[ey]?|комментари[йяев]+|yorum)$|"
    r"kommentar schreiben|laisser un commentaire|deja (?:un|tu) comentario|lascia un commento|"
    r"deixe (?:um|seu) comentário|plaats een reactie|dodaj komentarz|оставить комментарий|"
    r"napsat komentář|yorum yap|发表评论|發表評論|env[ií]a tu comentario|escribe tu comentario"
    r")",
    re.IGNORECASE,
)
# The header of one reader's comment: "Jane Doe on March 3, 2019 at 7:45 pm said:".
# (a name of a few words, or one with the comment's date and time: a sentence of the
# article leading in to a quote, "In an interview, the president also said:", is none)
_COMMENT_AUTHOR = re.compile(r"^(?P<who>\S.{0,100})\s(?:said|says|wrote|writes)\s?:$", re.IGNORECASE)
_COMMENT_AUTHOR_WORDS = 4

# The counter of a picture gallery: "1 of 4", "3/50".
GALLERY_COUNTER = re.compile(r"^(?:image |photo |slide )?\d{1,3}\s*(?:/|of)\s*\d{1,3}$", re.IGNORECASE)

# Wire credits under a story: "(Reporting by Jane Doe; Editing by John Roe)".
_WIRE_CREDIT = re.compile(
    r"^[(\[]?(?:additional |writing and )?(?:reporting|writing|editing|compiled|translated|research|"
    r"graphics?|produced|interviews?) (?:by|and)\b",
    re.IGNORECASE,
)
# "In this March 3, 2019, file photo, ...": a caption however long it runs.
_PHOTO_CAPTION = re.compile(r"^in this\b.{0,80}\b(?:photo|image|picture|file|handout|still)\b", re.IGNORECASE)

# Furniture that a short line announces by its opening words, even when it reads
# like a sentence ("Your email address will not be published.").
_FURNITURE_ALWAYS = re.compile(
    r"^(?:"
    # site chrome
    r"skip to (?:main )?(?:content|navigation)|toggle navigation|back to top|last updated\b|"
    r"(?:subscribe|sign up) (?:to|for) (?:our|the)\b.{0,40}newsletter|"
    # links to other stories
    r"read (?:more|also|next|now|the full|full story)\b|(?:watch|listen) now\b|see also\b|also read\b|"
    # ...and "read also:" before another story's headline in other languages
    r"(?:à )?lire aussi\s*:|lesen sie auch\s*:|(?:lee|ver) también\s*:|leia também\s*:|leggi anche\s*:|"
    r"lees ook\s*:|čtěte (?:také|též)\s*:|czytaj (?:też|także|również)\s*:|читайте также\s*:|"
    r"اقرأ (?:أيضا|أيضاً|ايضا)|شاهد (?:أيضا|أيضاً)|यह भी पढ़ें|ये भी पढ़ें|بیشتر بخوانید|یہ بھی پڑھیں|"
    r"main articles?\s*:|further information\s*:|view (?:this |the )?(?:image|photo|graphic|gallery|slideshow)\b|"
    r"retweet\b|(?:←\s*)?previous(?: post| article)?\s*:|check out more\b|"
    # follow buttons: "Follow @jdoe", "Suivre ce journaliste sur twitter", "Síguenos"
    r"follow @\w+|suivre (?:ce journaliste|cet auteur|sur|nous)\b|folgen sie (?:uns|dem autor|der autorin)\b|"
    r"síguenos\b|seguici\b|siga-nos\b|"
    r"you (?:may|might) (?:also )?(?:like|be interested)|don'?t miss\b|"
    # adverts
    r"advertisement|story continues below|continue reading|scroll to continue|"
    r"(?:your |the )?(?:video|ad) will (?:play|begin|start|resume) in\b|"
    # footers
    r"©|\(c\) \d{4}|copyright\b|all rights reserved|maintained and developed by|"
    r"save my name\b|disclaimer\s*:|"
    r"cli(?:c|ck)k? here\b|tap here\b|"
    r"thank you for (?:reporting|your feedback|subscribing|signing up|reading)|"
    # subscription offers in other languages, in the imperative or with their price
    # ("S'abonner au Monde à partir de 1 €"; "Abbonati in calo" is a headline)
    r"abonnez-vous\b|s'abonner\b.{0,40}\d ?€|déjà abonné|jetzt abonnieren|bereits abonnent|suscr[ií]bete\b|"
    r"ya eres suscriptor|abbonati (?:ora|subito|a)\b|già abbonato|assine (?:já|agora|o|a)\b|já é assinante|"
    r"tags?\s*:|topics?\s*:|filed under\b|categor(?:y|ies)\s*:|keywords?\s*:|"
    r"enable javascript|javascript is (?:disabled|required)|"
    r"this (?:image|video|content) (?:will be|is|has been)\b.{0,80}(?:reported|disabled|unavailable|removed)"
    r")",
    re.IGNORECASE,
)

# Notices that may run long: copyright lines, disclaimers, caption labels.
_NOTICE = re.compile(
    r"^(?:disclaimer\s*:|©|copyright\b|\(c\) \d{4}|all rights reserved|"
    r"(?:image|media|video|photo) caption\b|illustrative(?: image| photo| picture)?\s*:|"
    # an interstitial's countdown: "Wait 1 second to continue."
    r"(?:please )?wait (?:\d+|a|one) seconds?\b)",
    re.IGNORECASE,
)

# Headings of the lists of other stories that follow (or interrupt) an article.
_SECTION_HEADING = re.compile(
    r"^(?:related(?: articles| news| stories| posts| topics| coverage| content| links| reading)?|"
    r"more (?:from|news|stories|on this story|in)\b.{0,30}|most (?:read|popular|viewed|shared|commented)\b.{0,20}|"
    r"trending(?: now| stories| news)?|recommended(?: for you| stories| reading)?|editor'?s picks?|"
    r"top (?:stories|news|headlines)|latest(?: news| stories| articles| headlines| videos)?|"
    r"news ?line|breaking(?: news)?|(?:you )?(?:may|might) also (?:like|be interested in)|"
    r"read (?:more|next)|also (?:read|on)\b.{0,20}|see also|in other news|explore more(?: on these topics)?|"
    r"more (?:to explore|like this)|popular(?: now| stories)?|what to read next|around the (?:web|site)|"
    # ...in French, German, Spanish, Portuguese, Italian, Dutch
    r"sur le même sujet|(?:à )?lire aussi|(?:à )?voir aussi|les plus lus|articles? (?:similaires|liés)|"
    r"mehr zum thema|lesen sie auch|auch interessant|meistgelesen|"
    r"(?:artículos|noticias) relacionad[oa]s|te puede interesar|lo más leído|(?:ver|lee) también|"
    r"(?:notícias|matérias) relacionadas|leia também|veja também|mais lidas|"
    r"leggi anche|articoli correlati|potrebbe interessarti|"
    r"lees ook|meer over dit onderwerp|gerelateerde artikelen|"
    r"más sobre\b.{0,30}|(?:las |los )?más leíd[oa]s|"
    # ...Czech, Polish, Russian, Swedish, Danish and Norwegian, Turkish
    r"související(?: články| zprávy)?|čtěte (?:také|též|dále)|nejčtenější|další zprávy|"
    r"czytaj (?:też|także|również)|zobacz (?:też|także|również)|najczęściej czytane|powiązane artykuły|"
    r"читайте также|по теме|новости по теме|самое читаемое|похожие (?:новости|статьи)|другие новости|"
    r"läs (?:också|även)|mest lästa|relaterade artiklar|læs også|les også|mest (?:læste|leste)|"
    r"relaterte (?:artikler|saker)|relaterede artikler|"
    r"ilgili haberler|benzer haberler|(?:en )?çok okunanlar|"
    # ...Arabic, Persian, Urdu, Hindi
    r"اقرأ (?:أيضا|أيضاً|ايضا|المزيد)|شاهد (?:أيضا|أيضاً)|(?:أخبار|مواضيع|مقالات) ذات صلة|الأكثر (?:قراءة|مشاهدة)|"
    r"(?:مطالب|اخبار|خبرهای) مرتبط|پربازدیدترین|متعلقہ (?:خبریں|مضامین)|مزید پڑھیں|"
    r"यह भी पढ़ें|ये भी पढ़ें|और पढ़ें|संबंधित (?:खबरें|ख़बरें|लेख)|सबसे (?:ज्यादा|ज़्यादा) पढ़ी|"
    # ...Japanese, Chinese, Korean
    r"関連記事|関連ニュース|相[关關](?:新[闻聞]|[阅閱]读|文章|[报報]道)|관련 ?기사|많이 본 뉴스)"
    r"\s*:?\s*$",
    re.IGNORECASE,
)

# Labels that are furniture only as fragments: "Share on Facebook" is a button,
# "Facebook declined to comment." is news.
_FURNITURE_LABEL = re.compile(
    r"^(?:"
    r"website\s*\*?$|mandatory$|submit\b|"
    r"now playing|up next|watch\b.{0,40}$|duration\b|\d+\s*(?:/|of)\s*\d+$|"
    r"home\s*(?:[>»/|›]|$)|menu$|search$|close$|(?:main )?navigation$|"
    r"next article|previous article|go to top|next up\b.{0,30}$|source\s*:?$|supplied$|"
    r"(?:log ?in|sign ?in|sign ?up|register|subscribe|log ?out)\b.{0,40}$|newsletters?\b|"
    r"(?:share|tweet|pin|email|print|whatsapp|facebook|twitter|linkedin|reddit|telegram|"
    r"instagram|youtube|rss|flipboard|messenger)\b.{0,30}$|"
    r"follow (?:us|me)\b|like us on|find us on|connect with us|"
    r"related\s*:|more from\b|trending\b|"
    r"advertising$|sponsored\b|ad$|paid (?:content|partner)|promoted\b|"
    # "advertisement" in other languages, as the label over an ad
    r"(?:reklama|reklame|reklam|werbung|anzeige|publicité|publicidad|publicidade|pubblicità|advertentie|"
    r"annons|annonse|реклама|إعلان|تبلیغات|اشتہار|विज्ञापन|広告|广告|廣告|광고)$|"
    r"powered by\b|privacy(?: policy| notice| & cookies| overview)?\s*$|"
    r"cookie (?:policy|settings|preferences)|contact(?: us)?$|about(?: us)?$|careers$|"
    r"advertise(?: with us)?$|sitemap$|loading\b|please wait|"
    r"listen to (?:this|the) (?:article|story)|\d+ min(?:ute)?s? read$|print this|"
    r"get short url|font size|text size|trends?\s*:|"
    r"credits?:"
    r")",
    re.IGNORECASE,
)

# Photo and video credits labelled as such: "Photo AFP", "Image source Times of India",
# "Photograph: John Doe/Getty Images", "(Photo: Reuters)".
_CREDIT_LABEL = re.compile(
    r"^(?:"
    r"(?:photo|image|iamge|picture|pic|photograph|file photo|video|graphic|illustration)s?\b"
    r"(?:(?: source| credit| by| courtesy)\s*[:,/-]?|\s*[:,/-])\s*(?:\S+\s*){0,5}$|"
    # ...in other languages, labelled: "Foto: Reuters", "Bild: dpa", "Фото: ТАСС"
    r"(?:foto|fotó|fotografia|bild|kuva|фото|写真|照片|图片|사진)\s*[:/]\s*(?:\S+\s*){0,5}$|"
    r"(?:photo|image|iamge|picture|pic|photograph|file photo)s?\s+(?:\S+\s*){1,2}$|"
    r"\(?(?:photo|image|picture|credit)s?\s*:|credits?:"
    r")",
    re.IGNORECASE,
)

# Credits that end a caption line: "... (Photo: Reuters)", "John Doe/Getty Images".
_CREDIT_END = Caseless(
    r"(?:getty images|ap photo|afp photo|(?:reuters|ap|afp|epa|getty|xinhua)(?: photo)?/\S+|/reuters|epa-efe|"
    r"(?:reuters|afp|ap|epa|getty images|sputnik|ria novosti|tass|xinhua|anadolu|aa)(?: photo)?\s+/\s+\S+(?:\s+\S+){0,3}|"
    r"shutterstock|istock|"
    r"\((?:photo|image|picture|file|credit)[^)]*\)|\((?:[rlc]|left|right|centre|center)\)|"
    # "(Thomas Coex/AFP/Getty Images)": the photographer and the agency in brackets
    r"\([^()]{1,60}/(?:getty images|afp|reuters|ap|epa|bloomberg|xinhua|anadolu|dpa)\)|"
    r"photo(?:graph)?:?\s*\S+(?:\s+\S+)?|(?:foto|fotó|bild|фото)\s*:\s*\S+(?:\s+\S+)?)\.?\s*$"
)

# Every credit ending holds one of these; lines without them skip the regex.
_CREDIT_HINTS = ("/", "(", "photo", "getty", "epa-efe", "shutterstock", "istock", "foto", "bild", "фото")

# A photo credit alone on its line: "AFP PHOTO / STR", "Reuters / Maxim Shemetov".
_CREDIT_LINE = re.compile(
    r"^(?:©\s*)?(?:photo(?:graph)?\s*:?\s*)?(?:reuters|afp|ap|epa(?:-efe)?|getty images|sputnik|ria novosti|"
    r"tass|xinhua|anadolu(?: agency)?|aa|dpa|shutterstock|istock|wikimedia commons|pixabay|unsplash)"
    r"(?: photo)?(?:\s*/\s*[\w.'’ -]{1,40})?$",
    re.IGNORECASE,
)

# Cookie and privacy banners are long sentences: recognise their vocabulary.
_COOKIE_WORDS = Caseless(
    r"\bcookies?\b|privacy policy|\bconsent\b|\bgdpr\b|opt[- ]out|browsing experience|"
    r"personal data|by continuing to (?:use|browse)|third[- ]party|\bacceptreject|"
    r"\baccept (?:all|cookies)\b|\baccept$|analytics|\btracking technologies\b|your browser|"
    # ...in other languages: privacy, consent, accepting
    r"datenschutz\w*|einwilligung|zustimm\w*|akzeptier\w*|confidentialité|consentement|accept(?:ez|er)\b|"
    r"privacidad|privacidade|riservatezza|consentimiento|consentimento|consenso|acept[ae]r?\b|accett\w*|"
    r"aceit[ae]r?\b|toestemming|accepteren|ochrana osobních údajů|souhlas\w*|prywatności|zgod[aęy]\b|"
    r"конфиденциальност\w*|согласи\w*"
)

# Promotions and notices that read like sentences: newsletter sign-ups, paywalls,
# donation appeals, app adverts, syndication notices.
_PROMO = Caseless(
    r"\b(?:in|to) your inbox\b|\bnewsletters?\b.{0,60}\b(?:sign|subscribe|free|daily|weekly|deliver)|"
    r"\b(?:sign up|subscribe)\b.{0,60}\b(?:newsletters?|updates|alerts|briefing)\b|"
    r"\b(?:support (?:our|independent|quality) journalism|become a (?:subscriber|patron|supporter)|"
    r"already a (?:subscriber|member)|subscribers? only|free articles? (?:left|remaining)|"
    r"reached your (?:limit|free)|download our app|get (?:our|the) app$|"
    r"this material may not be|rewritten or redistributed|"
    r"trust principles|views (?:and opinions )?expressed (?:in this|here|are (?:those|solely))|"
    r"this article is more than \d+|"
    r"opens in (?:a )?new (?:window|tab)|follow \w+(?: \w+)? on (?:twitter|x|facebook|instagram)\b|"
    r"(?:have|got) a (?:news )?tip\b|share your (?:thoughts|story|views)|"
    r"(?:^|[.!?]\s+)by (?:signing up|subscribing|clicking)\b)"
)
# Promotions speak to the reader: "you", "our", or an order ("Sign up", "Follow").
_ADDRESSES_READER = Caseless(
    r"\b(?:you|your|our|us|we)\b|^(?:sign|subscribe|get|download|follow|join|support|become|share|"
    r"click|tap|have|got|this material|by signing|by subscribing|by clicking)\b"
)
# The site's "we" and its pages in other languages: a cookie banner speaks for the site.
_SITE_VOICE = frozenset(
    "wir unsere unserer unseren uns nous notre nos utilizamos usamos nuestro nuestra nuestros "
    "utilizziamo usiamo nostro nostra nosso nossa wij onze gebruiken používáme naše używamy nasz "
    "мы наш наши используем".split()
)
# Cookie banners speak about this site or to the reader; an article about cookies does not.
# A banner speaks for the site ("we use cookies", "this site uses cookies"), a consent
# form for the reader ("I have read and agree to the Privacy Policy"); an article
# about tracking speaks to its reader ("your browser sends your cookies").
_ABOUT_THIS_SITE = Caseless(
    r"\b(?:we|our|us)\b|\b(?:this|the|our) (?:web)?site\b|\bi (?:have read|agree|accept|consent)\b|"
    # ...in other languages ("Wir verwenden Cookies", "Nous utilisons", "Utilizamos cookies")
    rf"\b(?:{'|'.join(sorted(_SITE_VOICE))})\b"
)
_PROMO_HINTS = ("inbox", "newsletter", "sign up", "subscri", "journalism", "member", "patron",
                "free article", "limit", "app", "redistributed", "reproduced", "principles",
                "views expressed", "more than", "new window", "new tab", "follow", "tip",
                "share your", "by signing", "by clicking", "by registering")  # fmt: skip

# An author's note under the article: "Jane Doe covers the economy for the AP."
_AUTHOR_BIO = re.compile(
    r"^[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,3},? (?:is an? (?:senior |staff |freelance |chief |deputy )?"
    r"(?:reporter|correspondent|writer|editor|journalist|columnist|contributor)\b.{0,60}\b(?:for|at|with|of)\b|"
    r"covers\b.{0,80}\bfor (?:the |[A-Z]))"
)

_AUTHOR_BIO_HINTS = ("is a", "covers")  # one is in every note _AUTHOR_BIO finds

_URLISH = re.compile(r"^(?:https?://|www\.)\S+$|^\S+@\S+\.\w+$", re.IGNORECASE)
_ADDRESS = Caseless(
    r"\b(?:p\.?o\.? box|tel(?:ephone)?\s*[:.]|fax\s*[:.]|phone\s*:|"
    r"\d+[a-z]?,? [\w .'-]{2,30} (?:street|st\.|avenue|ave\.?|road|rd\.|boulevard|blvd\.?|suite|floor|building)\b)"
)
# Breadcrumbs: "Home > World > Middle East", "News / Politics / Europe".
_BREADCRUMB = re.compile(r"^[^>»›/|]{1,30}(?:\s+[>»›/|]\s+[^>»›/|]{1,40}){2,}$")
_BREADCRUMB_MARKS = (">", "»", "›", "/", "|")  # a line holding none is no breadcrumb

_BYLINE_OPENING = re.compile(r"(?i:by|written by|posted by|par|von|por|door|av|af|przez|autor|автор)\s")
BYLINE = re.compile(
    r"^(?i:by|written by|reporting by|words by|posted by|author:?|par|von|por|door|av|af|przez|autor:?|автор:?)"
    r"\s+[A-ZÀ-ÞА-Я][\w.'’@-]*(?:\s+[\w.'’&@-]+){0,7}$|"  # (a handle may follow: "Jane Doe@jdoe")
    # unsigned bylines: "Staff Reporter", "Our Correspondent", "Web Desk", "Monitoring Desk"
    r"^(?i:(?:our |a )?(?:staff|special|own) (?:reporter|correspondent|writer)s?|our (?:correspondent|reporter)s?|"
    r"(?:news|web|monitoring|online|foreign|city|sports) desk|agencies|news agencies|(?:\w+ )?bureau(?: report)?)$"
)
# "By Jane Doe, Reuters — 24 November 2017 at 18:42", "Par X et Y | 12/03/2019"
_DATED_BYLINE = re.compile(r"^(?P<byline>.+?)\s+[—–|-]\s+(?P<date>.*\d.*)$")
_DATED_BYLINE_WORDS = 25


def is_dated_byline(text: str) -> bool:
    """A byline with the date after a dash or a bar."""
    if not _BYLINE_OPENING.match(text) or (found := _DATED_BYLINE.match(text)) is None:
        return False
    return byline_author(found["byline"]) is not None and parse_date(found["date"]) is not None


_PUBLISHED = Caseless(
    r"^(?:published|posted|updated|last updated?|last modified|modified|edited|date|created|first published)\b"
)


@dataclass(slots=True)
class LineInfo:
    """One non-empty line of the page with the evidence gathered about it."""

    number: int  # 1-based line number in the input
    text: str  # whitespace-normalised
    words: int
    stop_density: float
    sentence_end: bool
    kind: LineKind = SHORT
    repeats: int = 1  # how many lines of the page share this line's letters
    reason: str | None = None  # for BAD lines: which kind of furniture
    caption: bool = False  # shaped like a photo caption or credit (see is_caption_shape)
    key: str = ""  # normalise_key(text), computed once: repetition and title matching use it
    end: int = 0  # last input line number: a paragraph wrapped over several lines ends here
    spaceless: bool = False  # written without spaces: words are counted from characters


_NOT_ALNUM = re.compile(r"[\W_]+")
# The same as bytes to delete from a text whose letters are all ASCII (many times faster).
_ASCII_NOT_ALNUM = bytes(i for i in range(128) if _NOT_ALNUM.match(chr(i)))


def normalise_key(text: str) -> str:
    """Letters and digits only, lower-cased: lines that differ in case or punctuation match."""
    return _NOT_ALNUM.sub("", text.lower())


def is_ticker(raw_line: str) -> bool:
    """Headlines run together on one line, separated by wide gaps."""
    # A gap of spaces alone is three spaces in a row: most lines have none of these.
    if "   " not in raw_line and "\t" not in raw_line and "\u00a0" not in raw_line:
        return False
    inner = _TICKER_GAP.finditer(raw_line, len(raw_line) - len(raw_line.lstrip()), len(raw_line.rstrip()))
    return sum(1 for _gap in zip(range(3), inner)) >= 3


def is_date_line(text: str) -> bool:
    """A timestamp alone on its line, maybe with a one-word section label."""
    return _is_date_line(text, lower_for_patterns(text))


_DATE_LINE_SPACES = 16


def _is_date_line(text: str, lowered: str | None) -> bool:
    if text.count(" ") > _DATE_LINE_SPACES or not _HAS_DIGIT.search(text):
        return False
    spaced = text.replace(",", " , ")
    tokens = spaced.count(" ") + 1 - spaced.count("  ")
    if tokens > 12:
        return False
    spaced_lowered = None if lowered is None else lowered.replace(",", " , ")
    other = len(_DATE_TOKEN.sub(" ", spaced, spaced_lowered).split())
    return other <= 1 and other < tokens / 2


_MAX_STAMP_CHARS = 120
_RELATIVE_TIME = Caseless(
    r"^(?:(?:updated|published|posted)\s*:?\s*)?(?:about |an? |\d+\s*)(?:sec|min|minute|hour|hr|day|week|month)s?\.? ago$|"
    r"^(?:updated|published|posted)?\s*(?:just now|yesterday|today)$"
)
# ...in other languages, where a word ("Aktualizováno", "Mis à jour") may lead:
# "před 2 hodinami", "il y a 3 heures", "vor 5 Minuten", "hace 2 horas", "há 1 dia",
# "2 ore fa", "3 uur geleden", "5 minut temu", "2 часа назад", "3 saat önce",
# "for 2 timer siden", "2 timmar sedan", "3時間前", "2시간 전". (Not among the line
# openings tried on every line: only a short line with a figure is tried.)
_RELATIVE_TIME_ELSEWHERE = Caseless(
    r"^(?:[^\W\d_]+ )?(?:před|vor|hace|há|il y a) \d{1,3} [^\W\d_]{3,12}$|"
    r"^(?:[^\W\d_]+ )?(?:for |för )?\d{1,3} [^\W\d_]{2,12} (?:fa|geleden|temu|назад|önce|siden|sedan)$|"
    r"^\d{1,3} ?(?:秒|分|分钟|分鐘|小时|小時|時間|天|日|周|週間|个月|か月|ヶ月|초|분|시간|일|주|개월) ?(?:前|전)$"
)
_RELATIVE_TIME_WORDS = 5


def is_relative_time(text: str) -> bool:
    """A time given as how long ago: "2 hours ago", "vor 5 Minuten"."""
    lowered = lower_for_patterns(text)
    return _RELATIVE_TIME.match(text, lowered) is not None or _is_relative_elsewhere(text, lowered)


def _is_relative_elsewhere(text: str, lowered: str | None) -> bool:
    return (
        text.count(" ") < _RELATIVE_TIME_WORDS
        and _HAS_DIGIT.search(text) is not None
        and _RELATIVE_TIME_ELSEWHERE.match(text, lowered) is not None
    )


def is_published_line(text: str) -> bool:
    return _is_published_line(text, lower_for_patterns(text))


def _is_published_line(text: str, lowered: str | None) -> bool:
    if len(text) >= _MAX_STAMP_CHARS:
        return False
    if _RELATIVE_TIME.match(text, lowered):
        return True
    if not _PUBLISHED.match(text, lowered) or not _HAS_DIGIT.search(text) or len(text) >= 120:
        return False
    # "Posted prices were unchanged at 110 dlrs" is news; a stamp is short or holds a date.
    return text.count(" ") < 6 or parse_date(text) is not None


_MAX_COOKIE_WORDS = 400  # the longest consent texts
# A cookie banner names cookies, privacy, consent or tracking: one of these is in every one.
_COOKIE_HINTS = ("cooki", "privacy", "consent", "gdpr", "personal data", "analytics", "tracking",
                 "browser", "browsing", "third")  # fmt: skip
# An address (_ADDRESS) holds a post box, a phone or fax label, or a number and one of the
# street words: most short lines hold no label and no figure, and skip the street words.
_ADDRESS_LABELS = ("box", "tel", "fax", "phone")
_STREET_WORDS = ("street", "st.", "avenue", "ave", "road", "rd.", "boulevard", "blvd", "suite", "floor",
                 "building")  # fmt: skip


# Letters that a case-blind pattern takes for ASCII ones ("ſ" for "s", the Kelvin sign
# for "k"), which a substring test on the lower-cased text does not see.
_FOLDED_TO_ASCII = ("ſ", "\u212a", "ı", "İ")


def _may_hold_address(text: str, lowered: str) -> bool:
    """False when _ADDRESS cannot match, told by substrings (``lowered``: the text lower-cased)."""
    if not text.isascii() and holds_any(text, _FOLDED_TO_ASCII):
        return True
    return holds_any(lowered, _ADDRESS_LABELS) or (
        _HAS_DIGIT.search(text) is not None and holds_any(lowered, _STREET_WORDS)
    )


def holds_any(text: str, hints: tuple[str, ...]) -> bool:
    """Cheap literal pre-check (substring search): the full patterns run only on lines
    holding one of the hints. (A plain loop: any() over a generator costs twice as much.)"""
    for hint in hints:  # noqa: SIM110
        if hint in text:
            return True
    return False


def _is_cookie_text(text: str, lowered: str, for_patterns: str | None) -> bool:
    """``lowered``: the text lower-cased; ``for_patterns``: as lower_for_patterns gives it."""
    if not holds_any(lowered, _COOKIE_HINTS):
        return False
    first = _COOKIE_WORDS.search(text, for_patterns)
    if first is None:
        return False
    found = [match.lower() for match in _COOKIE_WORDS.findall(text, for_patterns, first.start())]
    if len(set(found)) < 2 and sum(1 for hit in found if hit.startswith("cookie")) < 2:
        return False
    return bool(_ABOUT_THIS_SITE.search(text, for_patterns))


_TOKEN_PUNCTUATION = ".,;:!?\"'()[]«»“”‘’-–—|/"


def is_repeated_phrase(text: str) -> bool:
    """'x x', 'Arab Today, arab today', 'site site site': a name said twice, not prose."""
    spaced = text.lower().split()
    if len(spaced) < 2:
        return False  # one word: the common case on menus
    if len({token.strip(_TOKEN_PUNCTUATION) for token in spaced}) == len(spaced):
        return False  # no word said twice
    tokens = _WORD.findall(text.lower())
    if len(tokens) < 2:
        return False
    if len(tokens) % 2 == 0:
        half = len(tokens) // 2
        if tokens[:half] == tokens[half:]:
            return True
    return len(tokens) >= 3 and len(set(tokens)) <= len(tokens) / 2


def is_caption_shape(text: str, words: int) -> bool:
    """A photo caption or credit: ends in a credit or a position marker such as (R)."""
    return _is_caption_shape(text, words, lower_for_patterns(text))


_CREDIT_TAIL = 90  # characters at the end of a line where its credit is


_CAPTION_SHAPE_WORDS = 30
_CAPTION_ENDS = (".", '"', "”")  # a sentence, a quote: no caption


def _is_caption_shape(text: str, words: int, lowered: str | None) -> bool:
    if words > _CAPTION_SHAPE_WORDS or text.endswith(_CAPTION_ENDS):
        return False
    tail = text[-_CREDIT_TAIL:]
    lowered_tail = None if lowered is None else lowered[-_CREDIT_TAIL:]
    if not holds_any(tail.lower() if lowered_tail is None else lowered_tail, _CREDIT_HINTS):
        return False
    return bool(_CREDIT_END.search(tail, lowered_tail))


# Past-tense and perfect markers: body sentences report what happened ("said",
# "was", "has killed"); captions describe the picture in the present ("A man walks").
_PAST_MARKER = re.compile(
    r"\b(?:\w{2,}ed|said|told|was|were|had|has|have|did|could|would|went|came|made|took|gave|saw|found|"
    r"left|became|began|brought|held|met|sent|spent|thought|won|lost|paid|fled|fell|rose|got|led|ran|"
    r"sold|bought|struck|built|kept|knew|grew|fought|caught|stood|wrote|spoke|chose|broke|shot|sought|"
    r"sank|drew|flew|threw|hid|tore|says|according)\b",
    re.IGNORECASE,
)
_CAPTION_MAX_WORDS = 40


def reads_like_caption(text: str, words: int) -> bool:
    """A picture description: one short sentence with no past-tense or reporting verb."""
    if words > _CAPTION_MAX_WORDS or "”" in text or '"' in text:
        return False
    return _PAST_MARKER.search(text) is None


_LETTER = re.compile(r"[^\W\d_]")
_LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f]")
_NON_LATIN_LETTER = re.compile(r"[^\W\d_A-Za-z\u00c0-\u024f\u1e00-\u1eff]")
_MIN_FOREIGN_LETTERS = 2
_MAX_FOREIGN_CHARS = 2_000  # an address or a menu in another script is short


def mostly_foreign_script(text: str) -> bool:
    """Lines mostly in a non-Latin script on an English page (addresses, menus)."""
    if (
        text.isascii()
        or letters_in_ascii(text)  # (a quick test: curly quotes and dashes are no letters)
        or len(_NON_LATIN_LETTER.findall(text)) < _MIN_FOREIGN_LETTERS
    ):
        return False
    return len(_LATIN_LETTER.findall(text)) < len(_LETTER.findall(text)) / 2


def _looks_like_sentence(text: str, words: int) -> bool:
    return words >= 4 and text[-1] in '.!?"”’'


# Every pattern above that is tried at the start of a line, with the date stamps'
# openings, as one: the first test of every line. Most lines match none of them, and
# one failed match is much cheaper than twelve, the more so with the branches gathered
# by their first character.
_LINE_OPENING = Caseless(
    by_first_character(
        pattern.pattern
        for pattern in (
            _NOTICE, _COMMENT_FORM, GALLERY_COUNTER, _WIRE_CREDIT, _PHOTO_CAPTION, _SECTION_HEADING,
            _CREDIT_LINE, _FURNITURE_ALWAYS, _CREDIT_LABEL, _FURNITURE_LABEL, _RELATIVE_TIME.sensitive,
            _PUBLISHED.sensitive,
        )
    )
)  # fmt: skip


# Of the line openings, only these find anything on a paragraph (more than
# _MAX_LABEL_WORDS words, _MAX_STAMP_CHARS characters or more), and none on one of more
# than _MAX_OPENING_WORDS words: a paragraph is tried with these alone.
_MAX_OPENING_WORDS = 60
_MAX_LABEL_WORDS = 14
_PARAGRAPH_OPENING = Caseless(
    by_first_character(pattern.pattern for pattern in (_NOTICE, _WIRE_CREDIT, _PHOTO_CAPTION))
)


# The source, byline and agency-credit patterns as one quick first test.
_ANY_CREDIT_OPENING = re.compile("|".join(f"(?:{p.pattern})" for p in (BYLINE, *CREDIT_LINE_PATTERNS)))


def boilerplate_reason(text: str, words: int) -> str | None:
    """Why this line is page furniture, or None if no pattern says so."""
    lowered = lower_for_patterns(text)
    return _boilerplate_reason(text, words, lowered, _LINE_OPENING.match(text, lowered) is not None)


def _boilerplate_reason(
    text: str,
    words: int,
    lowered: str | None,
    opening: bool,
    lower: str | None = None,
    words_list: list[str] | None = None,
) -> str | None:
    """``opening``: False when _LINE_OPENING (or, on a paragraph, _PARAGRAPH_OPENING)
    found that no opening pattern matches;
    ``lower`` and ``words_list``: as _classify has them."""
    if words == 1 and _URLISH.match(text):  # a URL or an address is one token
        return "link"
    if words <= 14 and text.endswith(":") and _is_comment_author(text):
        return "comments"
    if words <= _MAX_OPENING_WORDS and opening:
        reason = _opening_reason(text, words)
        if reason:
            return reason
    return _reason_anywhere(text, words, lowered, lower, words_list)


def _is_comment_author(text: str) -> bool:
    if (found := _COMMENT_AUTHOR.match(text)) is None:
        return False
    who = found["who"]
    return who.count(" ") < _COMMENT_AUTHOR_WORDS or _HAS_DIGIT.search(who) is not None


def _opening_reason(text: str, words: int) -> str | None:
    if _NOTICE.match(text):
        return "notice"
    if words <= _MAX_LABEL_WORDS and _COMMENT_FORM.match(text):
        return "comments"
    if words <= 4 and GALLERY_COUNTER.match(text):
        return "gallery"
    if words <= _MAX_OPENING_WORDS and (_WIRE_CREDIT.match(text) or _PHOTO_CAPTION.match(text)):
        return "credit"
    if words <= 8 and _SECTION_HEADING.match(text):
        return "section"
    if words <= 8 and _CREDIT_LINE.match(text):
        return "credit"
    if words <= _MAX_LABEL_WORDS and _FURNITURE_ALWAYS.match(text):
        return "furniture"
    if words <= 10 and not _looks_like_sentence(text, words):
        if _CREDIT_LABEL.match(text):
            return "credit"
        if _FURNITURE_LABEL.match(text):
            return "furniture"
    return None


_COPYRIGHT_WORDS = 12
_FOUR_FIGURES = re.compile(r"(?<!\d)\d{4}(?!\d)")  # a year, of any era


def _reason_anywhere(
    text: str,
    words: int,
    for_patterns: str | None,
    lower: str | None = None,
    words_list: list[str] | None = None,
) -> str | None:
    if words <= 12 and holds_any(text, _BREADCRUMB_MARKS) and _BREADCRUMB.match(text):
        return "breadcrumb"
    if words <= _COPYRIGHT_WORDS and "©" in text and _FOUR_FIGURES.search(text):
        return "notice"  # "Kopirat © 2016 Samachar", in any language
    if words > _MAX_COOKIE_WORDS:
        return None  # every pattern below is for lines shorter than this
    lowered = for_patterns if for_patterns is not None else lower if lower is not None else text.lower()
    if (
        words <= 25
        and not _looks_like_sentence(text, words)
        and _may_hold_address(text, lowered)
        and _ADDRESS.search(text, for_patterns)
    ):
        return "address"
    reader = _may_address_reader(for_patterns, words_list)
    if (
        (words >= 6 or "cookie" in lowered)
        and (reader or "site" in lowered)  # (_ABOUT_THIS_SITE needs one or the other)
        and _is_cookie_text(text, lowered, for_patterns)
    ):
        return "cookies"
    if (
        words <= 35
        and (reader or lowered.startswith(_READER_ORDERS))  # (_ADDRESSES_READER needs one)
        and holds_any(lowered, _PROMO_HINTS)
        and _PROMO.search(text, for_patterns)
        and _ADDRESSES_READER.search(text, for_patterns)
    ):
        return "promotion"
    if (
        words <= 35
        and "A" <= text[:1] <= "Z"
        and holds_any(text, _AUTHOR_BIO_HINTS)
        and _AUTHOR_BIO.match(text)
    ):
        return "author-bio"
    # (a phrase said twice says a word twice: a line whose words all differ is none)
    if (
        words <= 12
        and (words_list is None or len(set(words_list)) < len(words_list))
        and is_repeated_phrase(text)
    ):
        return "repeated-phrase"
    return None


_READER_WORDS = frozenset({"you", "your", "our", "us", "we"}) | _SITE_VOICE
_READER_ORDERS = ("sign", "subscribe", "get", "download", "follow", "join", "support", "become", "share",
                  "click", "tap", "have", "got", "this material", "by signing", "by subscribing",
                  "by clicking")  # fmt: skip


def _may_address_reader(for_patterns: str | None, words_list: list[str] | None) -> bool:
    """False when no word of the line is "you", "your", "our", "us", "we" or the site's
    "we" in another language (as _ADDRESSES_READER and _ABOUT_THIS_SITE find them), told from the words describe
    found. Those are its runs of letters, as the patterns' word boundaries see them,
    unless an apostrophe joins two runs ("we'll"): then, and when the patterns run
    without lower-casing, only the patterns can tell."""
    if for_patterns is None or words_list is None or "'" in for_patterns or "’" in for_patterns:
        return True
    return not _READER_WORDS.isdisjoint(words_list)


_CHUNK = 1 << 16


def _chunks(text: str) -> Iterator[str]:
    """A huge line in pieces of about 64 KB, each cut inside a word, so that no run of
    spaces straddles two pieces (and a word only straddles two at a cut)."""
    start, size = 0, len(text)
    while start < size:
        end = min(size, start + _CHUNK)
        while end < size and (text[end - 1].isspace() or text[end].isspace()):
            end += 1
        yield text[start:end]
        start = end


def _squeeze_spaces(text: str) -> str:
    """ " ".join(text.split()) for a huge line, a piece at a time: no list of its words."""
    return "".join(_SPACE_RUN.sub(" ", chunk) for chunk in _chunks(text)).strip()


def _words_and_key(lowered: str, stops: frozenset[str]) -> tuple[list[str], str]:
    """The words _WORD finds in a lower-cased line, and its key (as normalise_key), in
    ASCII where that gives the same (most lines)."""
    ascii_text = lowered if lowered.isascii() else None
    if ascii_text is None and not _has_elided_words(stops):
        ascii_text = ascii_form(lowered.replace("’", "'"))  # ’ joins words as ' does
    if ascii_text is None:
        return _WORD.findall(lowered), _NOT_ALNUM.sub("", lowered)
    encoded = ascii_text.encode("ascii")
    return ascii_words(ascii_text, encoded), encoded.translate(None, _ASCII_NOT_ALNUM).decode("ascii")


@cache
def _has_elided_words(stops: frozenset[str]) -> bool:
    """Stop words with an apostrophe ("c'est"): words that ’ and ' make differently."""
    return any("'" in word or "’" in word for word in stops)


def describe(
    number: int, raw_line: str, stops: frozenset[str] = STOPWORDS, spaceless: bool = False
) -> LineInfo | None:
    """Features of one input line; None for a blank line. ``stops`` is the page
    language's stop list; ``spaceless`` says its script has no spaces between words,
    so that length is counted in characters."""
    described = _describe(number, raw_line, stops, spaceless)
    return None if described is None else described[0]


# A line described, its text lower-cased and the words _WORD finds in that (or the
# same words with ’ made '): None for a huge line, which is read without copies.
_Described = tuple[LineInfo, "str | None", "list[str] | None"]


def _describe(number: int, raw_line: str, stops: frozenset[str], spaceless: bool) -> _Described | None:
    if raw_line.isprintable() and "  " not in raw_line and raw_line[:1] != " " and raw_line[-1:] != " ":
        text = raw_line  # spaced already (no other space is printable): the common case
    elif len(raw_line) <= _LONG_LINE:
        text = " ".join(raw_line.split())
    else:
        text = _squeeze_spaces(raw_line)
    if not text:
        return None
    words = text.count(" ") + 1
    lower: str | None = None
    words_list: list[str] | None = None
    if len(text) <= _LONG_LINE:
        lower = text.lower()
        words_list, key = _words_and_key(lower, stops)
        found, stops_found = len(words_list), sum(map(stops.__contains__, words_list))
    else:  # a huge line, a chunk at a time: no copy of it, no list of its words
        found = stops_found = 0
        for chunk in _chunks(text):
            for match in _WORD.finditer(chunk.lower()):
                found += 1
                stops_found += match.group() in stops
        key = f"{_NOT_ALNUM.sub('', text[:_LONG_LINE].lower())}#{len(text)}"  # first words and length
    density = stops_found / found if found else 0.0
    characters = len(_SPACELESS_CHAR.findall(text)) if spaceless else 0
    if characters:
        spaced = sum(1 for token in text.split() if not _SPACELESS_CHAR.search(token))
        letters = len(_SOUTHEAST_ASIAN_CHAR.findall(text))
        syllabic = characters - letters
        words = spaced + max(1, syllabic // _CHARACTERS_PER_WORD + letters // _SOUTHEAST_ASIAN_PER_WORD)
        density = _CLAUSED_DENSITY if _CLAUSE_MARK.search(text) else 0.0
    sentence_end = text[-1] in _SENTENCE_CLOSERS and _SENTENCE_END.search(text[-6:]) is not None
    info = LineInfo(
        number,
        text,
        words,
        density,
        sentence_end,
        SHORT,
        1,
        None,
        False,
        key,
        number,
        bool(characters),
    )
    return info, lower, words_list


_CACHED_LINE_CHARS = 200  # menus, labels, stamps, headlines: the lines that recur
_LINE_CACHE_SIZE = 20_000
# What describe() and classify() found for a short line: (text, words, stop density,
# sentence end, kind, reason, caption, key, spaceless), by (line, stop list, spaceless, Latin page).
_LineFeatures = tuple[str, int, float, bool, LineKind, "str | None", bool, str, bool]
_known_lines: dict[tuple[str, frozenset[str], bool, bool], _LineFeatures] = {}


def described_line(
    first: int, last: int, raw_line: str, stops: frozenset[str], spaceless: bool, latin_page: bool
) -> LineInfo | None:
    """describe() and classify() of the block of lines ``first`` to ``last``, as
    described_lines gives it."""
    found = described_lines([(first, last, raw_line)], stops, spaceless, latin_page)
    return found[0] if found else None


def described_lines(
    blocks: Iterable[tuple[int, int, str]], stops: frozenset[str], spaceless: bool, latin_page: bool
) -> list[LineInfo]:
    """describe() and classify() of each block (first line number, last line number,
    text), blank ones left out. A short line's findings are remembered: a site's menus,
    labels and stamps recur on every page, and on one page at its top and its bottom."""
    infos: list[LineInfo] = []
    for first, last, raw_line in blocks:
        cache_key = (raw_line, stops, spaceless, latin_page) if len(raw_line) <= _CACHED_LINE_CHARS else None
        if cache_key is not None and (known := _known_lines.get(cache_key)) is not None:
            text, words, density, sentence_end, kind, reason, caption, key, spaceless_line = known
            infos.append(
                LineInfo(
                    first,
                    text,
                    words,
                    density,
                    sentence_end,
                    kind,
                    1,
                    reason,
                    caption,
                    key,
                    last,
                    spaceless_line,
                )
            )
            continue
        described = _describe(first, raw_line, stops, spaceless)
        if described is None:
            continue
        info, lower, words_list = described
        info.end = last
        info.kind = _classify(info, raw_line, latin_page, lower, words_list)
        if cache_key is not None:
            if len(_known_lines) >= _LINE_CACHE_SIZE:
                _known_lines.clear()
            _known_lines[cache_key] = (
                info.text, info.words, info.stop_density, info.sentence_end, info.kind,
                info.reason, info.caption, info.key, info.spaceless,
            )  # fmt: skip
        infos.append(info)
    return infos


def forget_lines() -> None:
    """Drop the lines remembered by described_lines, and the dates parse_date remembers
    (benchmarks time a cold start)."""
    _known_lines.clear()
    forget_dates()


def classify(info: LineInfo, raw_line: str, latin_page: bool = True) -> LineKind:
    """The line's kind judged on the line alone (repetition is added by the caller).
    On a page in a Latin script, lines mostly in another script are furniture
    (an address, a menu in the owner's language)."""
    lower = info.text.lower() if len(info.text) <= _LONG_LINE else None  # no copy of a huge line
    return _classify(info, raw_line, latin_page, lower, None)


_JOINED_CREDIT_WORDS = 16


def _is_credit(text: str) -> bool:
    """A source line, a byline or an agency's credit: "Source: AFP", "By Jane Doe"."""
    return is_source_line(text) or BYLINE.match(text) is not None or is_agency_credit(text)


def _joined_credits(text: str) -> bool:
    """A byline and a source on one line, as under a chart: "By The New York Times |
    Source: Congressional Budget Office"."""
    parts = text.split(" | ")
    return len(parts) >= 2 and all(_is_credit(part) for part in parts)


def _classify(
    info: LineInfo, raw_line: str, latin_page: bool, lower: str | None, words_list: list[str] | None
) -> LineKind:
    """``lower``: the text lower-cased (None for a huge line); ``words_list``: its
    words as describe found them, when known."""
    # (Most lines are plain prose or plain fragments: the quick tests that open the
    # helpers below are tried here first, so that such a line makes few calls.)
    text, words = info.text, info.words
    if ("   " in raw_line or "\t" in raw_line or "\u00a0" in raw_line) and is_ticker(raw_line):
        info.reason = "ticker"
        return BAD
    # lower_for_patterns(text), from the lower-cased text at hand
    lowered = (
        lower if lower is not None and (text.isascii() or _FOLDS_OTHERWISE.search(text) is None) else None
    )
    if words <= _MAX_LABEL_WORDS or len(text) < _MAX_STAMP_CHARS:
        openings: Caseless | None = _LINE_OPENING
    else:  # a paragraph
        openings = _PARAGRAPH_OPENING if words <= _MAX_OPENING_WORDS else None
    opening = (
        openings is not None
        and (openings.insensitive.match(text) if lowered is None else openings.sensitive.match(lowered))
        is not None
    )
    if words <= 4 and opening and GALLERY_COUNTER.match(text):
        info.reason = "gallery"
        return BAD
    if (
        (text.count(" ") <= _DATE_LINE_SPACES and _HAS_DIGIT.search(text) and _is_date_line(text, lowered))
        or (opening and _is_published_line(text, lowered))
        or (words <= _RELATIVE_TIME_WORDS and _is_relative_elsewhere(text, lowered))
    ):
        return META
    if (
        (words <= 10 and _ANY_CREDIT_OPENING.match(text) and _is_credit(text))
        or (words <= _DATED_BYLINE_WORDS and _BYLINE_OPENING.match(text) and is_dated_byline(text))
        or (words <= _JOINED_CREDIT_WORDS and " | " in text and _joined_credits(text))
    ):
        return META
    info.caption = (
        words <= _CAPTION_SHAPE_WORDS
        and not text.endswith(_CAPTION_ENDS)
        and _is_caption_shape(text, words, lowered)
    )
    info.reason = _boilerplate_reason(text, words, lowered, opening, lower, words_list)
    if (
        info.reason is None
        and latin_page
        and not text.isascii()
        and len(text) <= _MAX_FOREIGN_CHARS
        and mostly_foreign_script(text)
    ):
        info.reason = "foreign-script"
    if info.reason:
        return BAD
    if info.caption:
        return SHORT
    if info.stop_density >= 0.2 and (
        (words >= 10 and (info.sentence_end or info.spaceless)) or (words >= 22 and info.stop_density >= 0.28)
    ):
        return GOOD
    if words >= 4 and info.sentence_end and info.stop_density > 0:
        return NEAR_GOOD
    return SHORT
