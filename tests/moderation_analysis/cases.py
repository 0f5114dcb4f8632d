"""Labelled messages for the invented brand "Nimbus" (see conftest): expected flags, hard negatives first.

Each case: (expected flags, text, author overrides). ``allow`` in a few cases lists flags that may
be raised as well (e.g. a phishing link that is also a scam). The set is scored by
``score_cases.py`` (precision/recall per flag) and asserted case by case in test_cases.py.
"""

from __future__ import annotations

from typing import NamedTuple


class Case(NamedTuple):
    flags: frozenset[str]
    text: str
    author: dict[str, str]
    allow: frozenset[str]


def c(flags: str, text: str, allow: str = "", **author: str) -> Case:
    return Case(frozenset(flags.split()), text, author, frozenset(allow.split()))


STAFF = {"author_id": "10", "name": "Nimbus Support", "username": "nimbus_support"}
STAFF_LEO = {"author_id": "11", "name": "Leo | Nimbus Admin", "username": "leo_nimbus"}

CLEAN = [
    # warnings about scams and safety advice
    c("", "Never share your seed phrase with anyone, not even someone who says they are support."),
    c("", "Scammers are DMing people pretending to be admins. Block and report them."),
    c("", "Reminder: support will never ask for your password or 2FA code. Report anyone who does."),
    c("", "If someone asks you to install AnyDesk, it's a scam. Don't do it."),
    c("", "Beware: anyone promising to double your BTC is a scammer."),
    c("", "Admins will never DM you first, be careful out there"),
    c("", "A seed phrase is 12 or 24 words. Write them on paper and never type them into a website."),
    c("", "PSA: fake 'recovery agents' are everywhere, nobody can recover your funds for a fee"),
    c("", "千万不要把助记词告诉任何人，客服不会私聊你"),
    c("", "Никогда не сообщайте никому код из SMS и пароль, администрация не пишет в личку первой"),
    c("", "Nunca compartas tu frase semilla, el soporte jamás te la pedirá"),
    c("", "Nunca passe sua senha para ninguém, cuidado com golpistas no privado"),
    c("", "Kurtarma ifadenizi asla kimseyle paylaşmayın, dolandırıcılara dikkat"),
    c("", "Đừng bao giờ gửi cụm từ khôi phục cho ai, cẩn thận lừa đảo"),
    c("", "시드 구문은 절대 공유하지 마세요. 사칭 계정 조심하세요"),
    c("", "シードフレーズは絶対に誰にも教えないでください。詐欺に注意"),
    c("", "Ne partagez jamais votre phrase de récupération, attention aux arnaques"),
    c("", "Teilt niemals euren privaten Schlüssel, Vorsicht vor Betrügern"),
    c("", "Jangan pernah bagikan frasa pemulihan kamu ke siapapun, hati-hati penipu"),
    c("", "Non condividere mai la tua frase di recupero, attenzione alle truffe"),
    c("", "Deel nooit je herstelzin, pas op voor oplichters"),
    c("", "Nigdy nie podawaj nikomu hasła ani kodu SMS, uważaj na oszustów"),
    c("", "هرگز عبارت بازیابی خود را به کسی ندهید، مراقب کلاهبرداران باشید"),
    c("", "لا تشارك العبارة السرية مع أي شخص، احذر من الاحتيال"),
    c("", "कभी भी अपना सीड फ्रेज किसी को न बताएं, स्कैम से सावधान रहें"),
    c("", "อย่าบอกรหัสผ่านหรือวลีกู้คืนให้ใคร ระวังมิจฉาชีพ"),
    # official links, explorers, quoting staff
    c("", "The official fee page is https://www.nimbus.com/fees, bookmark it"),
    c("", "Help centre: nimbus.help/articles/123 explains the withdrawal limits"),
    c("", "Only use https://nimbus.com and https://app.nimbus.com/login — everything else is fake"),
    c("", "check it on https://etherscan.io/tx/0x5d0e9c1b7a7f0f3c2e8b4a6d9c1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e"),
    c("", "Price data: https://www.coingecko.com/en/coins/bitcoin"),
    c("", "Nice thread on market structure https://x.com/someanalyst/status/1"),
    c("", "Open a ticket via @NimbusHelpBot, they answered me in an hour"),
    c("", "Great article https://medium.com/@trader/why-funding-rates-matter-123"),
    c("", "the docs are at github.com/someorg/sdk and pypi.org/project/sdk"),
    # tx hashes shared as information
    c("", "My deposit tx for reference, already credited: 0x5d0e9c1b7a7f0f3c2e8b4a6d9c1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e"),
    c("", "txid 9e1f3c0b7a2d4e6f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f7 still not credited"),
    c("", "交易哈希 9e1f3c0b7a2d4e6f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f7 还没到账"),
    c("", "хэш транзакции 9e1f3c0b7a2d4e6f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f7, депозит не пришел"),
    c("", "Withdrawal hash: 3b4c5d6e7f8091a2b3c4d5e6f7089e1f3c0b7a2d4e6f8091a2b3c4d5e6f70819"),
    c("", "my address is 0x52908400098527886E0F7030069857D2E4169EE7, is ERC20 fine?"),
    c("", "UID 48213456, withdrawal stuck since morning"),
    c("", "order id 2024010112345678 was filled at the wrong price"),
    # market slang and chatter
    c("", "got rekt on that long lol, lesson learned"),
    c("", "this coin could 10x from here, or go to zero, nfa"),
    c("", "I bet the price will pump after the halving"),
    c("", "good calls today, that short was perfect"),
    c("", "daily profit on my grid bot is around 0.3%, not bad"),
    c("", "I earn a passive income from staking, about 5% per year"),
    c("", "BTC +12.5% this week, alts following"),
    c("", "who else is buying the dip? 🚀🚀🚀"),
    c("", "gm gm ☕️🔥 let's go"),
    c("", "Anyone here doing the trading competition this week?"),
    c("", "Free spins on the wheel in the app today? mine shows nothing"),
    c("", "Is the airdrop from the official campaign page still live?"),
    c("", "support here is slow today, my ticket has no answer yet"),
    c("", "can anyone help? my withdrawal has been pending 6 hours"),
    c("", "If you have the same problem, open a ticket, that worked for me"),
    c("", "I sent 0.5 ETH to my account two hours ago and got nothing back yet"),
    c("", "sent USDT on the wrong network (BEP20 instead of TRC20), can you get it back?"),
    c("", "Quelqu'un a changé mon mot de passe et vidé mon compte, aidez-moi !"),
    c("", "我的提币一直失败，请联系我"),
    c("", "пароль не подходит, что делать?"),
    c("", "I reset my password yesterday and now 2FA fails"),
    c("", "my password is incorrect apparently, even though I just set it"),
    c("", "forgot password: where is the reset link?"),
    c("", "the password must be at least 8 characters long"),
    c("", "Password requirements: 8+ chars, one digit"),
    c("", "Anyone selling their old laptop? dm me"),
    c("", "The team is doing a great job with the new app"),
    c("", "Which wallet do you use for the 12 words backup? paper or metal?"),
    # ordinary sentences full of BIP-39 words
    c("", "you can buy more coin this year if price will drop again soon"),
    c("", "what about the market today, any good idea where it will go next week"),
    c("", "just wait for the right time and never trade with money you need for rent"),
    c("", "I like this project and the team but the token price is a joke right now honestly"),
    c("", "la casa de mi madre tiene un jardín muy bonito con flores y árboles grandes"),
    c("", "il mercato oggi è molto calmo, aspetto una rottura della resistenza"),
    c("", "O mercado hoje está muito calmo, vamos ver amanhã o que acontece"),
    c("", "Le marché est calme aujourd'hui, on attend la réunion de la banque centrale"),
    # names that merely contain common words
    c("", "hello all", name="Support Vector Machine Fan", username="svm_fan"),
    c("", "hi everyone", name="Helpful Harry", username="harry_help"),
    c("", "just joined", name="Nimbus fan", username="nimbus_lover"),
    c("", "what's up", name="Cirrus Nimbostratus", username="cloudwatcher"),
    # verified staff
    c("", "We replied in private. Please do not post personal details here.", **STAFF),
    c("", "Reminder: never share your seed phrase; support will never DM you first.", **STAFF_LEO),
    c("", "DM me your ticket number and I'll check it", **STAFF),
    c("", "Official domains are nimbus.com and nimbus.help only", **STAFF_LEO),
    c("", "Team here: new listing today!", author_id="900", name="Nimbus Team", username="nimbus_team",
      platform="discord"),
]

