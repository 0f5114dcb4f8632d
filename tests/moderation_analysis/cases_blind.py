"""A second, blind set: another invented brand ("Zephyr"), written after the analysers and not tuned on.

Includes realistic Telegram-style spam and ordinary chat from communities that are not about crypto,
where a false flag counts as much as a miss.
"""

from __future__ import annotations

from beacon.config import AnalysisConfig, BrandConfig, Settings, StaffMember
from tests.moderation_analysis.cases import c


def zephyr_settings() -> Settings:
    return Settings(
        brand=BrandConfig(name="Zephyr", official_domains=["zephyr.exchange", "zephyrsupport.com"],
                          bot_usernames=["ZephyrDeskBot"]),
        staff=[
            StaffMember(platform="telegram", user_id="501", display_name="Zephyr Support", username="zephyr_support"),
            StaffMember(platform="telegram", user_id="502", display_name="Nora (Zephyr)", username="nora_zephyr"),
        ],
        analysis=AnalysisConfig(allowed_domains=["tronscan.org"]),
    )


ORDINARY = [
    c("", "Does anyone know how to fix the webpack build error with node 18?"),
    c("", "I'll send you the PR link later, need to rebase first"),
    c("", "Bro the new update broke my save file 😭😭😭"),
    c("", "Who's up for a game tonight? join the discord voice at 9"),
    c("", "Happy birthday Anna! 🎉🎂🎈"),
    c("", "lol that meme 😂😂😂"),
    c("", "Check out my new blog post: https://myblog.dev/posts/rust-async"),
    c("", "We are hiring a senior backend engineer at my company, details on our careers page"),
    c("", "Anyone selling a used GPU? budget 300$"),
    c("", "The casino scene in Casino Royale is the best bond movie scene"),
    c("", "I earn $20 per hour at my part-time job, not much but ok"),
    c("", "Is betting on sports legal in your country?"),
    c("", "Proxy settings in Firefox are under network settings"),
    c("", "Thanks to everyone who came to the meetup! 🙏🙏🙏"),
    c("", "Nice gem, thanks for the call 💎💎💎"),
    c("", "Signal is better than WhatsApp for privacy"),
    c("", "free pizza at the office today 🍕🍕🍕 join us in the kitchen"),
    c("", "Кто-нибудь знает хороший курс по Python? Поделитесь ссылкой"),
    c("", "Сегодня отличная погода, идём гулять в парк"),
    c("", "Работаю из дома уже год, нравится, но скучаю по коллегам"),
    c("", "有人知道这个bug怎么修吗？我试了好几次了"),
    c("", "周末一起去爬山吗？天气不错"),
    c("", "¿Alguien sabe cómo configurar el proxy en Docker?"),
    c("", "Alguém recomenda um bom livro de finanças pessoais?"),
    c("", "Bu akşam maç var mı, kim izleyecek?"),
    c("", "Có ai biết quán cà phê nào yên tĩnh để làm việc không?"),
    c("", "오늘 회의는 3시에 시작합니다"),
    c("", "明日の勉強会は18時からです、よろしくお願いします"),
    c("", "Quelqu'un a une recommandation de restaurant à Lyon ?"),
    c("", "Hat jemand Erfahrung mit dem neuen MacBook?"),
    c("", "Ada yang tahu cara update driver NVIDIA di Linux?"),
    c("", "هل يعرف أحد مطعمًا جيدًا في الرياض؟"),
    c("", "کسی می‌دونه چطور پایتون رو نصب کنم؟"),
    c("", "क्या किसी को पता है कि यह बग कैसे ठीक करें?"),
    c("", "มีใครรู้จักร้านกาแฟดีๆ แถวนี้บ้างไหม"),
    c("", "Czy ktoś wie, jak skonfigurować Nginx?"),
    c("", "Qualcuno sa come risolvere questo errore di compilazione?"),
    c("", "Weet iemand een goede tandarts in Utrecht?"),
    c("", "My email got hacked last year, now I use a password manager and 2FA everywhere"),
    c("", "don't send your password to anyone, even if they say they're from IT"),
    c("", "The code you just received is valid for 10 minutes, says the app"),
    c("", "Our support team moved to the new ticket system, thanks for your patience", name="Jane", username="jane_it"),
    c("", "I can help you move the couch on Saturday, just message me"),
    c("", "anyone up for a quick call? I can help with the homework, dm me"),
]

