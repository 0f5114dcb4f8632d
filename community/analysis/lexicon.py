"""Multilingual support-request lexicon: words and stems tagged by the role they play in a message.

Written from principles, not from any corpus: a support request is a first-person need (me, help,
question) about a problem (failure, funds blocked, account compromised) with something the
platform handles (deposits and withdrawals, identity checks, login and security, trading, API).
Warnings, advice to others, jokes and resolved stories carry their own markers.

Syntax of a term: matched case-insensitively; by default as a whole word; a trailing ``*`` lets the
word continue (a stem), a leading ``*`` lets it start inside a word (compounds, attached prefixes).
Chinese, Japanese, Korean and Thai terms match anywhere (no spaces between words).
"""

from __future__ import annotations

# Tags. Request evidence:
ME = "me"  # first person: I, my, 我, мой …
OTHERS = "others"  # my friend, my brother …: someone else's account, not the author's
YOU = "you"  # second person: addressed to others (advice, offers), not about oneself
HELP = "help"  # asks someone to act: help, please check, 请, помогите …
URGENT = "urgent"  # urgent, 尽快, срочно …: pressing, but a request only with me or a question
STAFF = "staff"  # addresses the platform: support, admin, 客服 … (a request only with me or a question)
REQ = "req"  # a polite request (please, ください, 请, пожалуйста …): someone wants something done
Q = "q"  # interrogatives: how, why, 吗, почему …
HOWTO = "howto"  # how-to question: how do I, where can I, 如何 …
PROBLEM = "problem"  # something fails: error, failed, can't, rejected …
BLOCKED = "blocked"  # funds or account held: stuck, pending, not credited, frozen, lost …
COMPROMISE = "compromise"  # account taken over, funds taken: hacked, stolen, not me …
LOCK = "lock"  # an account or asset held by the platform: locked, frozen, suspended …
SOMEONE = "someone"  # someone / 有人 / кто-то: paired with ACTED below
ACTED = "acted"  # logged in, changed, withdrew … ("someone" + "changed" = a takeover)
STILL = "still"  # still / not yet / since: a wait that has gone on
NEG = "neg"  # negation, paired with ARRIVE below
ARRIVE = "arrive"  # arrived, credited, received … ("not" + "arrived" = a problem)
# What the message is about (category evidence):
DW = "dw"
KYC = "kyc"
SEC = "sec"  # login, password, 2FA: clearly about access
SECW = "secw"  # e-mail, phone, device, codes: about access only when nothing else is named
ACCOUNT = "account"
TRADE = "trade"
API = "api"
APP = "app"
APPFAIL = "appfail"  # the app or site itself fails: crashes, blank screen …
FUNDS = "funds"
# Evidence against a request:
ADVICE = "advice"  # warnings and advice to others: never share, beware, reminder …
SCAMTALK = "scamtalk"  # talk about scams and fakes
COMMUNITY = "community"  # a question to the group: anyone, 有没有人 …
LAUGH = "laugh"  # jokes and banter: lol, 哈哈, ㅋㅋ, jaja …
RESOLVED = "resolved"  # the story ended well: solved, arrived, thanks to support …
INFO = "info"  # announcements: maintenance, scheduled, according to …

DOMAIN_TAGS = frozenset({DW, KYC, SEC, SECW, ACCOUNT, TRADE, API, APP, FUNDS})

# Terms shared by every language: product words, tickers and emoji that chats use untranslated.
UNIVERSAL: dict[str, str] = {
    DW: "txid|tx hash|hash|erc20|trc20|bep20|bep2|spl|memo|usdt|usdc|on-chain|onchain|blockchain|"
    "explorer|etherscan|tronscan|bscscan|solscan|confirmations|confirmation|withdraw*|deposit*",
    KYC: "kyc|kyb|selfie|liveness",
    SEC: "2fa|otp|google authenticator|authenticator|yubikey|passkey|anti-phishing",
    TRADE: "trailing stop|stop limit|stop-limit|stop market|oco|p2p|c2c|futures|perp|perps|perpetual|usdt-m|coin-m|spot|margin|tp/sl|stop loss|stop-loss|"
    "take profit|take-profit|grid bot|copy trading|liquidat*|leverage",
    API: "api_key|api_secret|secret_key|api-key|api-secret|apisecret|api_passphrase|api|apis|api key|api keys|apikey|endpoint|endpoints|websocket|websockets|ws|rest|sdk|"
    "webhook|json|http|signature|timestamp|rate limit|ratelimit|nonce|ccxt",
    APP: "app|apk|ios|android|ui|ux",
    FUNDS: "btc|eth|sol|bnb|trx|xrp|ton|doge|ltc|ada|matic|pol|arb|op|dot|avax|link|shib|pepe|xlm",
    LAUGH: "😂|🤣|😆|xd|xdd",
}