SECRET = [
    c("secret", "pls help my wallet is empty, phrase: ocean frown meadow humble travel glance tired spoon apology label ginger mercy"),
    c("secret", "1. meat 2. stay 3. doll 4. bone 5. pencil 6. normal 7. ghost 8. expand 9. roast 10. clutch 11. cash 12. frost"),
    c("secret", "ocean,frown,meadow,humble,travel,glance,tired,spoon,apology,label,ginger,mercy"),
    c("secret", "ocean\nfrown\nmeadow\nhumble\ntravel\nglance\ntired\nspoon\napology\nlabel\nginger\nmercy"),
    c("secret", "my words: ocean frown meadow humble travle glance tired spoon apology label ginger mercy is it right?"),
    c("secret", "助记词：北 燕 初 飞 议 燃 枪 座 橡 教 善 盆 是不是这样填"),
    c("secret", "girafe unanime paniquer unifier orange géranium soulever estime fleur séquence victoire parfumer"),
    c("secret", "la mia frase è amalgama pigiama vaccinato attuale gnomo spranga vessillo inattivo sclerare dormire cassone grigio",
      allow="scam"),
    c("secret", "here's my private key so you can check: a3f1c9e07b2d4c5e8f9a0b1c2d3e4f5061728394a5b6c7d8e9f0a1b2c3d4e5f6",
      allow="scam"),
    c("secret", "私钥 a3f1c9e07b2d4c5e8f9a0b1c2d3e4f5061728394a5b6c7d8e9f0a1b2c3d4e5f6 帮我看看"),
    c("secret", "вот мой приватный ключ 0xa3f1c9e07b2d4c5e8f9a0b1c2d3e4f5061728394a5b6c7d8e9f0a1b2c3d4e5f6"),
    c("secret", "apiKey: 3f1c9e07-b2d4-4c5e-8f9a-0b1c2d3e4f50 secretKey: 9F2A6B1C0D3E4F5A6B7C8D9E0F1A2B3C passphrase: Moon#2024"),
    c("secret", "my API secret is Zk8sP2qLm9Xv4Rt7Yw1Nb3Hc6Jd0Ff5 can you check why orders fail"),
    c("secret", "my password is Tr0ub4dor&3 if the agent needs it to log in"),
    c("secret", "пароль: qwerty123, логин тот же"),
    c("secret", "密码是abc12345，帮我登录看看"),
    c("secret", "mi contraseña es Gato2024! por si la necesitan"),
    c("secret", "minha senha é Brasil@2023, podem verificar?"),
    c("secret", "şifrem: Ankara06 giriş yapamıyorum"),
    c("secret", "Mật khẩu là Abc@1234 nhờ kiểm tra giúp"),
    c("secret", "mein Passwort ist Sommer2024! bitte prüfen"),
    c("secret", "mon mot de passe est Soleil#77"),
    c("secret", "password: 'Hunter2-x' (temporary)"),
]

