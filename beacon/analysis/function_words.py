"""Closed-class words (pronouns, articles, prepositions, auxiliaries) that name a language within its script.

Language identification spends most of its time in the statistical model, whose cost grows with every
character. A message with several function words of one language and none of another (most chat in
the big Latin-script languages, Russian, Arabic) does not need it: this table settles it. Anything less
clear-cut goes to the model as before. The lists are linguistic facts, not tuned to a corpus. A word in
several lists counts for each; the answer needs a word no other list holds and no word outside its own
list, so listing more languages only makes the shortcut more careful. Languages in ``_BLOCKERS`` are
never answered here: their words only stop another language from being chosen.
"""

from __future__ import annotations

# Languages the shortcut may answer.
_TARGETS: dict[str, str] = {
    "en": """the a an and or but if so then than because is are was were be been being am have has had do
        does did not no doesn't didn't don't isn't aren't wasn't haven't hasn't can't won't couldn't
        shouldn't wouldn't i'm it's i've i'll you're they're that's what's there's i me my mine you your
        yours he him his she her it its we us our they them their this that these those with from for of
        to in on at by about into onto over under what when where why how who which whose there here can
        could would should will may might must just still yet already anyone someone anybody somebody
        everyone nobody anything something nothing please pls plz thanks thank any some all very too also
        again now today yesterday tomorrow after before since until got get getting one up out""",
    "es": """el la los las un una unos unas de del al y o pero si es está están estoy estaba fue son ser
        hay he ha han tengo tiene tienen mi mis tu tus su sus nuestro nuestra yo él ella nosotros ellos
        ellas usted ustedes por para con sin sobre entre hasta desde porque cuando donde dónde qué cómo
        cuál quién quiero puedo puede pueden alguien nadie nada algo todo todos muy también ya todavía aún
        hoy ayer mañana ahora aquí ayuda favor gracias hola esto eso esta este estos estas le les lo nos
        se me te que no en""",
    "pt": """o a os as um uma uns umas de do da dos das no na nos nas ao aos e ou mas se é são está estão
        estou foi ser tem têm tenho minha meu meus minhas seu sua seus suas nosso nossa eu ele ela nós
        eles elas você vocês pelo pela pelos pelas com sem sobre entre até desde porque quando onde como
        qual quem quero posso pode podem alguém ninguém nada algo tudo todos muito também já ainda hoje
        ontem amanhã agora aqui ajuda obrigado obrigada olá isso isto essa esse esta este não em que me
        te há""",
    "fr": """le la les un une des du de au aux et ou mais si est sont suis était été être avoir ai as avons
        avez ont mon ma mes ton ta tes son sa ses notre nos votre vos leur leurs je tu il elle nous vous
        ils elles pour avec sans sur sous dans chez entre depuis parce quand où quoi comment quel quelle
        qui que veux peux peut quelqu'un personne rien tout tous très aussi déjà encore toujours
        aujourd'hui hier demain maintenant ici aide merci bonjour salut ceci cela ça ce cette ces pas ne
        n'est c'est j'ai me te se en""",
    "de": """der die das dem den des ein eine einen einem einer und oder aber wenn ist sind bin war waren
        gewesen sein habe hast hat haben hatte mein meine meinen meinem dein deine seine unser unsere
        euer ihr ihre ich du er sie wir es mit von für auf aus bei nach über unter zwischen seit weil
        wann wo warum wie welche wer will kann können könnte jemand niemand nichts etwas alles alle sehr
        auch schon noch immer heute gestern morgen jetzt hier hilfe bitte danke hallo nicht kein keine
        nur mir mich dich dir uns im am zu""",
    "it": """il lo la gli le un uno una di del dei degli delle della dello nel nella e o ma se è sono sei
        siamo era stato stata essere ho hai ha abbiamo hanno avere mio mia miei mie tuo tua suo sua
        nostro nostra io lui lei noi voi loro con per tra fra senza sopra dopo prima perché quando dove
        cosa come quale chi voglio posso può possono qualcuno nessuno niente qualcosa tutto tutti molto
        anche già ancora sempre oggi ieri domani adesso ora qui aiuto grazie ciao questo questa quello
        quella non mi ti ci vi che in da""",
    "nl": """het een de van en of maar als is zijn ben was waren geweest heb hebt heeft hebben had mijn
        jouw je jij uw ons onze hun haar ik wij we jullie zij met voor op uit bij naar over onder tussen
        sinds omdat wanneer waar waarom hoe welke wie wil kan kunnen iemand niemand niets iets alles alle
        erg heel ook al nog altijd vandaag gisteren morgen nu hier hulp alstublieft alsjeblieft bedankt
        dank hallo niet geen dit dat deze die er te in""",
    "id": """saya aku kamu anda dia kami kita mereka ini itu yang dan atau tetapi tapi karena kalau jika
        dengan untuk dari ke di pada oleh tentang sudah udah belum sedang akan bisa tidak nggak gak enggak
        ada juga lagi saja aja sih dong kok banget gimana bagaimana kenapa mengapa kapan dimana siapa apa
        tolong mohon terima kasih halo hari kemarin besok sekarang sini""",
    "tr": """ve veya bir bu şu o ben sen biz siz onlar benim senin bizim için ile ama fakat çünkü ne
        nasıl neden niye nerede kim hangi var yok değil mi mı mu mü da de daha çok gibi kadar sonra önce
        şimdi bugün dün yarın lütfen teşekkürler teşekkür merhaba selam hala hâlâ hiç her bana sana""",
    # Cyrillic and Arabic script: the script narrows the choice, these settle the usual case.
    "ru": """и в во не на с со что я ты он она мы вы они мой моя мои мне меня у к по за из от до для
        как это этот эта все всё всем но а или если когда где почему уже ещё еще тоже только очень
        есть был была было были нет да вот так же бы ли помогите пожалуйста спасибо привет сегодня
        вчера завтра сейчас здесь кто какой чтобы можно нужно надо подскажите""",
    "ar": """في من على إلى الى عن مع هذا هذه ذلك التي الذي لم لا لن ما هل أن ان إن كان كانت قد تم
        أنا انا أنت انت هو هي نحن هم لي لك له عند بعد قبل منذ حتى كل أو او لكن ثم يا ولا ايضا أيضا
        الآن الان اليوم أمس غدا شكرا مرحبا السلام عليكم أرجو ارجو الرجاء ساعدوني""",
}
# Languages whose function words only block the others (close relatives, mixed chat): never answered
# here, the model decides them.
_BLOCKERS: dict[str, str] = {
    "ms": "saya kamu awak dia kami kita mereka ini itu yang dan atau tetapi kerana jika dengan untuk dari "
          "ke di pada oleh tentang sudah belum sedang akan boleh tidak tak ada juga lagi sahaja je macam "
          "mana bagaimana kenapa mengapa bila siapa apa tolong terima kasih hari semalam esok sekarang sini "
          "nak dah lah pun",
    "tl": "ang ng mga sa na ay si ni kay ako ikaw ka siya kami tayo kayo sila ko mo niya namin natin ninyo "
          "nila ito iyan iyon dito diyan doon at o pero dahil kung kapag para hindi wala may mayroon "
          "po opo din rin lang pa ba naman talaga sana paano bakit kailan saan sino ano salamat",
    "pl": "i w z na do nie się że jest są był była było być mam ma mają mój moja moje twój jego jej nasz "
          "ja ty on ona my wy oni to ten ta te jak co kto gdzie kiedy dlaczego czy ale bo już jeszcze "
          "tylko bardzo też dzisiaj wczoraj jutro teraz tutaj proszę dziękuję cześć od po",
    "cs": "a v ve z na do ne se že je jsou byl byla bylo být mám má mají můj moje tvůj jeho její náš já ty "
          "on ona my vy oni to ten ta jak co kdo kde kdy proč ale protože už ještě jen velmi taky také "
          "dnes včera zítra teď tady prosím děkuji ahoj od po",
    "sk": "a v vo z na do nie sa že je sú bol bola bolo byť mám má majú môj moja tvoj jeho jej náš ja ty "
          "on ona my vy oni to ten ta ako čo kto kde kedy prečo ale pretože už ešte len veľmi tiež dnes "
          "včera zajtra teraz tu prosím ďakujem ahoj od po",
    "hr": "i u na s sa za od do ne je su sam si smo bio bila bilo biti imam ima imaju moj moja tvoj njegov "
          "njezin naš ja ti on ona mi vi oni to taj ta kako što tko gdje kada zašto ali jer već još samo "
          "jako također danas jučer sutra sada ovdje molim hvala bok da",
    "ro": "și si în in cu pe la de din pentru nu este sunt am are au fost eu tu el ea noi voi ei ele meu "
          "mea tău lui nostru acest această ce cum cine unde când dar deja încă doar foarte azi astăzi "
          "ieri mâine acum aici vă rog mulțumesc salut să sa o un",
    "sv": "och i på med för till från om av att det den de är var har hade jag du han hon vi ni min mitt "
          "mina din ditt vår er deras vad hur varför när vem vilken men eftersom redan fortfarande bara "
          "mycket också idag igår imorgon nu här tack hej inte ingen en ett",
    "da": "og i på med for til fra om af at det den de er var har havde jeg du han hun vi min mit mine "
          "din dit vores jeres deres hvad hvordan hvorfor hvornår hvor hvem hvilken men fordi allerede "
          "stadig kun meget også nu her tak hej ikke ingen en et",
    "no": "og i på med for til fra om av at det den de er var har hadde jeg du han hun vi min mitt mine "
          "din ditt vår deres hva hvordan hvorfor når hvor hvem hvilken men fordi allerede fortsatt bare "
          "veldig også nå her takk hei ikke ingen en et",
    "af": "die en is van het nie ek jy hy sy ons julle hulle my jou wat hoe waar wanneer hoekom wie met "
          "vir op in uit by na oor onder maar omdat al nog ook baie vandag gister more nou hier dankie "
          "asseblief hallo geen dit dat",
    "hu": "a az egy és is nem van vagyok volt lesz nekem neked én te ő mi ti ők ez hogy mert de ha "
          "mikor hol miért hogyan ki melyik már még csak nagyon ma tegnap holnap most itt kérem köszönöm "
          "szia",
    "fi": "ja on ei ole oli olen olet me te he minä sinä hän se tämä tuo että koska mutta jos kun missä "
          "miksi miten kuka mikä jo vielä vain hyvin myös tänään eilen huomenna nyt täällä kiitos moi hei",
    "ca": "el la els les un una és són està estan sóc era ser tinc té tenen meu meva teu seu nostre jo tu "
          "ell ella nosaltres vosaltres ells per amb sense sobre entre fins des però perquè quan on què "
          "com qui vull puc pot algú ningú res tot molt també ja encara avui ahir demà ara aquí gràcies "
          "hola això aquest aquesta no de i que en",
    "gl": "o a os as un unha de do da dos das no na e ou pero se é son está están foi ser ten teño meu "
          "miña seu súa eu el ela nós eles elas vostede por para con sen sobre entre ata desde porque "
          "cando onde como cal quen quero podo pode alguén ninguén nada algo todo moito tamén xa aínda "
          "hoxe onte mañá agora aquí axuda grazas ola isto iso esta este non que me te",
    "sw": "na ya wa la za kwa ni si katika kama lakini sababu mimi wewe yeye sisi nyinyi wao hii hiyo "
          "huyu yule nini vipi lini wapi nani tafadhali asante habari leo jana kesho sasa hapa",
    "vi": "va la cua cho voi tu den khong duoc da dang se co minh toi ban anh em chi no chung ho nay do "
          "gi sao nao dau ai nhung vi neu khi roi van chua cung rat hom nay qua mai bay gio day cam on",
    "az": "və bir bu o mən sən biz siz onlar mənim sənin üçün ilə amma çünki nə necə niyə harada kim "
          "hansı var yox deyil da də daha çox kimi sonra indi bu gün dünən sabah xahiş təşəkkür salam",
    "uz": "va bir bu u men sen biz siz ular mening sening uchun bilan lekin chunki nima qanday nega "
          "qayerda kim qaysi bor yo'q emas ham juda keyin hozir bugun kecha ertaga iltimos rahmat salom",
    "eo": "la kaj de en al kun por sed ĉu mi vi li ŝi ni ili estas estis havas ne jes tre ankaŭ nun "
          "hodiaŭ dankon saluton kio kiel kial kie kiu",
    # Cyrillic neighbours of Russian (Ukrainian, Belarusian and Kazakh text with their own letters is
    # settled before this table is asked).
    "uk": "і й в у не на з зі що я ти він вона ми ви вони мій моя мені мене до для як це цей ця все "
          "але або якщо коли де чому вже ще теж тільки дуже є був була було були немає ні так би "
          "допоможіть будь ласка дякую привіт сьогодні вчора завтра зараз тут хто який можна треба",
    "bg": "и в във не на с със че аз ти той тя ние вие те мой моя мои ме мен до за от как това този "
          "тази всички но или ако кога къде защо вече още също само много е са беше бяха няма да "
          "ли моля благодаря здравей днес вчера утре сега тук кой какво може трябва",
    "sr": "и у на са не да је су сам си смо био била било бити имам има мој моја твој ја ти он она "
          "ми ви они то тај та како што ко где када зашто али јер већ још само јако данас јуче "
          "сутра сада овде молим хвала здраво",
    "mk": "и во на со не да е се сум си сме беше мој моја јас ти тој таа ние вие тие тоа овој оваа "
          "како што кој каде кога зошто но веќе уште само многу денес вчера утре сега тука ве молам "
          "благодарам здраво",
    "be": "і ў у не на з што я ты ён яна мы вы яны мой мая мне мяне да для як гэта але ці калі дзе "
          "чаму ўжо яшчэ таксама толькі вельмі ёсць быў была няма так дапамажыце калі ласка дзякуй "
          "прывітанне сёння учора заўтра зараз тут хто",
    "kk": "және мен сен ол біз сіз олар менің сенің үшін бірақ егер қашан қайда неге әлі тағы өте бар "
          "жоқ иә рахмет сәлем бүгін кеше ертең қазір мұнда кім қандай",
    "ky": "жана мен сен ал биз силер алар менин сенин үчүн бирок эгер качан кайда эмне үчүн дагы абдан "
          "бар жок ооба рахмат салам бүгүн кечээ эртең азыр бул ким кандай",
    "mn": "ба би чи тэр бид та тэд миний чиний гэхдээ хэрэв хэзээ хаана яагаад аль хэдийн маш байна "
          "байсан үгүй тийм баярлалаа сайн байна уу өнөөдөр өчигдөр маргааш одоо энд хэн ямар",
    "tg": "ва дар бо аз ба ман ту ӯ мо шумо онҳо барои аммо агар кай куҷо чаро ҳоло ҳам хеле ҳаст нест "
          "ҳа ташаккур салом имрӯз дирӯз фардо ин он кӣ чӣ",
    # Arabic-script neighbours of Arabic (Persian and Urdu text with their own letters is settled
    # before this table is asked).
    "fa": "و در به از با که را این آن است هست نیست من تو او ما شما آنها برای اما اگر کی کجا چرا هنوز "
          "خیلی هم فقط امروز دیروز فردا الان اینجا لطفا ممنون سلام چه",
    "ur": "اور میں کے کی کا سے کو پر ہے ہیں تھا تھی نہیں میرا میری آپ ہم وہ یہ کیا کیوں کب کہاں "
          "لیکن اگر ابھی بھی بہت صرف آج کل شکریہ براہ کرم",
    "ps": "او په د له سره ته زه ته هغه موږ تاسو دوی زما ستا لپاره خو که کله چیرته ولې لا ډېر نن "
          "پرون سبا اوس دلته مننه سلام",
    "ku": "و لە بە لەگەڵ بۆ من تۆ ئەو ئێمە ئێوە ئەوان ئەمە ئەوە بەڵام ئەگەر کەی لەکوێ بۆچی زۆر ئەمڕۆ "
          "دوێنێ سبەی ئێستا ئێرە سوپاس سڵاو",
}