# Per language: tag -> "|"-separated terms.
LEXICONS: dict[str, dict[str, str]] = {
    "en": {
        OTHERS: "my friend|my friend's|a friend|a friend's|my brother|my sister|my wife|my husband|my dad|my mom|my father|my mother|my cousin|my colleague",
        YOU: "your|yours|ur|yourself",
        APPFAIL: "crash|crashes|crashed|crashing|blank screen|white screen|black screen|won't open|wont open|won't load|not loading|keeps loading|freezes|frozen screen|stuck on loading|force closes",
        LOCK: "frozen|freeze|froze|locked|blocked|suspended|restricted|banned|disabled|deactivated|locked out|on hold",
        SOMEONE: "someone|somebody|a hacker|the hacker|hacker|they",
        ACTED: "changed|change|took|withdrew|withdrawn|logged|logged in|accessed|transferred|sold|moved|used|entered|got into|bought|enabled|disabled|reset",
        ME: "i|i'm|im|i've|ive|i'd|me|my|mine|myself|we|our",
        HELP: "review it|review this|want this reviewed|need someone to review|refund me|help|helps|pls|plz|please|assist|assistance|check|look into|fix|anyone help|need help|kindly|resolve|can you|could you|can someone|could someone|thanks in advance|escalate",
        URGENT: "asap|urgent|urgently",
        STAFF: "support|admin|admins|mod|mods|team|ticket|reply|respond",
        Q: "how|why|what|where|when|which|is it|is there|can i|should i|do i|what do i do",
        HOWTO: "how do i|how can i|how to|how should i|where do i|where can i|is it possible to|"
        "how do you|what's the way to|is there a way to|how long does|how long will|can i change|"
        "can i withdraw|can i deposit|which network",
        PROBLEM: "never went below|never went above|never reached|never hit|never touched|price never|worse price|wrong price|disconnect|disconnects|disconnecting|disconnected|dropping|drops|keeps dropping|reconnect|reconnecting|down for me|503|502|504|stopped working|stopped coming|no longer works|no longer working|not getting any|never shows|never showed|error|errors|failed|fail|fails|failing|failure|rejected|declined|denied|invalid|"
        "can't|cant|cannot|unable|won't|wont|doesn't work|doesnt work|not working|isn't working|"
        "wrong|worse|incorrect|mistake|issue|issues|problem|problems|bug|bugged|broken|glitch|"
        "greyed out|grayed out|disabled|expired|timeout|timed out|crash|crashes|crashed|crashing|"
        "blank|keeps|kept|didn't|did not|doesn't|does not|won't let|not allowed|"
        "mismatch|doesn't match|does not match|discrepancy|unfair|why was|why did|why is|permission denied|"
        "invalid sign|too many requests|invalid key",
        BLOCKED: "where is my|where are my|where's my|wheres my|lost it|lost everything|lost all|stuck|pending|processing|on hold|frozen|freeze|froze|locked|blocked|"
        "suspended|restricted|banned|delayed|missing|disappeared|vanished|lost access|funds are gone|"
        "money is gone|balance is gone|all gone|is gone|are gone|"
        "lost my|lost the|not credited|not received|never received|never got|never arrived|"
        "not arrived|hasn't arrived|hasnt arrived|haven't received|havent received|didn't receive|"
        "didnt receive|didn't arrive|not showing|not show|doesn't show|isn't showing|still zero|"
        "shows 0|shows zero|balance is 0|refund|compensation|compensate|dispute|appeal|complaint|"
        "wrong network|wrong chain|wrong address|wrong memo|wrong tag|forgot the memo|forgot memo|"
        "without memo|without the memo|recover|recovery|not released|hasn't released|won't release|"
        "marked paid|marked as paid|scammed|charged twice|double charged|deducted twice|overcharged|charged me twice",
        COMPROMISE: "never made|i never made|didn't make|did not make|never requested|didn't request|didnt request|did not request|i never did|someone is inside|someone is in my|someone's in my|inside my account|is being moved|being withdrawn|being transferred|being drained|unknown device|unknown devices|unrecognized device|unrecognized devices|unrecognised device|unrecognised devices|unknown login|unknown logins|suspicious login|address i don't know|address i dont know|address i don't recognize|address i don't recognise|hacked|hacker|hackers|hack|stolen|stole|steal|drained|unauthorized|unauthorised|"
        "compromised|not me|wasn't me|wasnt me|i didn't do|i did not do|didn't authorize|"
        "someone logged|someone changed|someone took|someone withdrew|someone accessed|somebody|"
        "took my|taken from|wallet is empty|account is empty|emptied|sim swap|sim swapped|"
        "without my permission|without permission|new device login",
        STILL: "still|yet|since|already|for hours|for days|hours|days|all day|whole day",
        NEG: "not|no|never|didn't|didnt|hasn't|hasnt|haven't|havent|isn't|isnt|wasn't|wasnt|nothing",
        ARRIVE: "placing|executing|executed|triggered|triggering|filled|going through|go through|goes through|processed|arrived|arrive|arriving|credited|credit|received|receive|showing|show up|shows up|"
        "showed up|reflected|landed|came|come|reached|appear|appeared",
        DW: "deposit*|withdraw*|transfer*|network|chain|address|tag|wallet|send|sent|sending|bridge|"
        "payout|cash out|top up|fiat|bank|card|funding|confirm*|destination|whitelist|crypto address",
        KYC: "verification|verify|verified|verifying|identity|id card|passport|driver's license|"
        "document|documents|face scan|face verification|facial|proof of address|utility bill|"
        "residence permit|national id|level 2|advanced verification|identity check|id check",
        SEC: "login|log in|logged in|log into|sign in|signin|password|passcode|2-step|two-factor|authentication|locked out|logout|log out|seed phrase|recovery phrase|seed words|recovery words|mnemonic|private key|secret key|backup phrase",
        SECW: "security|verification code|sms code|email code|phone number|email address|device|reset|new device",
        REQ: "please|pls|plz|kindly|help me|help pls|help please|need help|can you check|could you check|please check",
        ACCOUNT: "account|accounts|sub-account|subaccount|profile",
        TRADE: "trigger price|stop order|stop orders|order|orders|position|positions|trade|trades|trading|filled|fill|slippage|buyer|"
        "seller|merchant|limit order|market order|convert|swap|leverage|liquidation|liquidated|"
        "long position|short position|my long|my short|funding fee|funding rate|mark price|bot|earn|staking|savings|copy trade",
        API: "api secret|secret key api|signed request|invalid sign|permission denied|ip whitelist|429|"
        "too many requests|invalid key|key permissions|api permissions|broker|subscription|channel|payload",
        APP: "transaction history|statement|statements|tax report|tax statement|tax documents|csv|export|referral|referrals|referral bonus|bonus|rewards|reward|cashback|rebate|voucher|coupon|notification|notifications|alerts|price alert|price alerts|push notifications|website|site|page|screen|button|update|loading|load|browser|desktop|mobile|interface",
        FUNDS: "funds|fund|money|balance|balances|coins|coin|assets|asset|tokens|token|crypto|"
        "savings|cash|dollars|usd|eur|bags|portfolio",
        ADVICE: "ignore him|ignore her|ignore them|don't reply|dont reply|do not reply|don't answer|do not answer|never share|never give|never send|never click|don't share|do not share|dont share|"
        "don't click|do not click|don't give|do not give|don't send|don't ever|never ever|beware|"
        "be careful|careful|watch out|stay safe|reminder|psa|pro tip|tip:|report them|block them|"
        "report and block|block and report|if your|make sure|only use|bookmark|double-check|"
        "always check|warning|heads up|don't trust|do not trust|never trust|no one will|nobody will|"
        "will never|won't ever|for anyone|for everyone|you should|be patient|just open|to whoever|for whoever|"
        "whoever asked|to the person|for those|you need to|you have to|you can just|for newcomers|if anyone|"
        "if anybody|if anyone's|if someone's|give it an hour|give it time",
        SCAMTALK: "scam|scams|scammer|scammers|fake|fakes|phishing|impersonator|impersonators|"
        "impersonating|fraud|fraudsters|pretending",
        COMMUNITY: "recommend|recommendation|recommendations|suggestions|which is better|what's the best|whats the best|which exchange|which wallet|anyone|anybody|does anyone|has anyone|who else|everyone|y'all|guys|fam|someone else",
        LAUGH: "lol|lmao|lmfao|rofl|haha*|hehe*|kek|lel",
        RESOLVED: "already arrived|arrived fine|super fast|lightning fast|impressed|resolved|solved|fixed|sorted|sorted out|works now|working now|got it back|"
        "all good|finally arrived|finally landed|finally came|already credited|credited fine|"
        "landed|thanks team|thank you team|thanks support|thanks admins|thanks mods|"
        "problem solved|issue solved|no longer|got my money back|money back|thanks admin|thank you admin|"
        "thanks for the help|thanks for the quick help|thank you for your help|thanks for helping|unlocked now|"
        "is unlocked|now unlocked|works again|is resolved|all sorted",
        INFO: "help center|help centre|help article|faq|faqs|article|articles|guide|tutorial|knowledge base|maintenance|announcement|announced|scheduled|according to|upgrade|listing|"
        "will be|is live|launched|new feature|resumed",
    },
    "zh": {
        OTHERS: "我表哥|我表弟|我哥|我姐|我弟|我妹|我老婆|我老公|我同事|我朋友|我的朋友|朋友的",
        YOU: "你的|您的|你们的",
        APPFAIL: "闪退|白屏|黑屏|打不开|卡顿|加载不出|加载失败",
        LOCK: "冻结|被冻|锁定|被锁|限制|封号|封禁",
        SOMEONE: "有人|别人|他人|陌生人|黑客",
        ACTED: "登录|登陆|转走|提走|修改|改了|盗|卖了|转出",
        ME: "我|我的|俺|本人|咱",
        HELP: "帮|帮忙|帮我|请|麻烦|求助|救命|处理|看一下|查一下|核实",
        URGENT: "急|尽快|马上|立刻",
        STAFF: "客服|回复",
        Q: "吗|么|怎么|为什么|为何|如何|哪|什么|呢|咋|能不能|可以吗|还能|怎么办",
        HOWTO: "怎么弄|怎么用|在哪看|在哪下载|怎么下载|怎么导出|如何|怎么设置|怎么添加|怎么修改|怎么开启|怎么绑定|怎么操作|怎么提|怎么充|怎样|在哪里|"
        "在哪|哪个网络|请问怎么|请问如何|能否",
        PROBLEM: "根本没到|没到过|没有到过|差很多|价格不对|不合理|断开|掉线|断线|连不上|连接失败|收不到|不推送|不提醒|失败|错误|报错|不能|无法|不了|异常|有问题|出问题|不一致|对不上|不对|选错|填错|转错|"
        "不显示|没反应|故障|bug|提示|不让|被拒|拒绝|驳回|不通过|没通过|通过不了|过不了",
        BLOCKED: "去哪了|哪去了|不翼而飞|卡住|卡在|一直|处理中|审核中|未到账|没到账|还没到|没有到账|没收到|未收到|不到账|"
        "冻结|被冻|锁定|被锁|限制|找回|丢失|不见了|少了|扣了|赔偿|申诉|退款|维权|没放币|不放币|"
        "选错了网络|转错了|没有到|到不了|被骗",
        COMPROMISE: "陌生设备|未知设备|异地登录|陌生地址|不明设备|被盗|被黑|盗号|被别人|别人登录|不是我操作|非本人|被转走|转走了|资金被|被提走|"
        "被提现|清空|被偷|黑客",
        STILL: "还是|仍然|依然|还没|已经|至今|到现在|一天了|小时了",
        NEG: "没|未|不|没有",
        ARRIVE: "到账|收到|显示|入账",
        DW: "txid|trc20|erc20|bep20|充值|充币|提币|提现|入金|出金|转账|地址|网络|链上|标签|主网|划转|充u|提u|充进|提出来|汇款|白名单|钱包|转了|转入|转出",
        KYC: "kyc|认证|实名|身份|身份证|护照|人脸|证件|审核|高级认证",
        SEC: "2fa|otp|登录|登陆|密码|谷歌验证|二次验证|双重验证",
        SECW: "验证码|手机号|邮箱|安全|设备|解绑",
        REQ: "请|麻烦|帮我|帮忙|求助|请问",
        ACCOUNT: "账户|账号|帐户|帐号|子账户",
        TRADE: "p2p|限价单|追踪止损|合约|订单|挂单|限价|市价|止损|止盈|强平|爆仓|杠杆|仓位|持仓|现货|交易|成交|平仓|开仓|"
        "滑点|买家|卖家|商家|放币|网格|跟单|永续|标记价格",
        API: "api|websocket|接口|签名|密钥|时间戳|限频",
        APP: "交易记录|账单|流水|税务|报税|返佣|邀请奖励|推荐奖励|奖励|推送|通知|网页|页面|闪退|白屏|打不开|更新|网站|按钮",
        FUNDS: "usdc|资金|资产|余额|钱|币|usdt",
        ADVICE: "别理他|不要理|不要回复|提醒|注意|小心|千万别|千万不要|切勿|谨防|警惕|一律|别点|不要点|不要相信|不会主动|"
        "永远不要|请勿|大家注意",
        SCAMTALK: "骗子|诈骗|假的|钓鱼|冒充|骗局|假冒",
        COMMUNITY: "推荐|哪个好|用哪个|大家|有没有人|有人|谁|各位|兄弟们",
        LAUGH: "哈哈|笑死|233|hh",
        RESOLVED: "已经到了|到了谢谢|秒到账|很快到账|解决了|已解决|到账了|收到了|搞定|已经到账|感谢客服|谢谢客服|秒到|很快",
        INFO: "帮助中心|教程|文章|常见问题|维护|公告|升级|上线|上架",
    },
    "ja": {
        OTHERS: "友達の|友人の|兄の|姉の|弟の|妹の|家族の",
        YOU: "あなたの|皆様の",
        APPFAIL: "落ちる|開かない|クラッシュ|真っ白|読み込めない",
        LOCK: "凍結|ロック|制限|停止",
        SOMEONE: "誰か|第三者|知らない人",
        ACTED: "ログイン|変更|送金|出金|売却",
        ME: "私|わたし|僕|俺|自分|うち",
        HELP: "ください|下さい|お願い|助けて|確認して|教えて|調べて",
        URGENT: "至急|早急",
        STAFF: "サポート|対応",
        Q: "か？|か?|ですか|ますか|なぜ|どうして|どう|何|どこ|いつ|でしょうか|どうすれば",
        HOWTO: "方法|やり方|どうやって|手順|設定方法|登録方法",
        PROBLEM: "届いていない価格|不利な価格|おかしな価格|切断|切れる|繋がらない|つながらない|来ない|来なく|来ません|鳴らない|動かない|失敗|エラー|できません|できない|出来ない|無効|拒否|不具合|おかしい|間違|通らない|"
        "弾かれ|否認|表示されない|開かない|落ちる",
        BLOCKED: "どこに|どこへ|保留|処理中|反映されません|反映されない|届かない|届きません|着金しない|"
        "着金していない|入ってない|入っていない|凍結|ロック|制限|消え|紛失|返金|補償|異議|"
        "審査中|遅延|止まって",
        COMPROMISE: "不明なデバイス|不審なログイン|知らないアドレス|見覚えのない|乗っ取|不正ログイン|不正アクセス|盗まれ|ハッキング|ハック|身に覚えのない|"
        "知らない端末|勝手に|全部送金|抜かれ",
        STILL: "まだ|未だ|ずっと|以上|時間|日も",
        NEG: "ない|ません",
        ARRIVE: "反映|着金|届",
        DW: "txid|trc20|erc20|bep20|入金|出金|送金|着金|アドレス|ネットワーク|チェーン|引き出し|振込|送付|入庫|出庫",
        KYC: "kyc|本人確認|身分証|パスポート|免許証|顔認証|審査|書類|認証",
        SEC: "2fa|otp|ログイン|パスワード|二段階認証|2段階認証",
        SECW: "認証コード|セキュリティ|端末|メールアドレス|電話番号",
        REQ: "ください|下さい|お願いします|お願い|助けて",
        ACCOUNT: "アカウント|口座",
        TRADE: "p2p|逆指値|指値注文|トレーリング|注文|ポジション|先物|レバレッジ|ロスカット|清算|約定|指値|成行|現物|取引|証拠金",
        API: "api|websocket|署名|キー",
        APP: "取引履歴|履歴|明細|確定申告|税金|紹介|ボーナス|報酬|通知|プッシュ通知|アラート|アプリ|画面|サイト|ページ|ボタン|アップデート",
        FUNDS: "usdt|usdc|資産|残高|お金|資金|コイン|ビットコイン",
        ADVICE: "無視して|返信しないで|注意|気をつけ|気を付け|絶対に|教えないで|しないで|ご注意|警告",
        SCAMTALK: "詐欺|偽物|偽|フィッシング|なりすまし",
        COMMUNITY: "おすすめ|どれがいい|みなさん|皆さん|誰か|みんな",
        LAUGH: "笑|ｗｗ|www|草",
        RESOLVED: "着金済み|爆速|解決しました|解決した|反映されました|届きました|着金しました|ありがとうございました",
        INFO: "ヘルプセンター|記事|ガイド|よくある質問|メンテナンス|お知らせ|アナウンス",
    },
    "ko": {
        OTHERS: "친구가|친구 계정|형이|언니가|동생이",
        YOU: "당신의|여러분의|귀하의",
        APPFAIL: "튕겨|먹통|앱이 꺼|로딩이|안 열려|안열려",
        LOCK: "동결|잠김|잠겼|정지|제한",
        SOMEONE: "누군가|다른 사람|모르는 사람",
        ACTED: "로그인|변경|출금|송금|매도",
        ME: "=제|=저|=저의|=내|=나|제가|내가|저는|나는|=제꺼|=내꺼",
        HELP: "도와주세요|도와줘|부탁|확인해주세요|확인 부탁|해주세요",
        URGENT: "빨리|급합니다|급해요",
        STAFF: "고객센터|문의",
        Q: "나요|까요|인가요|ㄴ가요|왜|어떻게|어디|뭐|언제|있나요",
        HOWTO: "설정하나요|설정해요|어떻게 설정|설정 방법|사용하나요|어떻게 하나요|어떻게 해야|방법|어디서|하는 법|하려면",
        PROBLEM: "가격이 거기까지 안|도달하지 않|더 나쁜 가격|끊겨|끊김|연결이 안|접속이 안|안 와요|안와요|안 옵니다|오지 않|실패|오류|에러|안 돼|안돼|안됩니다|안 됩니다|안되|못 |거절|거부|문제|이상|잘못|"
        "틀렸|튕겨|먹통",
        BLOCKED: "어디로|어디 갔|처리 중|처리중|대기|안 들어|안들어|안 왔|안왔|미입금|누락|동결|잠김|잠겼|정지|제한|"
        "사라졌|없어졌|환불|보상|이의|지연|멈춰",
        COMPROMISE: "제가 하지 않은|하지 않은 출금|내가 안 한|본인이 하지 않은|알 수 없는 기기|해외 로그인|모르는 주소|낯선 기기|해킹|도용|탈취|털렸|도난|무단|제가 한 게 아|본인이 아닌|모르는 기기",
        STILL: "아직|아직도|계속|지났|시간째|시간이",
        NEG: "안|못",
        ARRIVE: "들어|반영|입금됐|도착",
        DW: "txid|trc20|erc20|bep20|입금|출금|송금|이체|주소|네트워크|체인|메모|태그|지갑",
        KYC: "본인인증|신분증|여권|인증|서류|얼굴|심사|kyc",
        SEC: "2fa|로그인|비밀번호|비번|2단계|otp",
        SECW: "인증번호|보안|기기|이메일|전화번호",
        REQ: "주세요|부탁|도와주세요|해주세요",
        ACCOUNT: "계정|계좌|아이디",
        TRADE: "p2p|스탑|스톱|트레일링|손절|익절|주문|포지션|선물|레버리지|청산|체결|지정가|시장가|현물|거래|마진|롱|숏",
        API: "api|websocket|서명|api 키|api키",
        APP: "거래 내역|거래내역|내역|세금|추천인|보너스|리워드|알림|푸시|앱|화면|사이트|페이지|버튼|업데이트",
        FUNDS: "usdt|usdc|자산|잔고|잔액|돈|자금|코인",
        ADVICE: "무시하세요|답장하지 마|조심하세요|조심|주의|절대|공유하지 마|보내지 마|누르지 마|경고",
        SCAMTALK: "사기|사기꾼|가짜|피싱|사칭",
        COMMUNITY: "추천|뭐가 좋|다들|여러분|누구|혹시 누가",
        LAUGH: "ㅋㅋ|ㅎㅎ",
        RESOLVED: "입금됐어요|입금되었습니다|받았어요|빠르네요|엄청 빠르|해결됐|해결되었|해결했|들어왔네요|들어왔어요 감사|감사합니다 해결",
        INFO: "도움말 센터|도움말|가이드|자주 묻는 질문|점검|공지|업데이트 예정",
    },
    "ru": {
        OTHERS: "мой кузен|моя жена|мой муж|мой отец|моя мама|мой папа|мой знакомый|у знакомого|у брата|у сестры|у жены|у мужа|мой друг|моя подруга|мой брат|моя сестра|у друга",
        YOU: "ваш|ваша|ваше|ваши|вашего|вашу|твой|твоя|твои|твоего",
        APPFAIL: "вылетает|крашится|не открывается|белый экран|не загружается",
        LOCK: "заблокир*|заморож*|блокировк*|ограничен*",
        SOMEONE: "кто-то|кто то|посторонний|хакер*|мошенник*",
        ACTED: "зашёл|зашел|вошёл|вошел|вывел*|поменял*|сменил*|изменил*|перевёл|перевел*|продал*|украл*",
        ME: "я|мой|моя|моё|мое|мои|мне|меня|мной|у меня",
        HELP: "верните|помогите|помоги|помощь|пожалуйста|проверьте|подскажите|решите",
        URGENT: "срочно",
        STAFF: "поддержка|поддержку|саппорт|админ|админы|тикет|ответьте",
        Q: "как|почему|что|где|когда|какой|какая|какую|можно ли|что делать",
        HOWTO: "как подключить|как настроить|где взять|как получить|как создать|как добавить|как перевести|как активировать|как отключить|как снять|как купить|как продать|как закрыть|как открыть|как сменить|как мне|как можно|как сделать|как вывести|как пополнить|как изменить|как поменять|"
        "как включить|где найти|можно ли",
        PROBLEM: "не было на графике|не доходила|не доходил|не касалась|по худшей цене|хуже лимитной|неправильной цене|отваливается|отключается|разрывается|обрывается|отваливаются|не проходят|закрыло|выбило|перестал работать|перестало работать|перестали работать|перестали приходить|не приходят|ошибка|ошибку|ошибки|не могу|не получается|не работает|отклон*|отказ*|неверн*|"
        "неправильн*|проблема|проблему|проблемы|баг|сбой|не проходит|не даёт|не дает|не пускает|"
        "не удаётся|не удается",
        BLOCKED: "верните деньги|где мои|где мой|где мои деньги|куда делись|куда пропали|завис*|в обработке|ожидани*|не пришл*|не пришёл|не пришел|не зачисл*|не поступ*|"
        "не дошл*|заблокир*|заморож*|блокировк*|ограничен*|пропал*|исчез*|потерял*|возврат*|"
        "компенсац*|апелляц*|спор|не приходит|не отпуска*",
        COMPROMISE: "который я не делал|которого я не делал|я не делал|я не делала|кто-то в моём|кто-то в моем|кто-то в аккаунте|неизвестное устройство|неизвестного устройства|неизвестные устройства|неизвестных устройств|незнакомое устройство|чужое устройство|неизвестный вход|незнакомый адрес|неизвестный адрес|подозрительный вход|взлом*|взломали|украли|украден*|кража|увели|вывели все|это был не я|не я|"
        "без моего|несанкционирован*|чужой вход|кто-то зашёл|кто-то зашел|кто-то вошёл|кто-то вывел|"
        "слили",
        STILL: "до сих пор|всё ещё|все еще|уже|ещё|еще|часа|часов|дня|дней",
        NEG: "не|нет|ни",
        ARRIVE: "исполн*|срабатыва*|сработал*|пришл*|пришёл|пришел|зачисл*|поступил*|дошл*|отображ*",
        DW: "депозит*|вывод*|вывел*|вывести|пополн*|перевод*|перевел*|перевёл|адрес*|сеть|сети|"
        "кошел*|мемо|тег|транзакц*|хеш",
        KYC: "верификац*|кус|паспорт*|документ*|селфи|лиц*|идентификац*|личност*",
        SEC: "войти|вход*|логин*|пароль|пароля|2фа|двухфакторн*|аутентификатор*",
        SECW: "код*|безопасност*|почт*|телефон*|устройств*",
        REQ: "пожалуйста|помогите|подскажите|проверьте",
        ACCOUNT: "аккаунт*|акк|учетн*|учётн*|профил*|субаккаунт*",
        TRADE: "ордер*|позици*|фьючерс*|плеч*|ликвидац*|ликвидир*|сделк*|торгов*|спот*|лимит*|"
        "маржин*|п2п|покупател*|продав*|мерчант*|лонг*|шорт*|стоп-лосс",
        API: "апи|api-ключ*|ключ api|ключ апи|подпис*",
        APP: "выписка|выписку|отчёт|отчет|отчёта|отчета|налог|налоги|налогов|реферал*|бонус*|вознагражден*|уведомлени*|оповещени*|приложени*|сайт*|страниц*|экран*|кнопк*|обновлени*",
        FUNDS: "средств*|деньги|денег|баланс*|монет*|активы|актив*|крипт*|usdt|юсдт",
        ADVICE: "не отвечайте|игнорируйте|не переходите|не сообщайте|не отправляйте|никому не|никогда не|осторожно|будьте внимательны|"
        "внимание|напоминаем|напоминание|не ведитесь|остерегайтесь|не доверяйте|берегитесь",
        SCAMTALK: "мошенник*|мошеннич*|скам*|фейк*|фишинг*|развод*|лже*",
        COMMUNITY: "посоветуйте|порекомендуйте|что лучше|какой лучше|какую посоветуете|кто-нибудь|кто-то знает|кто что|у кого|всем|народ|ребята|кто",
        LAUGH: "хаха*|ахах*|лол|ржу",
        RESOLVED: "уже всё зачислено|уже все зачислено|уже всё пришло|уже все пришло|уже зачислено|уже зачислили|уже зачислен|уже зачислены|всё зачислено|все зачислено|уже пришло|уже на балансе|моментально|мгновенно|очень быстро|быстро пришли|быстро пришло|решили|решено|решился|пришли наконец|всё пришло|все пришло|зачислили|спасибо поддержке|"
        "уже пришли",
        INFO: "центр помощи|справочный центр|статья|статью|гайд|инструкция|инструкцию|faq|технические работы|обслуживани*|анонс*|объявлени*|листинг*",
    },
    "uk": {
        OTHERS: "мій друг|моя подруга|мій брат|моя сестра|мій знайомий|у друга|у брата",
        YOU: "ваш|ваша|ваші|твій|твоя|твої",
        APPFAIL: "вилітає|не відкривається|білий екран|не завантажується",
        LOCK: "заблоков*|заблоку*|заморож*|обмежен*",
        SOMEONE: "хтось|сторонн*|хакер*",
        ACTED: "зайшов|увійшов|вивів|змінив|переказав|продав",
        ME: "я|мій|моя|моє|мої|мені|мене|у мене",
        HELP: "допоможіть|допомога|будь ласка|перевірте|підкажіть",
        URGENT: "терміново",
        STAFF: "підтримка|адмін*",
        Q: "як|чому|що|де|коли|який|яка|чи можна|що робити",
        HOWTO: "як поміняти|як налаштувати|як підключити|як увімкнути|як вимкнути|як додати|як отримати|як перевести|як зняти|де взяти|як мені|як можна|як зробити|як вивести|як поповнити|як змінити|де знайти|чи можна",
        PROBLEM: "не було на графіку|не доходила|гіршою ціною|відключається|обривається|не проходять|перестав працювати|перестали працювати|перестали приходити|не приходять|помилк*|не можу|не виходить|не працює|відхил*|відмов*|невірн*|проблем*|збій|не вдається",
        BLOCKED: "де мої|де мій|куди поділися|завис*|в обробці|очікуванн*|не прийшл*|не прийшов|не зарахува*|не надійш*|заблоков*|заблоку*|"
        "заморож*|обмежен*|зник*|пропал*|втратив*|повернення|компенсац*",
        COMPROMISE: "я не робив|я не робила|хтось у моєму|хтось в моєму|невідомий пристрій|невідомого пристрою|невідомі пристрої|незнайомий пристрій|невідома адреса|невідому адресу|зламал*|злам*|вкрали|викрали|крадіжк*|це був не я|не я|без мого|хтось зайшов|хтось вивів",
        STILL: "досі|вже|ще|годин*|днів|дня",
        NEG: "не|ні",
        ARRIVE: "прийшл*|прийшов|зарахува*|надійш*",
        DW: "депозит*|виведенн*|вивест*|вивів|поповн*|переказ*|адрес*|мереж*|гаманц*|гаманець|транзакц*",
        KYC: "верифікац*|паспорт*|документ*|селфі|особ*",
        SEC: "увійти|вхід|входу|логін*|пароль|пароля",
        SECW: "код*|безпек*|пошт*|телефон*|пристро*",
        REQ: "будь ласка|допоможіть|підкажіть|перевірте",
        ACCOUNT: "акаунт*|аккаунт*|обліков*|профіл*",
        TRADE: "ордер*|позиці*|ф'ючерс*|плеч*|ліквідац*|угод*|торгів*|спот*|п2п|покупц*|продавц*",
        API: "api-ключ*|ключ api|підпис*",
        APP: "виписк*|звіт*|податк*|реферал*|бонус*|сповіщення|повідомлення|додаток*|додатк*|сайт*|сторінк*|екран*|кнопк*|оновлен*",
        FUNDS: "кошти|коштів|грош*|баланс*|монет*|актив*",
        ADVICE: "не відповідайте|ігноруйте|не надсилайте|не переходьте|нікому не|ніколи не|обережно|будьте уважні|увага|нагадуємо|"
        "не довіряйте|остерігайтеся",
        SCAMTALK: "шахра*|скам*|фейк*|фішинг*|розвод*",
        COMMUNITY: "порадьте|що краще|хтось|хто-небудь|всім|у кого|друзі",
        LAUGH: "хаха*|ахах*|лол",
        RESOLVED: "вже зараховано|вже зарахували|вже прийшли|вже прийшло|миттєво|дуже швидко|вирішили|вирішено|прийшли нарешті|дякую підтримці",
        INFO: "центр допомоги|стаття|статтю|гайд|інструкція|інструкцію|технічні роботи|оголошенн*|анонс*",
    },
    "es": {
        OTHERS: "mi primo|mi prima|mi tío|mi tía|mi novia|mi novio|mi esposa|mi esposo|mi mujer|mi marido|mi papá|mi mamá|mi padre|mi madre|un amigo|una amiga|mi vecino|mi compañero|mi amigo|mi amiga|mi hermano|mi hermana",
        YOU: "tu|tus|su cuenta|vuestra|vuestro",
        APPFAIL: "se cierra sola|se cierra solo|no abre|no carga|pantalla en blanco|se congela",
        LOCK: "bloquead*|congelad*|suspendid*|restringid*",
        SOMEONE: "alguien|un hacker|hackers",
        ACTED: "entró|accedió|cambió|retiró|sacó|transfirió|vendió|robó",
        ME: "yo|mi|mis|me|mío|mía|conmigo|tengo|hice|envié|retiré|deposité|intenté|puse|no puedo|"
        "estoy|llevo",
        HELP: "exijo|devuélvanme|devuelvan|ayuda|ayúdenme|ayudenme|ayudan|ayudar|por favor|porfa|porfavor|revisen|revisar|favor|soluciónenlo",
        URGENT: "urgente",
        STAFF: "soporte|ticket|respondan|atiendan",
        Q: "cómo|como|por qué|porque|qué|que hago|dónde|donde|cuándo|cuál|es posible|se puede",
        HOWTO: "cómo configuro|como configuro|cómo conecto|como conecto|cómo retiro|como retiro|cómo deposito|como deposito|dónde encuentro|donde encuentro|dónde veo|donde veo|cómo activar|cómo cambiar|cómo configurar|cómo puedo|como puedo|cómo hago|como hago|cómo se|como se|cómo activo|como activo|"
        "cómo cambio|como cambio|dónde puedo|donde puedo|es posible|se puede",
        PROBLEM: "nunca bajó|nunca subió|nunca llegó|nunca tocó|sin que el precio llegara|peor precio|precio equivocado|se desconecta|desconecta|se cae|se corta|desconexión|me cerraron|me liquidaron|se cerró sola|se cerró solo|dejó de funcionar|dejaron de llegar|ya no llegan|ya no funciona|no es válido|no es valido|error|errores|falla|fallo|falló|fallido|rechaz*|denegad*|inválid*|invalid*|no puedo|"
        "no me deja|no funciona|incorrect*|equivocad*|problema|problemas|bug|no carga",
        BLOCKED: "dónde está mi|donde esta mi|dónde están mis|donde estan mis|pendiente|atascad*|trabad*|en proceso|procesando|no llega*|no llegó|no me llegó|"
        "no aparece|no se refleja|no acredit*|bloquead*|congelad*|suspendid*|restringid*|perdí|"
        "desapareci*|reembolso|compensaci*|disputa|apelaci*|reclamo|red equivocada|sin memo|"
        "no liber*|recuperar",
        COMPROMISE: "que yo no hice|que no hice|no lo hice yo|alguien está dentro|alguien está en mi cuenta|dentro de mi cuenta|dispositivo desconocido|dispositivos desconocidos|inicio de sesión desconocido|dirección que no conozco|una dirección desconocida|hackead*|hackearon|me robaron|robo|robaron|robad*|vaciaron|no fui yo|sin mi permiso|"
        "sin autorización|alguien entró|alguien accedió|alguien cambió|alguien retiró|suplantaron",
        STILL: "todavía|todavia|aún|aun|ya|desde|horas|días|dias",
        NEG: "no|nunca|ni",
        ARRIVE: "ejecuta|ejecutó|ejecutada|ejecutado|se ejecuta|procesado|llega*|llegó|llego|aparece|acredit*|reflej*|recibí|recibido|recibo",
        DW: "depósito|deposito|depósitos|depositar|deposité|retiro|retiros|retirar|retiré|transfer*|"
        "dirección|direccion|red|billetera|cartera|wallet|envío|envié|enviar|memo|etiqueta",
        KYC: "verificación|verificacion|verificar|identidad|documento*|pasaporte|cédula|dni|selfie|"
        "rostro|reconocimiento facial|comprobante de domicilio",
        SEC: "contraseña|clave|iniciar sesión|inicio de sesión|sesión|autenticación|dos pasos",
        SECW: "código|codigo|seguridad|correo|teléfono|dispositivo|acceso|acceder|entrar",
        REQ: "por favor|porfa|ayuda|ayúdenme|ayudenme|revisen",
        ACCOUNT: "cuenta|cuentas|subcuenta|perfil",
        TRADE: "el long|mi long|un long|el short|mi short|un short|stop dinámico|orden|órdenes|ordenes|posición|posicion|posiciones|futuros|apalancamiento|liquidad*|"
        "liquidaci*|operación|operaciones|comprador|vendedor|comerciante|límite|mercado|trading|"
        "comprando|vendiendo",
        API: "clave api|clave de api|claves api|firma|firma inválida",
        APP: "historial|extracto|informe fiscal|declaración de impuestos|referido|referidos|bono|bonos|recompensa|recompensas|notificaciones|notificación|alertas|alerta de precio|aplicación|aplicacion|página|pagina|sitio|pantalla|botón|actualización",
        FUNDS: "fondos|dinero|saldo|monedas|activos|plata|cripto",
        ADVICE: "no le hagan caso|no hagan caso|no les hagan caso|ignórenlo|ignorenlo|no respondan|nunca compartan|nunca compartas|no compartan|no compartas|cuidado|tengan cuidado|"
        "ojo con|atención|recuerden|recordatorio|no hagan clic|no den|eviten|no confíen|nadie les",
        SCAMTALK: "estafa*|estafador*|falso|falsos|fals*|phishing|suplantación|fraude*",
        COMMUNITY: "recomiendan|recomienden|recomiendas|recomendación|recomendaciones|cuál es mejor|alguien más|alguien sabe|alguien ha|alguno|chicos|gente|todos",
        LAUGH: "jaja*|jeje*|jsjs*|xd",
        RESOLVED: "ya se acreditó|ya acreditado|ya está acreditado|ya me acreditaron|rapidísimo|súper rápido|super rápido|resuelto|solucionado|ya me llegó|ya llegó|ya me llego|gracias al soporte|ya está|"
        "funcionó",
        INFO: "centro de ayuda|artículo|guía|tutorial|preguntas frecuentes|mantenimiento|anuncio|programad*",
    },
    "pt": {
        OTHERS: "meu primo|minha prima|meu tio|minha tia|minha namorada|meu namorado|minha esposa|meu marido|meu pai|minha mãe|um amigo|uma amiga|meu amigo|minha amiga|meu irmão|minha irmã",
        YOU: "seu|sua|seus|suas",
        APPFAIL: "fecha sozinho|não abre|nao abre|tela branca|não carrega|nao carrega|trava|travou|travando",
        LOCK: "bloquead*|congelad*|suspens*|restrit*",
        SOMEONE: "alguém|alguem|hacker|hackers",
        ACTED: "entrou|acessou|mudou|alterou|sacou|transferiu|vendeu|roubou",
        ME: "eu|meu|minha|meus|minhas|me|mim|comigo|fiz|enviei|saquei|depositei|tentei|"
        "não consigo|nao consigo|estou",
        HELP: "devolvam|quero o reembolso|exijo|ajuda|ajudem|me ajuda|me ajudem|socorro|por favor|pfv|pf|verifiquem|verificar|resolvam",
        URGENT: "urgente",
        STAFF: "suporte|ticket|respondam",
        Q: "como|por que|porque|o que|onde|quando|qual|é possível|dá pra",
        HOWTO: "como configurar|como conectar|como faz|como faço pra|onde encontro|onde vejo|como transferir|como ativo|como mudo|como faço|como eu|como posso|como mudar|como ativar|como sacar|como depositar|"
        "onde posso|é possível|dá pra",
        PROBLEM: "nunca chegou|nunca tocou|sem o preço chegar|preço pior|preço errado|desconecta|cai toda hora|caindo|desconexão|parou de funcionar|pararam de chegar|não chegam mais|não é válido|erro|erros|falha|falhou|recusad*|negad*|inválid*|invalid*|não consigo|nao consigo|"
        "não funciona|nao funciona|incorret*|errad*|problema|problemas|bug|trava|travou|travando",
        BLOCKED: "cadê|cade|onde está meu|onde está minha|onde estão|pendente|travad*|em processamento|processando|não caiu|nao caiu|não chegou|nao chegou|"
        "não aparece|nao aparece|não creditou|bloquead*|congelad*|suspens*|restrit*|perdi|"
        "sumiu|sumiram|desapareceu|reembolso|compensação|disputa|reclamação|rede errada|"
        "não liberou|recuperar",
        COMPROMISE: "que eu não fiz|que não fiz|alguém está na minha conta|alguém está dentro|dispositivo desconhecido|dispositivos desconhecidos|login desconhecido|endereço que não conheço|endereço desconhecido|hackead*|invadid*|invadiram|roubad*|roubaram|limparam|não fui eu|nao fui eu|"
        "sem minha permissão|sem autorização|alguém entrou|alguém acessou|alguém mudou|fizeram saques",
        STILL: "ainda|já|desde|há|horas|dias",
        NEG: "não|nao|nunca|nem",
        ARRIVE: "executa|executou|executada|executado|caiu|chegou|aparece|creditou|creditad*|recebi",
        DW: "depósito|deposito|depositar|saque|saques|sacar|retirada|transfer*|endereço|endereco|rede|"
        "carteira|envio|enviei|pix|memo",
        KYC: "verificação|verificacao|verificar|identidade|documento*|passaporte|rg|cnh|selfie|rosto|"
        "comprovante de residência",
        SEC: "senha|login|autenticação|dois fatores",
        SECW: "código|codigo|segurança|email|e-mail|celular|telefone|dispositivo|acesso|entrar",
        REQ: "por favor|pfv|me ajuda|me ajudem|ajuda|verifiquem",
        ACCOUNT: "conta|contas|subconta|perfil",
        TRADE: "meu long|o long|meu short|o short|ordem|ordens|posição|posicao|posições|futuros|alavancagem|liquidad*|liquidação|"
        "operação|comprador|vendedor|comerciante|limite|mercado|trade|trading",
        API: "chave api|chave da api|chaves api|assinatura|assinatura inválida",
        APP: "histórico|historico|extrato|relatório|imposto de renda|indicação|bônus|bonus|recompensa|recompensas|notificações|notificacoes|notificação|alertas|aplicativo|app|página|pagina|site|tela|botão|atualização",
        FUNDS: "fundos|dinheiro|saldo|moedas|ativos|grana|cripto",
        ADVICE: "não deem atenção|ignorem|não respondam|nunca passem|nunca passe|nunca compartilhe|nunca compartilhem|não compartilhe|"
        "cuidado|fiquem atentos|atenção|lembrete|lembrando|não cliquem|não confiem|ninguém vai",
        SCAMTALK: "golpe*|golpista*|fals*|phishing|fraude*|fake",
        COMMUNITY: "recomendam|recomenda|qual é melhor|qual a melhor|alguém sabe|alguém já|alguém mais|galera|pessoal|todos|alguém",
        LAUGH: "kkk*|haha*|rsrs*|huehue*",
        RESOLVED: "já creditou|já creditado|ja creditou|voando|rapidinho|super rápido|muito rápido|caiu rapidinho|resolvido|resolveram|já caiu|ja caiu|já chegou|obrigado ao suporte|funcionou",
        INFO: "central de ajuda|artigo|guia|tutorial|perguntas frequentes|manutenção|manutencao|anúncio|programad*",
    },
    "tr": {
        OTHERS: "kuzenim|kardeşim|annem|babam|eşim|abim|ablam|arkadaşımın hesabı|arkadaşım|arkadaşımın",
        YOU: "hesabınız|sizin|senin",
        APPFAIL: "açılmıyor|çöküyor|donuyor|yüklenmiyor",
        LOCK: "donduruldu|dondurul*|kilitlendi|kilitli|kısıtlan*|askıya",
        SOMEONE: "biri|birisi|hacker|başkası",
        ACTED: "girdi|değiştirdi|çekti|transfer etti|sattı",
        ME: "ben|benim|bana|beni|hesabım*|hesabim*|param|paramı|bakiyem*|*ımı|*imi|*dım|*dim|"
        "*tım|*tim|yapamıyorum|giremiyorum|çekemiyorum",
        HELP: "yardım|yardim|lütfen|lutfen|kontrol edin|ilgilenin|bakar mısınız|bakabilir misiniz",
        URGENT: "acil",
        STAFF: "destek",
        Q: "nasıl|nasil|neden|niye|ne|nerede|hangi|mı|mi|mu|mü|mümkün mü",
        HOWTO: "nasıl yapılır|nasıl yaparım|nasıl değiştir*|nasıl açar*|nereden|nasıl",
        PROBLEM: "hiç görmedi|hiç inmedi|hiç çıkmadı|daha kötü fiyat|yanlış fiyat|bağlantı kopuyor|kopuyor|bağlantı kesiliyor|çalışmıyor artık|gelmiyor|gelmiyorlar|hata|hatası|başarısız|reddedil*|reddetti|geçersiz|yapamıyorum|giremiyorum|çekemiyorum|"
        "olmuyor|çalışmıyor|sorun|problem|yanlış|açılmıyor|onaylanmadı",
        BLOCKED: "nerede|nereye gitti|bekliyor|beklemede|işlemde|takıldı|gelmedi|geçmedi|yansımadı|düşmedi|görünmüyor|"
        "donduruldu|dondurul*|kilitlendi|kilitli|kısıtlan*|askıya|kayboldu|kaybettim|iade|tazminat|"
        "itiraz|yanlış ağ",
        COMPROMISE: "yapmadığım|benim yapmadığım|hesabımda biri|hesabıma biri|bilinmeyen cihaz*|tanımadığım cihaz*|tanımadığım adres*|bilmediğim adres*|bilinmeyen adres*|şüpheli giriş|hacklendi|hacklen*|çalındı|çaldılar|izinsiz|yetkisiz|ben yapmadım|biri girdi|"
        "birisi girdi|boşaltıldı|boşalttı",
        STILL: "hala|hâlâ|henüz|saattir|gündür|beri",
        NEG: "değil|yok",
        ARRIVE: "gerçekleş*|tetiklen*|geldi|geçti|yansıdı|düştü",
        DW: "çekim işlem*|çekme işlem*|yatırma işlem*|transfer işlem*|para çekme işlem*|para yatırma işlem*|gönderim işlem*|yatır*|çekim*|çekme|çektim|çekil*|transfer*|adres*|ağ|ağı|cüzdan*|para çekme|memo",
        KYC: "kimlik|doğrulama*|dogrulama*|pasaport*|belge*|selfie|yüz|kyc",
        SEC: "giriş|şifre*|sifre*|parola*|2fa",
        SECW: "kod*|güvenlik|e-posta|telefon*|cihaz*",
        REQ: "lütfen|lutfen|yardım|yardim",
        ACCOUNT: "hesap*|hesab*",
        TRADE: "emir*|pozisyon*|vadeli|kaldıraç|likidasyon|likit|işlem*|alıcı|satıcı|spot|long|short",
        API: "api anahtar*|anahtarım|imza*",
        APP: "geçmiş*|ekstre|vergi|referans*|bonus*|ödül*|bildirim*|fiyat alarmı|uygulama*|site*|sayfa*|ekran*|buton*|güncelleme*",
        FUNDS: "bakiye*|para*|fon*|coin*|varlık*",
        ADVICE: "cevap vermeyin|yanıt vermeyin|aldırmayın|dikkat|dikkat edin|kimseyle paylaşmayın|paylaşmayın|tıklamayın|asla|uyarı|hatırlatma|"
        "güvenmeyin",
        SCAMTALK: "dolandırıcı*|dolandırıcılık|sahte|oltalama|phishing|scam",
        COMMUNITY: "önerir misiniz|tavsiye eder misiniz|hangisi daha iyi|kullanıyorsunuz|herkes|kimse|biri biliyor|bilen var|olan var|arkadaşlar",
        LAUGH: "haha*|sjsj*|asdf*",
        RESOLVED: "hesaba geçti|hesabıma geçti|anında geldi|çok hızlı|hızlı geldi|çözüldü|halloldu|geldi teşekkür*|teşekkürler destek",
        INFO: "yardım merkezi|makale|rehber|sss|bakım|duyuru|planlı",
    },
    "vi": {
        OTHERS: "anh tôi|chị tôi|em tôi|bạn em|anh họ|vợ tôi|chồng tôi|bạn tôi|bạn mình|bạn của mình",
        YOU: "của bạn|của các bạn",
        APPFAIL: "văng|không mở được|màn hình trắng|không tải được",
        LOCK: "bị khóa|bị khoá|khóa|đóng băng|bị đóng băng|hạn chế",
        SOMEONE: "ai đó|người khác|kẻ gian|hacker",
        ACTED: "đăng nhập|đổi|rút|chuyển|bán",
        ME: "tôi|toi|mình|em|tao|tui|của tôi|của mình",
        HELP: "giúp|giúp mình|giúp tôi|giúp em|vui lòng|làm ơn|kiểm tra|xin",
        URGENT: "gấp|khẩn",
        STAFF: "hỗ trợ|admin|cskh",
        Q: "sao|tại sao|làm sao|thế nào|như thế nào|ở đâu|khi nào|gì|không ạ|được không|không vậy|vậy",
        HOWTO: "làm sao để|làm thế nào|cách|hướng dẫn|ở đâu|như thế nào",
        PROBLEM: "giá chưa hề chạm|sai giá|giá tệ hơn|mất kết nối|ngắt kết nối|bị ngắt|không còn nhận|không nhận được thông báo|lỗi|thất bại|bị từ chối|từ chối|không được|không thể|ko được|k được|không hoạt động|"
        "sai|vấn đề|không vào được",
        BLOCKED: "đâu rồi|đi đâu|treo|chờ|đang xử lý|chưa nhận|chưa về|chưa thấy|chưa vào|chưa được cộng|không nhận được|"
        "bị khóa|bị khoá|khóa|đóng băng|bị đóng băng|hạn chế|mất|biến mất|hoàn tiền|bồi thường|khiếu nại|sai mạng|"
        "bị trừ|trừ tiền|trừ phí|hai lần",
        COMPROMISE: "không hề thực hiện|không phải mình làm|ai đó đã vào|thiết bị lạ|thiết bị không xác định|địa chỉ lạ|đăng nhập lạ|bị hack|hack|bị đánh cắp|bị trộm|mất cắp|kẻ gian|không phải tôi|không phải mình|"
        "ai đó đăng nhập|bị rút hết|rút hết tiền",
        STILL: "vẫn|vẫn chưa|chưa|từ sáng|từ hôm qua|từ tối qua|tiếng|giờ|ngày",
        NEG: "không|chưa|ko|k",
        ARRIVE: "khớp|khớp lệnh|nhận|về|vào|cộng",
        DW: "nạp|rút|chuyển|địa chỉ|mạng|ví|memo|tag|nạp tiền|rút tiền",
        KYC: "xác minh|kyc|danh tính|cccd|cmnd|hộ chiếu|giấy tờ|khuôn mặt|ekyc|định danh",
        SEC: "đăng nhập|mật khẩu|2fa|xác thực",
        SECW: "mã|bảo mật|email|số điện thoại|thiết bị",
        REQ: "giúp|giúp mình|giúp tôi|giúp em|vui lòng|làm ơn|xin",
        ACCOUNT: "tài khoản|tk|acc",
        TRADE: "lệnh|vị thế|futures|đòn bẩy|thanh lý|giao dịch|người mua|người bán|spot|long|short|cháy",
        API: "khóa api|khóa bí mật|chữ ký|yêu cầu api",
        APP: "lịch sử giao dịch|lịch sử|sao kê|thuế|giới thiệu|hoa hồng|thưởng|thông báo giá|ứng dụng|app|trang|màn hình|nút|cập nhật",
        FUNDS: "tiền|số dư|coin|tài sản|vốn",
        ADVICE: "đừng trả lời|bỏ qua|cẩn thận|lưu ý|chú ý|đừng|không bao giờ|cảnh báo|nhắc nhở|tránh",
        SCAMTALK: "lừa đảo|lừa|giả mạo|giả|scam|phishing",
        COMMUNITY: "nên dùng cái nào|gợi ý giúp|mọi người ơi|anh em|ae|có ai|ai biết|ai đã|các bạn",
        LAUGH: "haha*|kkk*|hihi",
        RESOLVED: "về rồi|nhận được rồi|đã vào|nhanh quá|siêu nhanh|nhanh thật|đã giải quyết|đã nhận được|đã về|xong rồi|cảm ơn hỗ trợ|ok rồi",
        INFO: "trung tâm trợ giúp|bài viết|bảo trì|thông báo|nâng cấp",
    },
    "id": {
        OTHERS: "sepupu saya|kakak saya|adik saya|istri saya|suami saya|teman gue|temen gue|teman saya|temanku|teman aku",
        YOU: "akunmu|akun anda|milikmu|punyamu",
        APPFAIL: "force close|tidak bisa dibuka|gak bisa dibuka|layar putih|tidak memuat",
        LOCK: "terkunci|dikunci|dibekukan|beku|dibatasi",
        SOMEONE: "seseorang|orang lain|ada orang|hacker",
        ACTED: "login|masuk|mengganti|ganti|menarik|tarik|mentransfer|menjual",
        ME: "saya|aku|gue|gw|sy|ku|punyaku|akunku",
        HELP: "tolong|bantu|bantuan|mohon|cek|dicek|periksa|minta|semak",
        URGENT: "segera|urgent",
        STAFF: "cs|admin",
        Q: "bagaimana|gimana|kenapa|mengapa|apa|dimana|di mana|kapan|kah|bisakah|bisa tidak",
        HOWTO: "gimana caranya|cara pasang|cara setting|cara mengaktifkan|di mana saya|dimana saya|bagaimana cara|gimana cara|cara|caranya|di mana bisa|dimana bisa",
        PROBLEM: "harga tidak pernah|harga lebih buruk|harga salah|terputus|putus terus|disconnect|tidak muncul lagi|berhenti berfungsi|gagal|error|ditolak|tolak|tidak bisa|ga bisa|gak bisa|nggak bisa|tidak valid|salah|"
        "masalah|bermasalah|tidak berfungsi",
        BLOCKED: "ke mana|kemana|dimana saldo|tertunda|pending|nyangkut|tertahan|diproses|belum masuk|belum diterima|belum sampai|"
        "tidak masuk|ga masuk|gak masuk|belum cair|terkunci|dikunci|dibekukan|beku|dibatasi|hilang|"
        "terpotong|refund|pengembalian|kompensasi|banding|salah jaringan",
        COMPROMISE: "bukan saya lakukan|bukan saya yang|tidak saya lakukan|diambil alih|perangkat tidak dikenal|perangkat asing|alamat yang tidak saya kenal|alamat asing|login asing|dibobol|diretas|dihack|di hack|hack|dicuri|kecurian|bukan saya|tanpa izin|"
        "ada yang login|orang lain login|dikuras|terkuras",
        STILL: "masih|belum|sejak|dari tadi|jam|hari",
        NEG: "tidak|tak|belum|ga|gak|nggak",
        ARRIVE: "tereksekusi|dieksekusi|jalan|masuk|diterima|sampai|cair",
        DW: "deposit|depo|setor|penarikan|tarik|withdraw|wd|transfer|alamat|jaringan|dompet|memo|tag|topup",
        KYC: "verifikasi|kyc|identitas|ktp|paspor|dokumen|selfie|wajah",
        SEC: "login|masuk akun|kata sandi|password|sandi|2fa|otp",
        SECW: "kode|keamanan|email|nomor hp|nomor|perangkat",
        REQ: "tolong|mohon|bantu|minta",
        ACCOUNT: "akun|akaun|rekening",
        TRADE: "posisi long|posisi short|take profit|stop loss|order|posisi|futures|leverage|likuidasi|transaksi|pembeli|penjual|spot|trading",
        API: "kunci api|api key|tanda tangan",
        APP: "riwayat transaksi|riwayat|laporan pajak|pajak|referral|bonus|hadiah|notifikasi|aplikasi|situs|halaman|layar|tombol|pembaruan|update",
        FUNDS: "dana|saldo|uang|koin|aset|duit",
        ADVICE: "abaikan|jangan dibalas|jangan balas|hati-hati|hati hati|waspada|jangan|ingat|pengingat|awas|perhatian",
        SCAMTALK: "penipuan|penipu|palsu|phishing|scam|tipu",
        COMMUNITY: "rekomendasi|saran dong|mending mana|lebih bagus mana|ada yang|siapa|semua|teman-teman|guys|gan",
        LAUGH: "wkwk*|haha*|awok*|xixi*",
        RESOLVED: "sudah diterima|udah diterima|cepat banget|cepet banget|cepat sekali|sudah masuk|udah masuk|terselesaikan|sudah beres|beres|terima kasih cs",
        INFO: "pusat bantuan|artikel|panduan|pemeliharaan|maintenance|pengumuman",
    },
    "fr": {
        OTHERS: "mon cousin|ma cousine|ma copine|mon copain|ma femme|mon mari|mon père|ma mère|un ami|une amie|mon pote|mon ami|mon amie|mon frère|ma sœur",
        YOU: "votre|vos|ton|ta|tes",
        APPFAIL: "plante|ne s'ouvre pas|écran blanc|ne charge pas",
        LOCK: "bloqué*|gelé*|suspendu*|restreint*",
        SOMEONE: "quelqu'un|un pirate|pirate",
        ACTED: "connecté|changé|modifié|retiré|transféré|vendu|volé|accédé",
        ME: "je|j'*|moi|mon|ma|mes|me|m'*",
        HELP: "remboursez|aide|aidez|aidez-moi|s'il vous plaît|svp|stp|vérifier|vérifiez|merci de|pouvez-vous|pourriez-vous",
        URGENT: "urgent",
        STAFF: "support|ticket",
        Q: "comment|pourquoi|quoi|où|quand|quel|quelle|est-ce que|est-il possible",
        HOWTO: "comment mettre|comment placer|comment poser|comment on|comment est-ce qu'on|comment configurer|comment connecter|comment retirer|comment déposer|comment modifier|où trouver|comment faire|comment je|comment puis-je|comment activer|comment changer|où puis-je|"
        "est-il possible",
        PROBLEM: "jamais atteint|jamais touché|pire prix|moins bon prix|mauvais prix|se déconnecte|déconnexion|coupe|ne marche plus|ne fonctionne plus|ne reçois plus|n'arrivent plus|erreur|échec|échoué|échoue|refusé*|rejeté*|invalide|impossible|je n'arrive pas|"
        "ne fonctionne pas|marche pas|incorrect*|mauvais|problème|problèmes|bug|beug",
        BLOCKED: "où est mon|où sont mes|où est passé|bloqué*|en attente|en cours|pas reçu|jamais reçu|pas arrivé|pas crédité|n'apparaît pas|"
        "gelé*|suspendu*|restreint*|perdu|disparu*|remboursement|indemnisation|litige|réclamation|"
        "mauvais réseau|récupérer|pas libéré",
        COMPROMISE: "que je n'ai pas fait|je n'ai jamais fait|jamais demandé|quelqu'un est dans mon compte|appareil inconnu|appareils inconnus|connexion inconnue|connexion suspecte|adresse inconnue|adresse que je ne connais pas|piraté*|hacké*|volé*|vidé|vidé mon|ce n'est pas moi|pas moi|sans mon autorisation|"
        "quelqu'un s'est connecté|quelqu'un a changé|quelqu'un a retiré|usurp*",
        STILL: "toujours|encore|depuis|heures|jours",
        NEG: "pas|ne|n'*|jamais|aucun",
        ARRIVE: "exécuté*|exécute|déclench*|reçu|arrivé*|crédité*|apparaît|affiché",
        DW: "dépôt|depot|dépôts|déposer|retrait|retraits|retirer|transfert*|virement|adresse|réseau|"
        "portefeuille|wallet|envoi|envoyé|mémo|tag",
        KYC: "vérification|verification|identité|pièce d'identité|passeport|document*|selfie|visage|"
        "justificatif de domicile|kyc",
        SEC: "connexion|connecter|mot de passe|2fa|authentification",
        SECW: "code|sécurité|e-mail|email|téléphone|appareil",
        REQ: "s'il vous plaît|svp|stp|aidez-moi|aidez|merci de",
        ACCOUNT: "compte|comptes|sous-compte|profil",
        TRADE: "stop suiveur|mon long|mon short|ordre|ordres|position|positions|futures|levier|liquidé*|liquidation|transaction*|"
        "acheteur|vendeur|marchand|limite|trading|grid",
        API: "clé api|clés api|clé d'api|signature",
        APP: "historique|relevé|déclaration fiscale|impôts|parrainage|bonus|récompense*|notifications|notification|alertes|alerte|application|appli|site|page|écran|bouton|mise à jour",
        FUNDS: "fonds|argent|solde|pièces|actifs|cryptos",
        ADVICE: "ignorez|ne répondez pas|attention|méfiez-vous|ne partagez jamais|ne partagez pas|ne cliquez pas|rappel|"
        "faites attention|prudence|ne donnez jamais|ne faites pas confiance",
        SCAMTALK: "arnaque*|arnaqueur*|escroc*|escroquerie|faux|fausse*|phishing|hameçonnage",
        COMMUNITY: "recommandez|vous conseillez|lequel est mieux|quelqu'un a testé|quelqu'un sait|quelqu'un suit|quelqu'un connaît|"
        "quelqu'un a déjà|vous tous|tout le monde|les gars",
        LAUGH: "mdr|ptdr|haha*|lol",
        RESOLVED: "déjà crédité|déjà arrivé|c'est arrivé|super rapide|très rapide|ultra rapide|résolu|réglé|c'est bon|bien reçu|merci au support|ça marche",
        INFO: "centre d'aide|article|guide|tutoriel|faq|maintenance|annonce|programmé*",
    },
    "de": {
        OTHERS: "mein cousin|meine cousine|meine frau|mein mann|mein vater|meine mutter|ein freund|ein kumpel|mein kumpel|mein freund|meine freundin|mein bruder",
        YOU: "dein|deine|deinen|deiner|euer|eure|euren",
        APPFAIL: "stürzt ab|öffnet nicht|weißer bildschirm|lädt nicht",
        LOCK: "gesperrt|eingefroren|blockiert|eingeschränkt",
        SOMEONE: "jemand|hacker|fremde*",
        ACTED: "eingeloggt|angemeldet|geändert|abgehoben|überwiesen|verkauft|zugegriffen",
        ME: "ich|mein|meine|meinen|meinem|meiner|mich|mir",
        HELP: "erstatten|zurückerstatten|bitte prüfen|hilfe|helft|helfen|bitte|prüfen|prüft|überprüfen|könnt ihr|können sie|kann jemand",
        URGENT: "dringend",
        STAFF: "support|ticket",
        Q: "wie|warum|wieso|weshalb|was|wo|wann|welche*|ist es möglich|kann man",
        HOWTO: "wo finde ich|wie finde ich|wie bekomme ich|wo bekomme ich|wie verbinde ich|wie stelle ich|wie setze ich|wie kann man|wie kann ich|wie richte ich|wie ändere ich|wie aktiviere ich|wo kann ich|wie mache ich|"
        "ist es möglich|kann man",
        PROBLEM: "nie gab|nie erreicht|nie berührt|schlechteren preis|schlechterer preis|falschen preis|trennt|getrennt|verbindung abgebrochen|bricht ab|bricht ständig ab|funktioniert nicht mehr|kommen nicht mehr|bekomme keine|fehler|fehlgeschlagen|abgelehnt|ungültig|geht nicht|funktioniert nicht|klappt nicht|"
        "kann nicht|komme nicht|falsch*|problem|probleme|bug|stürzt ab",
        BLOCKED: "wo ist mein|wo ist meine|wo sind meine|hängt|hängen|ausstehend|in bearbeitung|wird bearbeitet|nicht angekommen|nicht gutgeschrieben|"
        "nicht erhalten|nie erhalten|gesperrt|eingefroren|blockiert|eingeschränkt|verloren|verschwunden|"
        "erstattung|rückerstattung|entschädigung|beschwerde|falsches netzwerk|zurückholen",
        COMPROMISE: "nie gemacht|nicht gemacht|nie beantragt|nicht beantragt|jemand ist in meinem|jemand ist im konto|unbekanntes gerät|unbekannte geräte|unbekannten gerät|unbekannten geräten|fremdes gerät|unbekannte adresse|verdächtige anmeldung|gehackt|gestohlen|geklaut|leergeräumt|nicht ich|war ich nicht|ohne meine zustimmung|"
        "jemand hat sich|unbefugt*|abgehoben",
        STILL: "immer noch|noch|seit|stunden|tagen|schon",
        NEG: "nicht|kein|keine|nie",
        ARRIVE: "ausgeführt|ausgelöst|angekommen|gutgeschrieben|erhalten|angezeigt|eingegangen",
        DW: "*einzahlung*|*auszahlung*|einzahlen|auszahlen|abheben|überweisung|transfer|adresse|"
        "netzwerk|wallet|senden|gesendet|memo",
        KYC: "verifizierung|verifikation|identität|ausweis|reisepass|dokument*|selfie|gesicht|"
        "identitätsprüfung|kyc",
        SEC: "login|anmelden|anmeldung|eingeloggt|einloggen|passwort|2fa|authentifizierung|authenticator",
        SECW: "code|sicherheit|e-mail|telefonnummer|gerät",
        REQ: "bitte|hilfe|helft",
        ACCOUNT: "konto|kontos|account|unterkonto|profil",
        TRADE: "mein long|mein short|order|orders|position|positionen|futures|hebel|liquidiert|liquidation|trade|handel|"
        "käufer|verkäufer|limit|markt|trading",
        API: "api-schlüssel|api schlüssel|schlüssel|signatur",
        APP: "verlauf|transaktionsverlauf|kontoauszug|*steuer*|empfehlung*|prämie|bonus|belohnung*|benachrichtigung*|preisalarm*|webseite|seite|bildschirm|knopf|button|aktualisierung|update",
        FUNDS: "geld|guthaben|gelder|vermögen|coins|kryptos|saldo",
        ADVICE: "ignoriert|antwortet nicht|gebt niemals|niemals|nie eure|achtung|vorsicht|passt auf|erinnerung|klickt nicht|"
        "teilt nicht|vertraut nicht|warnung|hinweis",
        SCAMTALK: "betrug|betrüger*|fake|gefälscht*|phishing|scam",
        COMMUNITY: "empfehlt|welche nutzt ihr|was nutzt ihr|was ist besser|jemand erfahrung|weiß jemand|hat jemand|kennt jemand|leute|alle|ihr",
        LAUGH: "haha*|lol|xd",
        RESOLVED: "schon gutgeschrieben|bereits gutgeschrieben|schon angekommen|ist angekommen|superschnell|blitzschnell|sehr schnell|gelöst|erledigt|angekommen danke|hat geklappt|funktioniert wieder",
        INFO: "hilfe-center|hilfecenter|artikel|anleitung|faq|wartung|ankündigung|geplant*",
    },
    "it": {
        OTHERS: "mio cugino|mia cugina|mia moglie|mio marito|mio padre|mia madre|un amico|un'amica|mia sorella|il mio amico|la mia amica|mio fratello",
        YOU: "tuo|tua|tuoi|vostro|vostra|vostri",
        APPFAIL: "si blocca|non si apre|schermata bianca|crasha|non carica",
        LOCK: "bloccat*|congelat*|sospes*|limitat*",
        SOMEONE: "qualcuno|hacker",
        ACTED: "entrato|acceduto|cambiato|prelevato|trasferito|venduto|rubato",
        ME: "io|mio|mia|miei|mie|mi|me|ho|sono|non riesco",
        HELP: "rimborsate|aiuto|aiutatemi|aiutare|per favore|perfavore|controllare|controllate|potete|potreste",
        URGENT: "urgente",
        STAFF: "supporto|ticket",
        Q: "come|perché|perche|cosa|dove|quando|quale|è possibile",
        HOWTO: "come faccio a|come si fa|dove trovo|come attivare|come collegare|come impostare|come faccio|come posso|come si|come attivo|come cambio|dove posso|è possibile",
        PROBLEM: "mai raggiunto|mai toccato|prezzo peggiore|prezzo sbagliato|si disconnette|si scollega|cade la connessione|non è valido|non è valida|non valida|non validi|invalido|invalida|non funziona più|errore|errori|fallito|fallisce|rifiutat*|respint*|non valido|non riesco|non funziona|"
        "sbagliat*|problema|problemi|bug",
        BLOCKED: "dov'è il mio|dove sono i miei|dov'è finito|in sospeso|bloccat*|in attesa|in elaborazione|non arrivat*|non accreditat*|non ricevut*|"
        "congelat*|sospes*|limitat*|perso|persi|sparit*|rimborso|risarcimento|reclamo|contestazione|"
        "rete sbagliata|non rilascia",
        COMPROMISE: "che non ho fatto|non ho fatto io|qualcuno è nel mio|qualcuno è dentro|dispositivo sconosciuto|dispositivi sconosciuti|accesso sospetto|indirizzo sconosciuto|hackerat*|rubat*|svuotat*|non sono stato io|senza il mio permesso|"
        "preso il controllo",
        STILL: "ancora|ancora non|da ieri|da stamattina|ore|giorni",
        NEG: "non|mai",
        ARRIVE: "eseguit*|esegue|arrivat*|accreditat*|ricevut*",
        DW: "deposito|depositi|depositare|prelievo|prelievi|prelevare|prelevat*|trasferiment*|bonifico|"
        "indirizzo|rete|portafoglio|wallet|invio|memo",
        KYC: "verifica|identità|documento|documenti|passaporto|selfie|volto|kyc",
        SEC: "accesso|accedere|login|password|2fa|autenticazione",
        SECW: "codice|sicurezza|email|telefono|dispositivo",
        REQ: "per favore|perfavore|aiuto|aiutatemi",
        ACCOUNT: "account|conto|profilo",
        TRADE: "il mio long|il mio short|ordine|ordini|posizione|posizioni|futures|leva|liquidat*|liquidazione|trading|acquirente|"
        "venditore|p2p|grid|copy trading",
        API: "chiave api|chiavi api|firma non valida",
        APP: "cronologia|storico|estratto conto|report fiscale|tasse|referral|bonus|premio|ricompense|notifiche|notifica|avvisi|applicazione|app|sito|pagina|schermata|pulsante|aggiornamento",
        FUNDS: "fondi|soldi|saldo|monete|crypto|asset",
        ADVICE: "ignoratelo|non rispondete|non condividete|non condividere|attenzione|state attenti|fate attenzione|promemoria|"
        "non cliccate|mai nessuno|non fidatevi",
        SCAMTALK: "truffa*|truffator*|falso|falsi|phishing|scam",
        COMMUNITY: "consigliate|consigliereste|quale è meglio|qualcuno|qualcun|ragazzi|tutti|nessuno",
        LAUGH: "ahah*|haha*|lol",
        RESOLVED: "già accreditato|già arrivato|è arrivato|velocissimo|rapidissimo|risolto|sistemato|arrivato grazie|grazie al supporto",
        INFO: "centro assistenza|centro di assistenza|articolo|guida|faq|manutenzione|annuncio|programmat*",
    },
    "nl": {
        OTHERS: "mijn vriend|mijn vriendin|mijn broer|mijn zus|een vriend|mijn neef",
        YOU: "jouw|uw",
        APPFAIL: "crasht|opent niet|wit scherm|laadt niet",
        LOCK: "geblokkeerd|bevroren|opgeschort|beperkt",
        SOMEONE: "iemand|hacker|hackers",
        ACTED: "ingelogd|veranderd|gewijzigd|opgenomen|overgemaakt|verkocht",
        ME: "ik|mijn|me|mij",
        HELP: "help|hulp|alstublieft|alsjeblieft|aub|graag|controleren|kunnen jullie|kan iemand",
        URGENT: "dringend",
        STAFF: "support|ticket",
        Q: "hoe|waarom|wat|waar|wanneer|welke|is het mogelijk",
        HOWTO: "hoe zet ik|hoe koppel ik|hoe activeer ik|waar vind ik|hoe doe ik|hoe kan ik|hoe moet ik|hoe stel ik|waar kan ik|is het mogelijk",
        PROBLEM: "nooit bereikt|slechtere prijs|verbreekt|valt weg|fout|foutmelding|mislukt|geweigerd|afgewezen|ongeldig|lukt niet|werkt niet|kan niet|"
        "verkeerd*|probleem|problemen|bug",
        BLOCKED: "waar is mijn|waar zijn mijn|vast|hangt|in behandeling|in afwachting|niet ontvangen|niet bijgeschreven|niet aangekomen|"
        "geblokkeerd|bevroren|opgeschort|beperkt|kwijt|verdwenen|terugbetaling|compensatie|klacht|"
        "verkeerd netwerk",
        COMPROMISE: "niet gedaan|nooit aangevraagd|iemand zit in mijn account|onbekend apparaat|onbekende apparaten|onbekend adres|verdachte login|gehackt|gestolen|leeggehaald|niet ik|zonder mijn toestemming|iemand heeft ingelogd|"
        "iemand heeft",
        STILL: "nog steeds|nog|sinds|uur|dagen|al",
        NEG: "niet|geen|nooit",
        ARRIVE: "uitgevoerd|ontvangen|bijgeschreven|aangekomen|binnen",
        DW: "*storting*|storten|opname|opnemen|*opnames|overboeking|overschrijving|adres|netwerk|wallet|"
        "verzonden|memo",
        KYC: "verificatie|identiteit|paspoort|document*|selfie|gezicht|id-kaart|kyc",
        SEC: "inloggen|login|wachtwoord|2fa|authenticatie",
        SECW: "code|beveiliging|e-mailadres|e-mail|telefoonnummer|apparaat",
        REQ: "alstublieft|alsjeblieft|aub|graag|help",
        ACCOUNT: "account|rekening|profiel",
        TRADE: "order|orders|positie|posities|futures|hefboom|geliquideerd|liquidatie|handel|koper|"
        "verkoper|trading",
        API: "api-sleutel|api sleutel|handtekening",
        APP: "geschiedenis|transactiegeschiedenis|afschrift|belasting*|verwijzing*|bonus|beloning*|meldingen|notificaties|applicatie|website|pagina|scherm|knop|update",
        FUNDS: "geld|saldo|tegoed|munten|fondsen",
        ADVICE: "negeer|niet reageren|let op|pas op|wees voorzichtig|deel nooit|nooit|herinnering|klik niet|vertrouw niet|waarschuwing",
        SCAMTALK: "oplichter*|oplichting|nep|fraude|phishing|scam",
        COMMUNITY: "raden jullie|aanraden|wat gebruiken jullie|iemand|iedereen|jongens|mensen",
        LAUGH: "haha*|lol",
        RESOLVED: "al binnen|is binnen|al bijgeschreven|supersnel|razendsnel|opgelost|gelukt|binnen bedankt",
        INFO: "helpcentrum|artikel|handleiding|faq|onderhoud|aankondiging|gepland",
    },
    "pl": {
        OTHERS: "mój brat|moja siostra|mój kuzyn|moja żona|mój mąż|mój kolega|moja koleżanka|mój znajomy",
        YOU: "twoje|twój|twoja|wasz|wasze",
        APPFAIL: "wywala|nie otwiera się|biały ekran|nie ładuje",
        LOCK: "zablokowan*|zamrożon*|blokad*|ograniczon*",
        SOMEONE: "ktoś|haker*",
        ACTED: "zalogował*|zmienił*|wypłacił*|przelał*|sprzedał*|ukradł*",
        ME: "ja|mój|moja|moje|moich|mnie|mi|mam|nie mogę|wpłaciłem|wpłaciłam|wypłaciłem|wypłaciłam",
        HELP: "pomocy|pomóżcie|pomoc|proszę|prosze|sprawdźcie",
        URGENT: "pilne|pilnie",
        STAFF: "wsparcie|ticket",
        Q: "jak|dlaczego|czemu|co|gdzie|kiedy|który|która|czy można",
        HOWTO: "jak ustawić|jak podłączyć|gdzie znajdę|jak dodać|jak wpłacić|jak mogę|jak zmienić|jak włączyć|jak wypłacić|gdzie mogę|czy można",
        PROBLEM: "nigdy nie osiągnęła|nigdy nie było|gorszej cenie|gorsza cena|złej cenie|rozłącza|zrywa połączenie|błąd|błędu|nieudan*|odrzucon*|nieprawidłow*|nie mogę|nie działa|nie da się|problem*|bug",
        BLOCKED: "zwrot*|gdzie są moje|gdzie jest mój|gdzie moje|wisi|oczekując*|w trakcie|nie doszł*|nie dotarł*|nie zaksięgowan*|nie otrzymał*|"
        "zablokowan*|zamrożon*|blokad*|ograniczon*|zniknęł*|straciłem|zwrot|rekompensat*|reklamacj*|"
        "zła sieć",
        COMPROMISE: "których nie robiłem|nie robiłem|nie zlecałem|ktoś jest na moim koncie|nieznane urządzenie|nieznanego urządzenia|nieznany adres|podejrzane logowanie|włamał*|włamanie|zhakowan*|ukradli|ukradzion*|kradzież|to nie ja|bez mojej zgody|"
        "ktoś się zalogował|ktoś wypłacił",
        STILL: "nadal|wciąż|jeszcze|od rana|od wczoraj|godzin|dni",
        NEG: "nie|brak",
        ARRIVE: "wykonało się|wykonan*|wykonuje|zrealizowan*|doszł*|dotarł*|zaksięgowan*|otrzymał*",
        DW: "wpłat*|wypłat*|wypłacił*|przelew*|adres*|sieć|sieci|portfel*|transfer*",
        KYC: "weryfikacj*|tożsamoś*|dowód|paszport*|dokument*|selfie|twarz*",
        SEC: "logowani*|zalogować|hasło|hasła|2fa",
        SECW: "kod*|bezpieczeństw*|e-mail|telefon*|urządzeni*",
        REQ: "proszę|prosze|pomocy|pomóżcie",
        ACCOUNT: "konto|konta|kontem|koncie|profil*",
        TRADE: "limit|mój long|mój short|zlecenie|zlecenia|pozycj*|kontrakty|dźwigni*|likwidacj*|zlikwidowan*|transakcj*|"
        "kupując*|sprzedając*|handel",
        API: "klucz*|podpis*|zapytani*",
        APP: "histori*|wyciąg|podatk*|raport podatkowy|bonus*|nagrod*|powiadomien*|aplikacj*|stron*|ekran*|przycisk*|aktualizacj*",
        FUNDS: "środki|środków|pieniądze|saldo|monety|aktywa",
        ADVICE: "ignorujcie|nie odpisujcie|uważajcie|uważaj|nie podawajcie|nigdy nie|nie klikajcie|przypominam|przypomnienie|uwaga|"
        "ostrożnie",
        SCAMTALK: "oszust*|oszustw*|fałszyw*|scam*|phishing",
        COMMUNITY: "polecacie|co polecacie|który lepszy|ktoś|ktokolwiek|wszyscy|ludzie",
        LAUGH: "haha*|xd",
        RESOLVED: "już doszło|już doszły|już przyszło|już zaksięgowane|bardzo szybko|błyskawicznie|rozwiązane|załatwione|doszło dzięki|dzięki za pomoc",
        INFO: "centrum pomocy|artykuł|poradnik|faq|konserwacj*|ogłoszeni*|przerwa techniczna",
    },
    "ar": {
        OTHERS: "صديقي|أخي|اختي|أختي",
        YOU: "حسابك|أموالك|محفظتك",
        APPFAIL: "يتوقف التطبيق|لا يفتح|شاشة بيضاء|لا يتم التحميل",
        LOCK: "*مجمد*|*تجميد*|*مقفل*|*محظور*|*مقيد*|*مغلق*",
        SOMEONE: "شخص ما|أحدهم|شخص|هاكر|المخترق",
        ACTED: "دخل|غير|غيّر|سحب|حول|حوّل|باع",
        ME: "أنا|انا|لي|حسابي|رصيدي|أموالي|اموالي|محفظتي|قمت|لقد|لا أستطيع|لا استطيع|عندي|بي",
        HELP: "ساعدوني|مساعدة|ساعدني|أرجو|ارجو|من فضلك|الرجاء|يرجى|تحقق|راجعوا",
        URGENT: "عاجل|فوراً|فورا",
        STAFF: "الدعم",
        Q: "كيف|لماذا|ماذا|أين|اين|متى|هل|ما",
        HOWTO: "كيف يمكنني|كيف أقوم|كيف اقوم|كيفية|طريقة|هل يمكن|هل يمكنني",
        PROBLEM: "خطأ|فشل|فشلت|مرفوض|رفض|غير صالح|لا أستطيع|لا استطيع|لا يعمل|مشكلة|مشكله",
        BLOCKED: "*معلق*|قيد المعالجة|لم تصل|لم يصل|لم يتم|لم أستلم|لم استلم|*مجمد*|*تجميد*|*مقفل*|*محظور*|*مقيد*|*اختفى*|*اختفت*|ضاع|*فقدت*|*استرداد*|*تعويض*|*نزاع*|شبكة خاطئة",
        COMPROMISE: "ما سويته|لم أقم به|ما عملته|أحد داخل حسابي|شخص داخل حسابي|جهاز غير معروف|عنوان غير معروف|اختراق|مخترق|تم اختراق|سرق*|مسروق*|بدون إذني|بدون علمي|لست أنا|شخص ما دخل|دخل أحد",
        STILL: "من الصباح|من امس|من أمس|حتى الآن|حتى الان|منذ|ما زال|مازال|لا يزال|ساعات|ساعتين|أيام",
        NEG: "لم|لا|ليس|ما",
        ARRIVE: "تظهر|يظهر|ظهرت|تصل|يصل|وصل*|استلم*",
        DW: "أودعت|اودعت|حولت|سحبت|*إيداع*|*ايداع*|*الإيداع*|*الايداع*|*بإيداع*|سحب|*السحب*|*وسحب*|*تحويل*|*التحويل*|*عنوان*|*العنوان*|*شبكة*|*الشبكة*|*محفظة*|*المحفظة*",
        KYC: "*التحقق*|تحقق الهوية|*الهوية*|*هوية*|*جواز*|*وثيقة*|*وثائق*|*سيلفي*|*الوجه*|*توثيق*",
        SEC: "تسجيل الدخول|الدخول|كلمة المرور|كلمة السر|التحقق بخطوتين",
        SECW: "رمز|الأمان|البريد|الهاتف|جهاز",
        REQ: "أرجو|ارجو|من فضلك|الرجاء|يرجى|ساعدوني|ساعدني",
        ACCOUNT: "*حساب*|*الحساب*|*حسابي*|*حسابات*",
        TRADE: "أمر|*الأمر*|*أوامر*|*صفقة*|*صفقات*|*مركز*|*العقود*|*رافعة*|*تصفية*|*التداول*|*تداول*|*المشتري*|*البائع*",
        API: "مفتاح|مفتاح api|توقيع",
        APP: "سجل المعاملات|كشف حساب|الضرائب|الإحالة|مكافأة|مكافآت|إشعارات|الإشعارات|التطبيق|تطبيق|الموقع|موقع|الصفحة|الشاشة|زر|تحديث",
        FUNDS: "*الأموال*|*اموال*|*أموال*|*رصيد*|*رصيدي*|*المال*|*العملات*|*الأصول*|*فلوس*",
        ADVICE: "تجاهلوه|لا تردوا|احذروا|احذر|انتبهوا|انتبه|لا تشارك|لا تشاركوا|لا تضغط|تذكير|تنبيه|حذاري|لا تثقوا",
        SCAMTALK: "احتيال|محتال*|نصاب*|مزيف*|مزيفة|وهمي*|تصيد",
        COMMUNITY: "تنصحوني|تنصحون|هل أحد|هل يوجد أحد|أحد|الجميع|يا جماعة|شباب",
        LAUGH: "هههه*|خخخ*",
        RESOLVED: "وصلت الحمد لله|تم الإيداع بنجاح|وصل المبلغ|تم الحل|تم حل|وصلت شكرا|شكرا للدعم",
        INFO: "مركز المساعدة|مقال|دليل|صيانة|إعلان|اعلان",
    },
    "fa": {
        OTHERS: "دوستم|برادرم|خواهرم",
        YOU: "حسابتان|حسابت|حساب شما",
        APPFAIL: "باز نمیشه|باز نمی‌شود|کرش|صفحه سفید",
        LOCK: "مسدود*|فریز*|قفل*|محدود*",
        SOMEONE: "کسی|شخصی|هکر",
        ACTED: "وارد|تغییر|برداشت|منتقل|فروخت",
        ME: "من|مال من|حسابم|موجودیم|پولم|کیف پولم|نمی‌توانم|نمیتونم|نمی‌تونم|برداشتم|واریزم",
        HELP: "کمک|لطفا|لطفاً|بررسی کنید|رسیدگی|راهنمایی",
        URGENT: "فوری",
        STAFF: "پشتیبانی",
        Q: "چطور|چرا|چه|کجا|کی|آیا|چیکار",
        HOWTO: "چطور می‌توانم|چطور میتونم|چگونه|روش|نحوه",
        PROBLEM: "خطا|ارور|ناموفق|رد شد|نامعتبر|نمی‌توانم|نمیتونم|نمی‌تونم|کار نمی‌کند|کار نمیکنه|مشکل",
        BLOCKED: "در انتظار|انتظار|معلق|گیر کرده|نرسیده|واریز نشده|نیامده|نیومده|مسدود*|فریز|قفل|"
        "محدود|گم شده|از دست|بازگشت وجه|جبران|شکایت|شبکه اشتباه",
        COMPROMISE: "من انجام ندادم|کسی وارد حسابم|دستگاه ناشناس|آدرس ناشناس|هک شده|هک|دزدیده|سرقت|بدون اجازه|من نبودم|کسی وارد|خالی کردند|برداشت کرده‌اند",
        STILL: "هنوز|از دیروز|از صبح|ساعت|روز",
        NEG: "نه|نشده|ن",
        ARRIVE: "رسید|واریز شد|نشست",
        DW: "واریز*|برداشت*|انتقال*|آدرس*|شبکه*|کیف پول|ممو*|تگ",
        KYC: "احراز هویت|احراز*|هویت*|مدارک*|پاسپورت*|کارت ملی|سلفی*|چهره*",
        SEC: "ورود|رمز عبور|رمز|پسورد|دو مرحله‌ای",
        SECW: "کد|امنیت|ایمیل|شماره تلفن|دستگاه",
        REQ: "لطفا|لطفاً|کمک",
        ACCOUNT: "حساب*|اکانت*|حسابم*",
        TRADE: "سفارش*|پوزیشن*|فیوچرز*|اهرم*|لیکوئید*|لیکویید*|معامله*|معاملات*|خریدار*|فروشنده*",
        API: "کلید api|کلید|امضا",
        APP: "تاریخچه|مالیات|معرفی|پاداش|اعلان*|اپلیکیشن|برنامه|سایت|صفحه|دکمه|آپدیت|به‌روزرسانی",
        FUNDS: "موجودی*|پول*|دارایی*|سرمایه*|تتر*",
        ADVICE: "مراقب باشید|مراقب|مواظب|هرگز|هیچوقت|هیچ‌وقت|توجه|هشدار|یادآوری|کلیک نکنید",
        SCAMTALK: "کلاهبردار*|کلاهبرداری|جعلی|فیشینگ|اسکم",
        COMMUNITY: "کسی|همه|دوستان|بچه‌ها|بچه ها",
        LAUGH: "خخخ*|ههه*",
        RESOLVED: "حل شد|رسید ممنون|رسید، ممنون|سریع رسید|ممنون از پشتیبانی",
        INFO: "مرکز راهنما|مقاله|تعمیرات|اطلاعیه|به‌روزرسانی برنامه‌ریزی",
    },
    "hi": {
        OTHERS: "मेरे दोस्त|मेरा दोस्त|मेरे भाई|मेरी बहन",
        YOU: "आपका|आपकी|आपके",
        APPFAIL: "क्रैश|नहीं खुल|खुल नहीं",
        LOCK: "फ्रीज|ब्लॉक|लॉक|प्रतिबंधित",
        SOMEONE: "किसी ने|कोई और|हैकर",
        ACTED: "लॉगिन|बदल|निकाल|ट्रांसफर|बेच",
        ME: "mera|meri|mujhe|maine|मेरा|मेरी|मेरे|मैं|मुझे|मैंने|हमारा",
        HELP: "please|madad|help karo|check karo|dekho|मदद|सहायता|कृपया|प्लीज|चेक करें|देखें",
        URGENT: "जल्दी|तुरंत",
        STAFF: "सपोर्ट",
        Q: "कैसे|क्यों|क्या|कहाँ|कहां|कब|कौन",
        HOWTO: "कैसे करें|कैसे करूँ|कैसे करूं|तरीका|कैसे बदलें",
        PROBLEM: "त्रुटि|एरर|विफल|फेल|अस्वीकार|रिजेक्ट|नहीं हो रहा|नहीं कर पा|काम नहीं|समस्या|दिक्कत|गलत",
        BLOCKED: "nahi aaya|nahi aya|nahi mila|pending hai|atak gaya|atka hai|पेंडिंग|अटका|अटक|लंबित|नहीं आया|नहीं आए|नहीं मिला|नहीं पहुंचा|जमा नहीं|फ्रीज|ब्लॉक|"
        "लॉक|प्रतिबंधित|गायब|खो|रिफंड|वापसी|मुआवजा|गलत नेटवर्क",
        COMPROMISE: "अनजान डिवाइस|अज्ञात डिवाइस|हैक|चोरी|चुरा|बिना अनुमति|मैंने नहीं किया|किसी ने लॉगिन|निकाल लिए|खाली कर",
        STILL: "abhi tak|ghante|din se|अभी तक|अब तक|घंटे|दिन",
        NEG: "नहीं|न",
        ARRIVE: "आया|आए|मिला|पहुंचा|जमा हुआ",
        DW: "deposit|withdrawal|withdraw|paisa|जमा|निकासी|विड्रॉल|डिपॉजिट|ट्रांसफर|पता|एड्रेस|नेटवर्क|वॉलेट",
        KYC: "केवाईसी|सत्यापन|वेरिफिकेशन|पहचान|पासपोर्ट|आधार|पैन|दस्तावेज|सेल्फी|चेहरा",
        SEC: "लॉगिन|पासवर्ड|ओटीपी|2fa",
        SECW: "कोड|सुरक्षा|ईमेल|फोन नंबर|डिवाइस",
        REQ: "कृपया|प्लीज|मदद",
        ACCOUNT: "खाता|अकाउंट|एकाउंट",
        TRADE: "ऑर्डर|पोजीशन|फ्यूचर्स|लीवरेज|लिक्विडेट|लिक्विडेशन|ट्रेड|ट्रेडिंग|खरीदार|विक्रेता",
        API: "कुंजी|api key|हस्ताक्षर",
        APP: "हिस्ट्री|स्टेटमेंट|टैक्स|रेफरल|बोनस|इनाम|नोटिफिकेशन|ऐप|एप|वेबसाइट|साइट|पेज|स्क्रीन|बटन|अपडेट",
        FUNDS: "पैसे|पैसा|फंड|बैलेंस|शेष|राशि|कॉइन|संपत्ति",
        ADVICE: "सावधान|सावधान रहें|ध्यान दें|कभी भी|कभी न|शेयर न करें|क्लिक न करें|याद रखें|चेतावनी",
        SCAMTALK: "धोखा|धोखाधड़ी|ठग|फर्जी|नकली|स्कैम|फ़िशिंग",
        COMMUNITY: "कोई|सभी|दोस्तों|भाइयों",
        LAUGH: "हाहा*|lol",
        RESOLVED: "आ गया|मिल गया|जमा हो गया|हल हो गया|आ गया धन्यवाद|समाधान हो गया",
        INFO: "हेल्प सेंटर|लेख|गाइड|मेंटेनेंस|रखरखाव|घोषणा",
    },
    "th": {
        OTHERS: "เพื่อนผม|เพื่อนฉัน|พี่ชาย|น้องชาย",
        YOU: "ของคุณ",
        APPFAIL: "เด้ง|เปิดไม่ได้|จอขาว|โหลดไม่ขึ้น",
        LOCK: "ระงับ|ล็อค|ล็อก|อายัด|จำกัด",
        SOMEONE: "มีคน|ใครบางคน|คนอื่น|แฮกเกอร์",
        ACTED: "เปลี่ยน|ถอน|โอน|ขาย",
        ME: "ผม|ฉัน|หนู|เรา|ของผม|ของฉัน|ดิฉัน|กระผม",
        HELP: "ช่วย|ช่วยด้วย|รบกวน|กรุณา|ตรวจสอบ|แก้ไข",
        URGENT: "ด่วน",
        STAFF: "แอดมิน|ซัพพอร์ต",
        Q: "ไหม|มั้ย|ยังไง|อย่างไร|ทำไม|ที่ไหน|เมื่อไหร่|อะไร|หรือเปล่า|ได้ไหม",
        HOWTO: "ทำยังไง|ทำอย่างไร|วิธี|ได้ที่ไหน",
        PROBLEM: "ผิดพลาด|ล้มเหลว|ไม่สำเร็จ|ถูกปฏิเสธ|ไม่ผ่าน|ไม่ได้|ใช้ไม่ได้|มีปัญหา|ปัญหา|ผิด|error",
        BLOCKED: "ค้าง|รอดำเนินการ|กำลังดำเนินการ|ยังไม่เข้า|ไม่เข้า|ไม่ได้รับ|ยังไม่ได้รับ|ระงับ|ล็อค|ล็อก|"
        "อายัด|จำกัด|หายไป|หาย|คืนเงิน|ชดเชย|ร้องเรียน|ผิดเครือข่าย",
        COMPROMISE: "อุปกรณ์ที่ไม่รู้จัก|ที่อยู่ที่ไม่รู้จัก|โดนแฮก|ถูกแฮก|แฮก|ขโมย|ถูกขโมย|ไม่ใช่ผม|ไม่ใช่ฉัน|ไม่ได้ทำ|มีคนเข้า|ถูกถอน|ถอนออกไปหมด",
        STILL: "ยัง|ยังไม่|ตั้งแต่|ชั่วโมง|วันแล้ว",
        NEG: "ไม่|ยังไม่",
        ARRIVE: "เข้า|ได้รับ|ถึง",
        DW: "txid|trc20|erc20|bep20|ฝาก|ถอน|โอน|ที่อยู่|เครือข่าย|กระเป๋า|วอลเล็ท|ฝากเงิน|ถอนเงิน",
        KYC: "kyc|ยืนยันตัวตน|เควายซี|บัตรประชาชน|พาสปอร์ต|เอกสาร|เซลฟี่|ใบหน้า",
        SEC: "2fa|เข้าสู่ระบบ|ล็อกอิน|รหัสผ่าน|otp",
        SECW: "รหัส|ความปลอดภัย|อีเมล|เบอร์โทร|อุปกรณ์",
        REQ: "กรุณา|รบกวน|ช่วย|ช่วยด้วย",
        ACCOUNT: "บัญชี|แอคเคาท์",
        TRADE: "p2p|คำสั่ง|ออเดอร์|โพสิชั่น|ฟิวเจอร์ส|เลเวอเรจ|ถูกบังคับขาย|ลิควิด|เทรด|ซื้อขาย|ผู้ซื้อ|ผู้ขาย",
        API: "api|websocket|คีย์|ลายเซ็น",
        APP: "ประวัติ|ภาษี|แนะนำเพื่อน|โบนัส|รางวัล|การแจ้งเตือน|แจ้งเตือน|แอป|แอพ|เว็บไซต์|เว็บ|หน้าจอ|ปุ่ม|อัปเดต",
        FUNDS: "usdt|usdc|เงิน|ยอดเงิน|สินทรัพย์|เหรียญ",
        ADVICE: "ระวัง|โปรดระวัง|อย่า|อย่าแชร์|อย่ากด|เตือน|คำเตือน|ไม่มีนโยบาย",
        SCAMTALK: "มิจฉาชีพ|หลอกลวง|หลอก|ปลอม|ฟิชชิ่ง|สแกม",
        COMMUNITY: "มีใคร|ใครรู้|ทุกคน|เพื่อนๆ",
        LAUGH: "555*|ฮ่า*",
        RESOLVED: "แก้ไขแล้ว|ได้รับแล้ว|เข้าแล้ว ขอบคุณ|เรียบร้อยแล้ว",
        INFO: "ศูนย์ช่วยเหลือ|บทความ|คู่มือ|ปิดปรับปรุง|ประกาศ",
    },
    "tl": {
        OTHERS: "kaibigan ko|kapatid ko|pinsan ko",
        APP: "history|referral|bonus|notification",
        ME: "ako|ko|akin|aking",
        YOU: "mo|iyo|ikaw|kayo|ninyo",
        HELP: "tulong|tulungan|paki|pakitingnan|pakicheck|po",
        URGENT: "asap",
        REQ: "paki|pakitingnan|pakicheck|tulong po|tulungan niyo",
        STAFF: "admin|support|cs",
        Q: "paano|bakit|ano|saan|kailan|pwede ba",
        HOWTO: "paano mag|paano ko|paano po|paano ba",
        PROBLEM: "error|hindi ko ma|hindi ma|ayaw|nagka-problema|problema|mali|failed|hindi gumagana",
        BLOCKED: "pending|stuck|hindi pa pumapasok|hindi pumasok|hindi pa dumarating|hindi dumating|nawala|"
        "na-freeze|naka-lock|na-lock|refund|nawawala|hindi pa natatanggap",
        LOCK: "na-freeze|naka-lock|na-lock|naka-hold|suspended|na-suspend",
        COMPROMISE: "naubos|inubos|hindi kilalang device|na-hack|nahack|ninakaw|hindi ako|may nag-login|na-drain|nalimas",
        SOMEONE: "may ibang tao|ibang tao|may tao",
        ACTED: "nag-login|nag-withdraw|pinalitan|kinuha",
        STILL: "hanggang ngayon|pa rin|parin|oras na|araw na",
        NEG: "hindi|di|wala",
        ARRIVE: "pumasok|pumapasok|dumating|natanggap|pumasok na",
        DW: "deposit|nag-deposit|withdraw|nag-withdraw|cash in|cash out|padala|address|network|wallet|gcash",
        KYC: "verification|verify|id|selfie|mukha|dokumento",
        SEC: "login|mag-login|password|2fa|otp",
        SECW: "code|email|numero|cellphone",
        ACCOUNT: "account|akawnt",
        TRADE: "order|futures|p2p|buyer|seller|trade|liquidated",
        FUNDS: "pera|balance|pondo|coins",
        ADVICE: "ingat|mag-ingat|huwag|wag ibigay|paalala|babala",
        SCAMTALK: "scam|scammer|manloloko|peke|budol",
        COMMUNITY: "may nakakaalam|sino|lahat|mga kaibigan",
        LAUGH: "haha*|hehe*|lol",
        RESOLVED: "naayos na|pumasok na salamat|salamat admin|okay na",
        INFO: "help center|gabay|maintenance|anunsyo",
    },
    "ur": {
        OTHERS: "میرا دوست|میرے دوست|میرا بھائی",
        ME: "میں|میرا|میری|میرے|مجھے|ہمارا",
        YOU: "آپ|آپ کا|آپ کی|تم|تمہارا",
        HELP: "مدد|براہ کرم|برائے مہربانی|پلیز",
        URGENT: "جلدی|فوری",
        REQ: "براہ کرم|برائے مہربانی|پلیز|مدد کریں",
        STAFF: "سپورٹ|ایڈمن",
        Q: "کیسے|کیوں|کیا|کہاں|کب",
        HOWTO: "کیسے کریں|طریقہ",
        PROBLEM: "مسترد|رد ہو|رد کر|مسئلہ|غلط|ناکام|ایرر|نہیں ہو رہا|نہیں کر پا",
        BLOCKED: "پینڈنگ|نہیں آیا|نہیں آئے|نہیں ملا|موصول نہیں|پھنس|بلاک|فریز|غائب|ریفنڈ",
        LOCK: "بلاک|فریز|لاک|معطل",
        COMPROMISE: "ہیک|چوری|میں نے نہیں کیا|بغیر اجازت",
        SOMEONE: "کسی نے|کوئی اور",
        ACTED: "لاگ ان|نکال|تبدیل|ٹرانسفر",
        STILL: "ابھی تک|اب تک|گھنٹے|دن",
        NEG: "نہیں|نہ",
        ARRIVE: "آیا|آئے|ملا|پہنچا",
        DW: "ڈپازٹ|جمع|ودڈرا|نکالنا|نکلوانا|ٹرانسفر|ایڈریس|نیٹ ورک|والٹ",
        KYC: "کے وائی سی|تصدیق|شناخت|شناختی کارڈ|پاسپورٹ|سیلفی",
        SEC: "لاگ ان|پاس ورڈ|2fa",
        SECW: "کوڈ|ای میل|فون نمبر",
        ACCOUNT: "اکاؤنٹ|کھاتہ",
        TRADE: "آرڈر|فیوچرز|ٹریڈ|ٹریڈنگ|لیکویڈیٹ|خریدار|بیچنے والا",
        FUNDS: "پیسے|رقم|بیلنس|فنڈز",
        ADVICE: "ہوشیار|خبردار|کبھی نہ|شیئر نہ کریں|یاد رکھیں",
        SCAMTALK: "فراڈ|دھوکہ|جعلی|اسکیم",
        COMMUNITY: "کوئی|سب|دوستو",
        LAUGH: "ہاہا*",
        RESOLVED: "حل ہو گیا|آ گیا شکریہ",
        INFO: "مینٹیننس|اعلان",
    },
    "ms": {
        OTHERS: "kawan saya|kawan aku|abang saya|kakak saya|adik saya",
        APP: "sejarah transaksi|penyata|cukai|rujukan|bonus|ganjaran|notifikasi|pemberitahuan",
        ME: "saya|aku|sy",
        YOU: "anda|awak|kamu",
        HELP: "tolong|bantu|mohon|check|semak",
        URGENT: "segera",
        REQ: "tolong|mohon|bantu",
        STAFF: "admin|cs|support",
        Q: "bagaimana|macam mana|kenapa|mengapa|apa|bila|mana",
        HOWTO: "macam mana nak|bagaimana cara|cara",
        PROBLEM: "gagal|error|ralat|tak boleh|tidak boleh|masalah|salah|ditolak",
        BLOCKED: "pending|tersangkut|belum masuk|tak masuk|tidak masuk|belum terima|hilang|dibekukan|disekat|refund",
        LOCK: "bekukan|sekat|dibekukan|disekat|dikunci|digantung",
        COMPROMISE: "bukan saya buat|diambil alih|godam|kena godam|peranti tidak dikenali|alamat yang saya tak kenal|digodam|kena hack|dicuri|bukan saya|tanpa izin",
        SOMEONE: "seseorang|orang lain",
        ACTED: "dikeluarkan|ditukar|dipindahkan|login|log masuk|keluarkan|tukar|pindah",
        STILL: "masih|belum|lagi|sejak|jam|hari",
        NEG: "tak|tidak|belum",
        ARRIVE: "masuk|terima|sampai",
        DW: "deposit|depo|pengeluaran|keluarkan|withdraw|pindahan|alamat|rangkaian|dompet",
        KYC: "pengesahan|verifikasi|identiti|ic|pasport|dokumen|selfie",
        SEC: "log masuk|login|kata laluan|password|2fa|otp",
        SECW: "kod|emel|nombor telefon",
        ACCOUNT: "akaun",
        TRADE: "pesanan|order|niaga|dagangan|futures|pembeli|penjual",
        FUNDS: "duit|wang|baki|dana|syiling",
        ADVICE: "hati-hati|berhati-hati|jangan|peringatan|awas",
        SCAMTALK: "penipuan|penipu|palsu|scam",
        COMMUNITY: "ada sesiapa|sesiapa|semua|geng",
        LAUGH: "haha*|wkwk*",
        RESOLVED: "dah terima|sudah terima|cepat gila|laju gila|dah selesai|sudah masuk|dah masuk terima kasih",
        INFO: "pusat bantuan|artikel|panduan|penyelenggaraan|pengumuman",
    },
    "ro": {
        OTHERS: "prietenul meu|prietena mea|fratele meu|sora mea",
        APP: "istoric|extras|taxe|recomandare|bonus|notificări|notificari",
        ME: "eu|meu|mea|mei|mele|mi|mie|mă|am",
        YOU: "tu|voi|dumneavoastră|tău|ta|vostru",
        HELP: "ajutor|ajutați-mă|vă rog|va rog|verificați",
        URGENT: "urgent",
        REQ: "vă rog|va rog|ajutor|ajutați-mă",
        STAFF: "suport|admin",
        Q: "cum|de ce|ce|unde|când|care",
        HOWTO: "cum pot|cum fac|cum se",
        PROBLEM: "respinsă|respinse|respinși|eroare|eșuat|esuat|respins|nu pot|nu merge|nu funcționează|problemă|problema|greșit",
        BLOCKED: "în așteptare|in asteptare|blocat*|nu a ajuns|nu au ajuns|nu am primit|nu apare|înghețat|dispărut|rambursare",
        LOCK: "blocat*|înghețat*|suspendat*|restricționat*",
        COMPROMISE: "nu am făcut eu|cineva e în contul meu|dispozitiv necunoscut|adresă necunoscută|spart|hackuit|furat|nu am fost eu|fără permisiunea",
        SOMEONE: "cineva",
        ACTED: "logat|retras|schimbat|transferat",
        STILL: "încă|inca|de ieri|ore|zile",
        NEG: "nu",
        ARRIVE: "ajuns|primit|apare|creditat",
        DW: "depuner*|depozit*|retrager*|retras|transfer*|adres*|rețea|rețeaua|retea|reteaua|portofel*|trimis",
        KYC: "verificar*|identit*|buletinul|pașaportul|documentul|documentele|verificare|identitate|buletin|pașaport|document|selfie",
        SEC: "autentificare|parolă|parola|2fa|logare",
        SECW: "cod|email|telefon",
        ACCOUNT: "cont|contul|contului|conturi*",
        TRADE: "ordin|poziție|futures|lichidat|tranzacționare|cumpărător|vânzător",
        FUNDS: "bani|sold|fonduri|monede",
        ADVICE: "atenție|atentie|aveți grijă|nu dați|niciodată|nu împărtășiți",
        SCAMTALK: "țeapă|teapa|escroc*|fals*|scam",
        COMMUNITY: "cineva știe|toți|oameni",
        LAUGH: "haha*",
        RESOLVED: "rezolvat|a ajuns mulțumesc",
        INFO: "centrul de ajutor|articol|ghid|mentenanță|anunț",
    },
    "bn": {
        ME: "আমার|আমি|আমাকে|আমরা",
        YOU: "আপনার|তোমার|তোর",
        HELP: "সাহায্য|দয়া করে|অনুগ্রহ করে|প্লিজ|দেখুন|চেক করুন|হেল্প",
        URGENT: "জরুরি|দ্রুত|তাড়াতাড়ি",
        REQ: "দয়া করে|অনুগ্রহ করে|প্লিজ|সাহায্য করুন",
        STAFF: "সাপোর্ট|এডমিন|অ্যাডমিন",
        Q: "কিভাবে|কীভাবে|কেন|কি|কী|কোথায়|কখন",
        HOWTO: "কিভাবে করব|কীভাবে করব|কিভাবে|কীভাবে|উপায়",
        PROBLEM: "সমস্যা|ভুল|ব্যর্থ|এরর|হচ্ছে না|পারছি না|কাজ করছে না|রিজেক্ট|বাতিল",
        BLOCKED: "পেন্ডিং|আটকে|আসেনি|আসে নি|পাইনি|পাই নি|জমা হয়নি|ব্লক|ফ্রিজ|হারিয়ে|রিফান্ড",
        LOCK: "ব্লক|ফ্রিজ|লক|স্থগিত",
        COMPROMISE: "হ্যাক|চুরি|তুলে নিয়েছে|আমি করিনি|অনুমতি ছাড়া",
        SOMEONE: "কেউ|অন্য কেউ|হ্যাকার",
        ACTED: "লগইন|তুলে|পরিবর্তন|ট্রান্সফার",
        STILL: "এখনও|এখনো|ঘণ্টা|দিন|থেকে",
        NEG: "না|নি|নেই",
        ARRIVE: "এসেছে|পেয়েছি|জমা হয়েছে",
        DW: "ডিপোজিট|উইথড্র|উত্তোলন|জমা|ট্রান্সফার|ঠিকানা|নেটওয়ার্ক|ওয়ালেট",
        KYC: "কেওয়াইসি|যাচাই|ভেরিফিকেশন|পরিচয়|এনআইডি|পাসপোর্ট|সেলফি",
        SEC: "লগইন|পাসওয়ার্ড|ওটিপি",
        SECW: "কোড|ইমেইল|ফোন নম্বর",
        ACCOUNT: "অ্যাকাউন্ট|একাউন্ট|অ্যাকাউন্টে|একাউন্টে",
        TRADE: "অর্ডার|ফিউচার|ট্রেড|ট্রেডিং|ক্রেতা|বিক্রেতা",
        APP: "অ্যাপ|অ্যাপস|ওয়েবসাইট",
        FUNDS: "টাকা|ব্যালেন্স|ফান্ড|কয়েন",
        ADVICE: "সাবধান|সতর্ক|কখনও|শেয়ার করবেন না",
        SCAMTALK: "প্রতারক|প্রতারণা|ভুয়া|স্ক্যাম",
        COMMUNITY: "কেউ কি|সবাই|ভাইয়েরা|বন্ধুরা",
        LAUGH: "হাহা*",
        RESOLVED: "সমাধান হয়েছে|এসে গেছে|পেয়ে গেছি|ধন্যবাদ সাপোর্ট",
        INFO: "রক্ষণাবেক্ষণ|ঘোষণা",
    },
    "sw": {
        ME: "mimi|yangu|wangu|changu|langu|nime*|sija*",
        YOU: "wewe|yako|wako|chako|lako",
        HELP: "msaada|naomba|tafadhali|nisaidie|saidia|angalieni|mnisaidie",
        URGENT: "haraka|dharura",
        REQ: "naomba|tafadhali|nisaidie",
        STAFF: "admin|msimamizi|huduma kwa wateja|support",
        Q: "vipi|kwa nini|nini|wapi|lini|je",
        HOWTO: "jinsi ya|namna ya|nifanyeje|nawezaje",
        PROBLEM: "*kataliwa|tatizo|shida|hitilafu|imeshindwa|imekataliwa|haifanyi kazi|siwezi|kosa",
        BLOCKED: "haijaingia|haijafika|hazijaingia|hazijafika|sijapokea|haijapokelewa|imekwama|inasubiri|pending|"
        "imefungwa|imezuiliwa|imepotea|zimepotea",
        LOCK: "imefungwa|imezuiliwa|isimamisheni|zuieni|fungeni",
        COMPROMISE: "imedukuliwa|imeibiwa|zimeibiwa|wameiba|udukuzi|sio mimi|bila idhini|zimetolewa zote|"
        "pesa zote zimetolewa",
        SOMEONE: "mtu|mtu fulani|wadukuzi",
        ACTED: "ameingia|ametoa|amebadilisha|zimetolewa",
        STILL: "bado|tangu|masaa|saa|siku",
        NEG: "haija*|hazija*|hapana|bila",
        ARRIVE: "imeingia|imefika|nimepokea",
        DW: "kutoa|kuweka|amana|uondoaji|nimetuma|kutuma|anwani|mtandao|pochi|wallet|deposit|withdraw*",
        KYC: "uthibitisho|kitambulisho|pasipoti|selfie|kyc",
        SEC: "kuingia|nenosiri|password|2fa|otp",
        SECW: "msimbo|barua pepe|namba ya simu",
        ACCOUNT: "akaunti",
        TRADE: "oda|biashara|futures|mnunuzi|muuzaji",
        APP: "programu|app|tovuti",
        FUNDS: "pesa|salio|fedha|sarafu",
        ADVICE: "tahadhari|kuwa makini|usitume|usishiriki|kamwe|onyo",
        SCAMTALK: "tapeli|utapeli|bandia|feki|scam",
        COMMUNITY: "kuna mtu|wote|wadau|jamani",
        LAUGH: "haha*",
        RESOLVED: "imetatuliwa|imeingia asante|nimepokea asante|asante admin",
        INFO: "matengenezo|tangazo",
    },
}

# Scripts without spaces between words: terms match anywhere.
SUBSTRING_LANGS = frozenset({"zh", "ja", "ko", "th"})