PII = [
    c("pii", "my email is lucy.chen@outlook.com, please check my deposit"),
    c("pii", "contact me at maria.lopez.trader@gmail.com about my case", allow="scam"),
    c("pii", "我的手机号是 +86 138 0013 8000，提币一直失败"),
    c("pii", "Мой номер +7 916 123-45-67, позвоните пожалуйста"),
    c("pii", "email: kenji.watanabe@yahoo.co.jp — KYC審査の状況を教えてください"),
    c("pii", "I can't withdraw, my phone is +44 7700 900123, please call me"),
    c("pii", "meu telefone é +55 11 91234-5678, me liguem"),
    c("pii", "电话 13800138000 请回电"),
    c("pii", "my phone number is (415) 555-2671"),
    c("pii", "numéro: +33 6 12 34 56 78"),
    c("pii", "WhatsApp +971 50 123 4567"),
    c("pii", "correo: juan.perez@empresa.com.mx"),
    c("", "price is +12.5% this week"),
    c("", "withdrawal id 2024010112345678 failed"),
    c("", "call me when BTC hits 100000 lol"),
    c("", "images at logo@2x.png look blurry"),
    c("", "ping @NimbusHelpBot about it"),
]

SCAM = [
    c("scam", "Hi, Nimbus support here, DM me and I'll fix your withdrawal right away"),
    c("scam", "Hello friend, I can help you with your ticket in private"),
    c("scam", "I'm an admin, send me your UID and the code you just received so I can unlock your account"),
    c("scam", "官方客服在这，私聊我帮你处理提币问题"),
    c("scam", "公告：请大家私聊我进行账户升级"),
    c("scam", "Я администратор, пишите в личные сообщения"),
    c("scam", "Для разблокировки аккаунта отправьте мне код из SMS"),
    c("scam", "Kirim frasa pemulihan Anda untuk verifikasi akun oleh tim kami"),
    c("scam", "Please send us your seed phrase so we can verify the wallet"),
    c("scam", "To restore access, enter your 12 words at our verification form"),
    c("scam", "share your screen with AnyDesk and our engineer will fix the withdrawal"),
    c("scam", "install TeamViewer and send me the ID, I will fix your account"),
    c("scam", "Airdrop for loyal users! Send 100 USDT to verify your wallet and receive 1000 USDT back", allow="spam"),
    c("scam", "Send 0.1 BTC and get 0.2 BTC back instantly, limited giveaway", allow="spam"),
    c("scam", "Free 500 USDT for early users, connect wallet at https://claim-portal.xyz", allow="spam"),
    c("scam", "Guaranteed profit 5% daily with our trading bot, zero risk", allow="spam"),
    c("scam", "稳赚不赔，每天收益10%，私聊我", allow="spam"),
    c("scam", "Гарантированный доход 20% в месяц, без риска", allow="spam"),
    c("scam", "I lost funds too, then @nimbus_refund_center on telegram recovered everything", allow="impersonation"),
    c("scam", "I'm a recovery agent, I can unlock frozen accounts for a small fee, DM me"),
    c("scam", "contact @fundsback_expert for recovery of your lost funds"),
    c("scam", "URGENT: your account will be suspended, re-verify at https://nimbus-verify-account.com", allow="phishing"),
    c("scam", "Your wallet is compromised, synchronize it immediately at https://wallet-sync-node.app"),
    c("scam", "Soy del soporte, envíame tu código de verificación para desbloquear tu cuenta"),
    c("scam", "Sou do suporte, me chama no privado para resolver seu problema"),
    c("scam", "Ben destek ekibinden, sorununuzu çözmek için bana özelden yazın"),
    c("scam", "Tôi là nhân viên hỗ trợ, nhắn tin riêng để tôi giúp bạn"),
    c("scam", "Je suis du support, écrivez-moi en privé pour votre compte"),
    c("scam", "Ich bin vom Support, schreib mir privat, ich helfe dir"),
    c("scam", "أنا من الدعم، راسلني في الخاص لحل مشكلتك"),
    c("scam", "저는 관리자입니다. 개인 메시지 주시면 도와드릴게요"),
    c("scam", "サポートです。DMください、アカウントの問題をお手伝いします"),
]