SPAM = [
    c("spam", "🚀 Earn up to $5,000 weekly from home with crypto trading! No experience needed. Contact @TradingMaster_Kate 👈", allow="scam"),
    c("spam", "Хочешь зарабатывать от 100$ в день? Пиши + в лс 💸", allow="scam"),
    c("spam", "Требуются люди на удаленную работу, 2-3 часа в день, оплата ежедневно. Писать в ЛС", allow="scam"),
    c("spam", "Набираю людей в команду, доход от 50к в месяц, обучение бесплатно, подробности в личке", allow="scam"),
    c("spam", "Казино Вулкан 🎰 бонус 200% на первый депозит, переходи по ссылке t.me/vulkan_bonus", allow="scam"),
    c("spam", "🔞 Горячие девушки в твоем городе 👉 t.me/+XyZ123abc", allow="scam"),
    c("spam", "Продам аккаунты Telegram, верифицированные, оптом дешево. Пишите @acc_seller", allow="scam"),
    c("spam", "Заработок на арбитраже криптовалют от 3% в день! Подробности в личке", allow="scam"),
    c("spam", "Hello, I'm looking for partners for a profitable business, 2 hours a day, income from $300. Write to me in private", allow="scam"),
    c("spam", "Make $1000 daily with this simple method 👉 https://bit.ly/3abcXYZ", allow="scam"),
    c("spam", "兼职刷单，日结300-500，有意者私聊", allow="scam"),
    c("spam", "出售实名认证账号，价格优惠，需要的加微信 vx123456", allow="scam"),
    c("spam", "Bạn muốn kiếm tiền online? Thu nhập 500k mỗi ngày, inbox mình nhé", allow="scam"),
    c("spam", "Gana dinero desde casa, 100 dólares al día, escríbeme al privado", allow="scam"),
    c("spam", "Ganhe R$500 por dia trabalhando em casa! Me chama no privado", allow="scam"),
    c("spam", "Evden çalışarak günlük 1000 TL kazan, detaylar için DM at", allow="scam"),
    c("spam", "Kerja dari rumah, penghasilan 500rb per hari, hubungi saya", allow="scam"),
    c("spam", "Verdiene 500€ pro Tag von zu Hause, schreib mir", allow="scam"),
    c("spam", "Gagnez 300€ par jour depuis chez vous, contactez-moi en privé", allow="scam"),
    c("spam", "🔥 Best crypto pump signals, 90% accuracy, join now: t.me/cryptopumpvip 🔥", allow="scam"),
    c("spam", "Buy Twitter followers, Instagram likes, YouTube views — cheapest SMM panel, DM", allow="scam"),
    c("spam", "I recommend Mr. Alex's trading signals, I earned $3,000 in 2 days, contact him @AlexTrades", allow="scam"),
]

SCAM = [
    c("scam", "Zephyr support here. Please DM me your issue and I'll escalate it"),
    c("scam", "Dear user, your Zephyr account has been flagged. Verify now: zephyr-secure-login.com", allow="phishing"),
    c("scam", "Zephyr 客服：请提供您的助记词以完成验证"),
    c("scam", "Администрация Zephyr: для возврата средств пришлите ваш приватный ключ"),
    c("scam", "Hola, soy el administrador de Zephyr, escríbeme por privado para solucionar tu retiro"),
    c("scam", "Merhaba, Zephyr destek ekibinden yazıyorum, sorununuz için bana özelden yazın"),
    c("scam", "Xin chào, tôi là admin Zephyr, vui lòng gửi mã OTP cho tôi để xác minh"),
    c("scam", "안녕하세요 Zephyr 고객센터입니다. 인증번호를 저에게 보내주세요"),
    c("scam", "Zephyrサポートです。秘密鍵をあなたの確認のため送ってください"),
    c("scam", "Bonjour, je suis l'admin de Zephyr, envoyez-moi votre code de vérification"),
    c("scam", "Hallo, ich bin Admin bei Zephyr, sende mir deinen Bestätigungscode"),
    c("scam", "Halo, saya admin Zephyr, kirimkan kode OTP anda ke saya"),
    c("scam", "مرحبا، أنا المشرف في Zephyr، أرسل لي رمز التحقق"),
    c("scam", "Cześć, jestem adminem Zephyr, wyślij mi kod SMS"),
    c("scam", "Привіт, я адмін Zephyr, надішліть мені код з смс"),
    c("scam", "Ciao, sono l'admin di Zephyr, inviami il codice di verifica"),
    c("scam", "Hoi, ik ben admin van Zephyr, stuur me je verificatiecode"),
    c("scam", "Elon is giving away 5000 BTC! Send 0.1 BTC and receive 0.2 BTC back: elon-x2.com", allow="spam"),
    c("scam", "Zephyr airdrop is live! Claim your free 300 USDT at zephyr-airdrop.org", allow="phishing spam"),
]