# Punctuation that clings to words ("hours," "¿alguien"), replaced one character at a time: each
# replace is a C scan, several times faster than str.translate or a regex on non-ASCII text. Rarer marks
# only cost a word its match (apostrophes stay: "don't", "aujourd'hui").
_CLINGING = ",.?!:;()\"¿¡،؟"
MIN_HITS = 3  # distinct function words of the answer
MIN_SHARE = 0.3  # of the message's words


def _masks() -> tuple[tuple[str, ...], dict[str, int]]:
    """(languages, word -> bitmask of the languages whose lists hold it)."""
    langs = (*_TARGETS, *_BLOCKERS)
    masks: dict[str, int] = {}
    for bit, lang in enumerate(langs):
        for word in (_TARGETS.get(lang) or _BLOCKERS[lang]).split():
            masks[word] = masks.get(word, 0) | 1 << bit
    return langs, masks


_LANGS, _MASKS = _masks()
_WORDS = frozenset(_MASKS)
# The bit of each target language -> its code (blockers have no entry: never answered).
_TARGET_BITS = {1 << bit: lang for bit, lang in enumerate(_LANGS) if lang in _TARGETS}


def by_function_words(line: str) -> str | None:
    """The language of a lowercased ``line`` when its function words plainly name one
    target language, else None (the model decides). Plainly: at least ``MIN_HITS`` distinct function
    words, making ``MIN_SHARE`` of the words, every one of them in that language's list and at least
    one in no other list."""
    for mark in _CLINGING:
        if mark in line:
            line = line.replace(mark, " ")
    words = line.split()
    hits = _WORDS.intersection(words)
    if len(hits) < MIN_HITS or len(hits) < MIN_SHARE * len(words):
        return None
    masks = _MASKS
    common = -1  # the languages holding every hit
    own = 0  # the languages holding a hit no other language holds
    for word in hits:
        mask = masks[word]
        common &= mask
        if not mask & (mask - 1):
            own |= mask
    if not own or own & (own - 1) or not own & common:
        return None
    return _TARGET_BITS.get(own)