PHISHING = [
    c("phishing", "login problems? try https://www.nimbus.com.account-secure.io/login", allow="scam"),
    c("phishing", "the new Nimbus web wallet is here: https://nimbus-wallet-connect.app/start", allow="scam"),
    c("phishing", "official campaign page https://nimbus-campaign.net/eth", allow="scam spam"),
    c("phishing", "try the backup domain https://n1mbus.com if the app is down", allow="scam"),
    c("phishing", "Nimbus 官方活动入口 https://nimbus-cn.com/event", allow="scam"),
    c("phishing", "https://xn--nmbus-2ya.com/login works when the app is down", allow="scam"),
    c("phishing", "go to nimbusrewards.xyz to claim", allow="scam"),
    c("phishing", "new domain: nimbus.io", allow="scam"),
    c("phishing", "mirror: nimbbus.com/login", allow="scam"),
    c("phishing", "Nimbus support link: bit.ly/3xYzAbc", allow="scam"),
    c("phishing", "visit https://secure-login.nimbus.com-verify.net", allow="scam"),
    c("", "the app at https://app.nimbus.com works fine for me"),
    c("", "bit.ly/3xYzAbc has the slides from the meetup"),
    c("", "cumulus.com has nice weather charts"),
    c("", "t.me/nimbus_official_news was mentioned by someone, is it real?", allow="scam"),
]