PHISHING = [
    c("phishing", "new login page: https://zephyr-exchange-login.com", allow="scam"),
    c("phishing", "use zephyrr.exchange if the main site is slow", allow="scam"),
    c("phishing", "https://zephyr.exchange.support-desk.io/verify", allow="scam"),
    c("phishing", "zephyrsupport.net/ticket for faster help", allow="scam"),
    c("phishing", "https://zеphyr.com/login (mirror)", allow="scam"),
    c("", "fees are on https://zephyr.exchange/en/fees"),
    c("", "ticket: https://help.zephyrsupport.com/ticket/1"),
    c("", "my deposit https://tronscan.org/#/transaction/abc123 is confirmed"),
]

IMPERSONATION = [
    c("impersonation", "hello", name="Zephyr Support Team", username="zephyr_support_team", author_id="900"),
    c("impersonation", "hello", name="zephyr suport", username="zephyr_suport", author_id="901"),
    c("impersonation", "hello", name="Zephyr Helpdesk", username="zephyrhelpdesk", author_id="902"),
    c("impersonation", "hello", name="Zephyr Адмін", username="zephyr_ua", author_id="903"),
    c("impersonation", "hello", name="Zephyr 客服", username="zephyr_cn", author_id="904"),
    c("impersonation", "hello", name="ZephyrOfficial", username="zephyrofficial", author_id="905"),
    c("impersonation", "hello", name="Zéphyr Support", username="zephyr_supp0rt", author_id="906"),
    c("impersonation", "hello", name="Nora (Zephyr)", username="nora_zephyr_", author_id="907"),
    c("", "hello", name="zephyr_fan_club", username="zephyr_fans", author_id="908"),
    c("", "hello", name="Zephyr Trader", username="zephyr_trader", author_id="909"),
    c("", "hello", name="Nora", username="nora_k", author_id="910"),
    c("", "hello", name="Zephyr Support", username="zephyr_support", author_id="501"),
]

# Ordinary chat of other communities, checked after the first blind run (every flag counts).
MORE_ORDINARY = [
    c("", "Can someone send me the notes from yesterday's lecture?"),
    c("", "I'll share my screen in the meeting so everyone can see the slides"),
    c("", "Please give me feedback on my PR, I changed the password hashing to argon2"),
    c("", "Enter your email to subscribe to the newsletter — it's free!"),
    c("", "Free workshop this Saturday, register at the library website"),
    c("", "Our team won the tournament! 🏆🏆🏆 thanks to everyone who came"),
    c("", "We are looking for volunteers for the cleanup event, DM me if interested"),
    c("", "Selling my old bike, 100€, DM me"),
    c("", "Giveaway in our Discord: 3 Steam keys, just react to the message"),
    c("", "The admin of this group is on vacation, please be patient"),
    c("", "Does anyone have TeamViewer experience? our office wants to use it"),
    c("", "I use AnyDesk to help my parents with their computer"),
    c("", "Send me your address and I'll mail the book"),
    c("", "I can help you with your resume, message me"),
    c("", "Our support team will contact you within 24 hours (automated message)"),
    c("", "Get 50% off on your first order at the bakery, just mention this group"),
    c("", "Ребята, подскажите хорошего стоматолога, пишите в личку"),
    c("", "Кто может помочь с домашкой по математике? Пишите в лс"),
    c("", "有人周末一起打球吗？私聊我"),
    c("", "谁有二手自行车出售？私信我"),
    c("", "Alguien vende entradas para el concierto? escríbeme"),
    c("", "Quem tem indicação de dentista? me chama no privado"),
    c("", "Ai có sách cũ muốn bán không? inbox mình nhé"),
    c("", "週末一緒にゲームする人、DMください"),
    c("", "Quelqu'un vend une guitare ? écrivez-moi en privé"),
    c("", "Ada yang jual laptop bekas? japri ya"),
    c("", "هل يوجد أحد يبيع دراجة؟ راسلني"),
    c("", "Qualcuno vende una bici usata? scrivimi in privato"),
]

ALL = ORDINARY + MORE_ORDINARY + SPAM + SCAM + PHISHING + IMPERSONATION
