"""Language detection from jusText's stop lists, and length in characters for scripts
without spaces."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.ingest.language import detect_language, is_spaceless, length_label, stopwords, uses_latin_script

# Three sentences of ordinary news prose per language, written for these tests.
PROSE = {
    "en": "The president said the government would not raise taxes this year, according to the agency. The finance minister said the budget was in good shape and that the deficit would fall over the coming years. The opposition, however, says the government is painting too rosy a picture.",
    "fr": "Le président a déclaré que le gouvernement n'augmentera pas les impôts cette année, selon l'agence. Selon le ministre des Finances, le budget est en bon état et le déficit va baisser dans les prochaines années. L'opposition affirme toutefois que le gouvernement embellit la situation.",
    "de": "Der Präsident sagte, dass die Regierung die Steuern in diesem Jahr nicht erhöhen werde, berichtet die Agentur. Nach Angaben des Finanzministers ist der Haushalt in gutem Zustand und das Defizit wird in den kommenden Jahren sinken. Die Opposition wirft der Regierung jedoch vor, die Lage zu beschönigen.",
    "es": "El presidente dijo que el gobierno no subirá los impuestos este año, según la agencia. Según el ministro de Hacienda, el presupuesto está en buena situación y el déficit bajará en los próximos años. La oposición, sin embargo, afirma que el gobierno maquilla la situación y que la gente debe prepararse para recortes.",
    "pt": "O presidente disse que o governo não vai aumentar os impostos este ano, segundo a agência. De acordo com o ministro das Finanças, o orçamento está em boa situação e o déficit vai cair nos próximos anos. A oposição, no entanto, afirma que o governo está maquiando a situação e que as pessoas devem se preparar para cortes.",
    "cs": "Prezident řekl, že vláda letos nezvýší daně, uvedla agentura. Podle ministra financí je rozpočet v dobrém stavu a schodek se bude v příštích letech snižovat. Opozice však tvrdí, že vláda situaci zbytečně přikrášluje a že se lidé mají připravit na úspory.",
    "ru": "Президент заявил, что правительство не будет повышать налоги в этом году, сообщает агентство. По словам министра финансов, бюджет находится в хорошем состоянии, а дефицит в ближайшие годы будет снижаться. Оппозиция, однако, утверждает, что правительство приукрашивает ситуацию и людям следует готовиться к сокращениям.",
    "uk": "Президент заявив, що уряд не підвищуватиме податки цього року, повідомляє агентство. За словами міністра фінансів, бюджет перебуває в хорошому стані, а дефіцит у найближчі роки зменшуватиметься. Опозиція, однак, стверджує, що уряд прикрашає ситуацію і людям слід готуватися до скорочень.",
    "ar": "قال الرئيس إن الحكومة لن ترفع الضرائب هذا العام، وفقا لوكالة الأنباء. وقال وزير المالية إن الميزانية في حالة جيدة وإن العجز سينخفض في السنوات المقبلة. لكن المعارضة تقول إن الحكومة تجمل الوضع وإن على الناس أن يستعدوا للتقشف.",
    "ko": "대통령은 정부가 올해 세금을 인상하지 않을 것이라고 말했다고 통신사가 전했다. 재무장관은 예산이 양호한 상태이며 앞으로 몇 년 동안 적자가 줄어들 것이라고 말했다. 그러나 야당은 정부가 상황을 미화하고 있다고 주장했다.",
    "ja": "大統領は、政府は今年増税しないと述べたと通信社が伝えた。財務大臣によると、予算は良好な状態にあり、赤字は今後数年で減少する見通しだ。しかし野党は、政府が状況を美化していると批判している。",
    "zh": "总统表示，政府今年不会提高税收。财政部长说，预算状况良好，赤字将在未来几年内下降。但反对党认为，政府在粉饰形势，民众应该为削减开支做好准备。",
    # Scripts whose words hold combining marks (vowel signs, viramas), and Thai
    "hi": "राष्ट्रपति ने कहा कि सरकार इस साल कर नहीं बढ़ाएगी, एजेंसी के अनुसार। वित्त मंत्री ने कहा कि बजट अच्छी स्थिति में है और आने वाले वर्षों में घाटा कम होगा। हालांकि, विपक्ष का कहना है कि सरकार स्थिति की बहुत अच्छी तस्वीर पेश कर रही है।",
    "bn": "রাষ্ট্রপতি বলেছেন যে সরকার এই বছর কর বাড়াবে না, সংস্থাটি জানিয়েছে। অর্থমন্ত্রী বলেছেন যে বাজেট ভালো অবস্থায় আছে এবং আগামী বছরগুলোতে ঘাটতি কমবে। তবে বিরোধী দল বলছে যে সরকার পরিস্থিতির অতিরঞ্জিত চিত্র তুলে ধরছে।",
    "mr": "राष्ट्रपतींनी सांगितले की सरकार या वर्षी कर वाढवणार नाही, असे वृत्तसंस्थेने म्हटले आहे. अर्थमंत्र्यांनी सांगितले की अर्थसंकल्प चांगल्या स्थितीत आहे आणि येत्या काही वर्षांत तूट कमी होईल. मात्र, सरकार परिस्थितीचे खूपच गुलाबी चित्र रंगवत आहे, असे विरोधकांचे म्हणणे आहे.",
    "ne": "राष्ट्रपतिले सरकारले यो वर्ष कर नबढाउने बताउनुभएको छ, समाचार संस्थाले जनाएको छ। अर्थमन्त्रीले बजेट राम्रो अवस्थामा रहेको र आगामी वर्षहरूमा घाटा घट्ने बताउनुभयो। तर विपक्षीले सरकारले स्थितिलाई बढाइचढाइ गरेर देखाइरहेको आरोप लगाएको छ।",
    "ta": "ஜனாதிபதி இந்த ஆண்டு அரசாங்கம் வரிகளை உயர்த்தாது என்று கூறியதாக செய்தி நிறுவனம் தெரிவித்துள்ளது. நிதி அமைச்சர் வரவு செலவுத் திட்டம் நல்ல நிலையில் உள்ளது என்றும் வரும் ஆண்டுகளில் பற்றாக்குறை குறையும் என்றும் கூறினார். ஆனால் அரசாங்கம் நிலைமையை மிகைப்படுத்திக் காட்டுகிறது என்று எதிர்க்கட்சி கூறுகிறது.",
    "th": "ประธานาธิบดีกล่าวว่ารัฐบาลจะไม่ขึ้นภาษีในปีนี้ ตามรายงานของสำนักข่าว รัฐมนตรีว่าการกระทรวงการคลังกล่าวว่างบประมาณอยู่ในสภาพดีและการขาดดุลจะลดลงในอีกไม่กี่ปีข้างหน้า อย่างไรก็ตาม ฝ่ายค้านกล่าวว่ารัฐบาลกำลังวาดภาพที่สวยงามเกินจริง",
}  # fmt: skip


# One news sentence or two: enough to tell the language, capitalised nouns and all.
SHORT = {
 "de": "Die Bundesregierung will die Steuern für Familien senken, wie das Finanzministerium am Montag mitteilte. Der Plan soll im Herbst vom Bundestag beschlossen werden.",
 "nl": "De regering wil de belastingen voor gezinnen verlagen, zo maakte het ministerie van Financiën maandag bekend. Het plan moet in het najaar door de Kamer worden goedgekeurd.",
 "da": "Regeringen vil sænke skatten for familier, oplyser Finansministeriet mandag. Planen skal vedtages af Folketinget til efteråret, og den er blevet kritiseret af oppositionen.",
 "sv": "Regeringen vill sänka skatten för familjer, meddelade finansdepartementet på måndagen. Planen ska klubbas av riksdagen i höst och har kritiserats av oppositionen.",
 "nb": "Regjeringen vil senke skatten for familier, opplyser Finansdepartementet mandag. Planen skal vedtas av Stortinget til høsten, og den har blitt kritisert av opposisjonen.",
 "it": "Il governo vuole ridurre le tasse per le famiglie, ha annunciato lunedì il ministero delle Finanze. Il piano dovrà essere approvato dal Parlamento in autunno.",
 "ca": "El govern vol rebaixar els impostos a les famílies, segons ha anunciat aquest dilluns el departament d'Economia. El pla s'haurà d'aprovar al Parlament a la tardor.",
 "pl": "Rząd chce obniżyć podatki dla rodzin, poinformowało w poniedziałek ministerstwo finansów. Plan ma zostać przyjęty przez Sejm jesienią i jest krytykowany przez opozycję.",
 "tr": "Hükümet aileler için vergileri düşürmek istiyor, Maliye Bakanlığı pazartesi günü açıkladı. Planın sonbaharda Meclis tarafından kabul edilmesi bekleniyor ve muhalefet eleştiriyor.",
 "ro": "Guvernul vrea să reducă taxele pentru familii, a anunțat luni Ministerul Finanțelor. Planul ar urma să fie adoptat de Parlament în toamnă și a fost criticat de opoziție.",
 "hu": "A kormány csökkenteni akarja a családok adóit, közölte hétfőn a pénzügyminisztérium. A tervet ősszel fogadhatja el a parlament, az ellenzék bírálja.",
 "fi": "Hallitus haluaa laskea perheiden veroja, kertoi valtiovarainministeriö maanantaina. Suunnitelma on tarkoitus hyväksyä eduskunnassa syksyllä, ja oppositio on arvostellut sitä.",
 "es": "El Gobierno quiere bajar los impuestos a las familias, según anunció el lunes el Ministerio de Hacienda. El plan deberá ser aprobado por el Congreso en otoño.",
 "pt": "O Governo quer baixar os impostos das famílias, anunciou na segunda-feira o Ministério das Finanças. O plano terá de ser aprovado pelo Parlamento no outono.",
 "fr": "Le gouvernement veut baisser les impôts des familles, a annoncé lundi le ministère des Finances. Le plan devra être adopté par le Parlement à l'automne.",
 "sk": "Vláda chce znížiť dane pre rodiny, oznámilo v pondelok ministerstvo financií. Plán má na jeseň schváliť parlament a opozícia ho kritizuje.",
}  # fmt: skip


@pytest.mark.parametrize(
    ("code", "text"), [*sorted(PROSE.items()), *sorted(SHORT.items())], ids=[*sorted(PROSE), *sorted(SHORT)]
)
def test_the_language_of_news_prose_long_or_short(code: str, text: str) -> None:
    assert detect_language(text) == code


@pytest.mark.parametrize(
    "text",
    [
        # The stop lists of small Wikipedias hold English words: Igbo's "april" and "july",
        # Sundanese's "the", "of", "from"; Azerbaijani's "aid" is a word of its own.
        "The ministry will hold a tender on April 8 for 40,000 tonnes of wheat from member countries, "
        "for delivery in May, June and July, traders said.",
        "Net profit 112,000 vs loss 587,000 in the year\n\nRevenue 211.2 mln vs 199.3 mln\n\n"
        "Note: figures are from the company and include a tax credit of 45,000",
        "Agenda for Monday\n09:00 Security council briefing on Syria\n10:30 Lavrov press conference in Moscow\n"
        "12:00 Kerry meets opposition leaders in Geneva\n14:00 Humanitarian aid convoy update",
    ],
)
def test_english_is_english_whatever_other_lists_hold(text: str) -> None:
    assert detect_language(text) == "en"


def test_menus_in_another_language_do_not_decide() -> None:
    menu = "\n".join(["Home", "News", "Sport", "Weather", "Sign in", "Subscribe"] * 3)
    assert detect_language(menu + "\n" + PROSE["ru"]) == "ru"


def test_too_little_text_or_no_letters_is_unknown() -> None:
    assert detect_language("") is None
    assert detect_language("12:30 15.07.2016 — 4/5") is None


def test_codes_and_their_lists() -> None:
    assert "the" in stopwords("en") and "и" in stopwords("ru") and "的" not in stopwords("zh")
    assert stopwords(None) == frozenset() == stopwords("zh")
    assert is_spaceless("ja") and is_spaceless("zh") and not is_spaceless("ko")
    assert uses_latin_script("cs") and uses_latin_script(None)
    assert not uses_latin_script("ru") and not uses_latin_script("ja")


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400))
def test_any_text_gives_a_code_or_none(text: str) -> None:
    found = detect_language(text)
    assert found is None or (found.isascii() and found.islower() and 2 <= len(found) <= 3)


@pytest.mark.parametrize(
    ("code", "label"),
    [("en", "47 words"), ("ko", "29 words"), ("zh", "70 characters"), ("ja", "93 characters")],
)
def test_length_counts_characters_where_words_have_no_spaces(code: str, label: str) -> None:
    # Splitting Chinese or Japanese on spaces counts clauses, not words: a reader is told
    # the characters instead.
    assert length_label(PROSE[code], code) == label


def test_length_of_an_article_of_unknown_language_is_in_words() -> None:
    assert length_label("Two  words\n", None) == "2 words"