IMPERSONATION = [
    c("impersonation scam", "Hello friend, I can help you with your ticket in private", name="Nimbus Suppport",
      username="nimbus_suppport", author_id="666"),
    c("impersonation", "Welcome to the group everyone", name="Nimbus Official", username="nimbus_official_real",
      author_id="667"),
    c("impersonation", "Good evening all", name="Nimbus Suppоrt", username="nimbussupport", author_id="668"),
    c("impersonation", "hi", name="Leo | Nimbus Admin", username="leo_nimbus_admin", author_id="669"),
    c("impersonation", "gm", name="Nimbus Team", username="nimbus.team", author_id="901", platform="discord"),
    c("impersonation", "gm", name="Nimbus Team", username="nimbus.team", author_id="901"),
    c("impersonation", "hello", name="Nimbus官方客服", username="nimbus_kefu", author_id="670"),
    c("impersonation", "hello", name="Поддержка Nimbus", username="nimbus_help_ru", author_id="671"),
    c("impersonation", "hi", name="NimbusHeIpBot", username="NimbusHeIpBot", author_id="672"),
    c("impersonation", "hi", name="N1mbus Support", username="n1mbus_support", author_id="673"),
    c("impersonation", "hi", name="Soporte Nimbus", username="soporte_nimbus", author_id="674"),
    c("impersonation", "hi", name="Nimbus 고객센터", username="nimbus_kr", author_id="675"),
    c("", "hi", name="Nimbus Support", username="nimbus_support", author_id="10"),
    c("", "hi", name="Nimbus trader", username="nimbus_trader", author_id="676"),
    c("", "hi", name="Leo", username="leo1987", author_id="677"),
]

SPAM = [
    c("spam", "🔥 Free signals channel, 10x calls daily 👉 t.me/moonshotcalls 🔥", allow="scam"),
    c("spam", "Cheap VPS and proxies, bulk discount, DM"),
    c("spam", "日入过万，无需经验，加我私聊", allow="scam"),
    c("spam", "💎 Private pump group, next coin 50x guaranteed, join t.me/gemhunters_vip 💎", allow="scam"),
    c("spam", "Sports betting tips with 95% win rate, subscribe now", allow="scam"),
    c("spam", "Работа на дому, 300$ в день, пишите в личку", allow="scam"),
    c("spam", "Vendo seguidores e curtidas para Instagram, preço baixo"),
    c("spam", "加入我们的VIP带单群，每天稳赚30%，名额有限", allow="scam"),
    c("spam", "Нужны 2-3 человека для удаленного заработка. Доход от 200$ в день. Подробности в ЛС", allow="scam"),
    c("spam", "Hello everyone, looking for 5 serious people who want to earn $2000 weekly, no experience needed. DM me for details",
      allow="scam"),
    c("spam", "Best online casino 🎰 free spins for new players 🎁 register now 👉 t.me/+AbCdEfGh123", allow="scam"),
    c("spam", "Join our VIP crypto signals group t.me/joinchat/AAAAAE1234 🚀🚀🚀"),
    c("spam", "Buy Instagram followers and likes, cheapest prices, fast delivery, contact me", allow="scam"),
    c("spam", "I made $15k this week thanks to Mrs Jane, highly recommend, contact her", allow="scam"),
    c("spam", "Ищу людей для заработка в интернете, от 1000$ в неделю, пишите в лс", allow="scam"),
    c("spam", "Trabajo desde casa sin experiencia, gana 100 dólares por día, escríbeme", allow="scam"),
    c("", "I earn a passive income from staking, about 5% per year"),
    c("", "Anyone selling their old laptop? dm me"),
    c("", "the signals from the fed are mixed, markets are waiting"),
    c("", "Join the AMA tonight in the official channel"),
    c("", "who else follows t.me/nimbus_announcements ?"),
]

ALL = CLEAN + SECRET + PII + SCAM + PHISHING + IMPERSONATION + SPAM
