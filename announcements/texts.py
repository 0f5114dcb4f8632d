"""What the bot says in the /announce and /subscribe conversations, per language (English as the fallback)."""

from __future__ import annotations

from announcements.plan import normalise_lang

KIND_NAMES = {
    "en": {"maintenance": "Maintenance", "listing": "New listings", "event": "Events", "market": "Market updates",
           "security": "Security", "risk_warning": "Risk warnings", "general": "General news"},
    "zh": {"maintenance": "系统维护", "listing": "新币上线", "event": "活动", "market": "市场动态", "security": "安全",
           "risk_warning": "风险提示", "general": "综合公告"},
    "ru": {"maintenance": "Техработы", "listing": "Листинги", "event": "События", "market": "Рынок",
           "security": "Безопасность", "risk_warning": "Предупреждения о рисках", "general": "Общие новости"},
}

TEXTS = {
    "en": {
        "sub.choose": "Choose what you want to receive here as private messages (tap to switch on or off):",
        "sub.done_button": "Done",
        "sub.saved": "Subscribed to: {kinds}. Send /unsubscribe to stop.",
        "sub.none": "You are not subscribed to anything. Send /subscribe to choose.",
        "sub.stopped": "You will not receive announcements here any more. Send /subscribe to start again.",
        "sub.unknown": "I don't know {words}. You can choose: {kinds}.",
    },
    "zh": {
        "sub.choose": "请选择希望通过私信接收的公告类型（点击开启或关闭）：",
        "sub.done_button": "完成",
        "sub.saved": "已订阅：{kinds}。发送 /unsubscribe 可取消。",
        "sub.none": "您目前没有订阅任何内容。发送 /subscribe 进行选择。",
        "sub.stopped": "您将不再在这里收到公告。发送 /subscribe 可重新订阅。",
        "sub.unknown": "无法识别：{words}。可选：{kinds}。",
    },
    "ru": {
        "sub.choose": "Выберите, что получать здесь личными сообщениями (нажмите, чтобы включить или выключить):",
        "sub.done_button": "Готово",
        "sub.saved": "Подписка оформлена: {kinds}. Отправьте /unsubscribe, чтобы отписаться.",
        "sub.none": "Вы ни на что не подписаны. Отправьте /subscribe, чтобы выбрать.",
        "sub.stopped": "Вы больше не будете получать здесь объявления. Отправьте /subscribe, чтобы снова подписаться.",
        "sub.unknown": "Не понимаю: {words}. Можно выбрать: {kinds}.",
    },
}

# The manager's conversation is in English: managers are staff, the members' languages are the variants.
MANAGER = {
    "not_manager": "Only community managers can announce. Ask an operator to give you the manager role.",
    "choose_kind": "New announcement. What kind is it?",
    "ask_text": ("Kind: {kind}. Now send the text in {lang} (the default language), or forward a message.\n"
                 "To add another language, start a message with its code and a colon, e.g.\nzh: 系统维护通知…"),
    "text_saved": "Saved the {lang} text. Languages so far: {langs}. Send more languages, or pick the targets:",
    "choose_targets": "Targets (tap to switch on or off), then Preview:",
    "preview_button": "Preview ➡️",
    "pin_on": "📌 Pin: on",
    "pin_off": "📌 Pin: off",
    "cancel_button": "✖ Cancel",
    "send_button": "✅ Send",
    "preview": ("Preview ({lang}):\n\n{body}\n\n— kind: {kind}\n— targets: {targets} ({chats} chats)\n"
                "— languages: {langs}\n— subscribers: {subs}\n— pin: {pin}\n— {approval}"),
    "approval_needed": "needs approval by another manager before it goes out",
    "approval_skipped": "safety alert: goes out at once (you may skip approval)",
    "approval_none": "goes out at once",
    "no_targets": "Pick at least one target.",
    "no_text": "Send the text first.",
    "cancelled": "Announcement discarded.",
    "submitted": "Submitted.",
    "expired": "That draft is gone (cancelled or expired). Send /announce to start again.",
    "sending": "Announcement #{id} is going out to {chats} chats and {dms} subscribers.",
    "awaiting": "Announcement #{id} awaits approval by another manager; they have been asked.",
    "approve_request": "{author} asks you to approve announcement #{id} ({kind}):\n\n{body}",
    "approve_button": "✅ Approve #{id}",
    "approved": "Approved: announcement #{id} is going out.",
    "approved_scheduled": "Approved: announcement #{id} goes out at {at}.",
    "self_refused": "You wrote this announcement: another manager must approve it (two-person rule).",
    "not_awaiting": "Announcement #{id} is not awaiting approval (it is {state}).",
}


def lang_of(code: str | None) -> str:
    lang = normalise_lang(code)
    return lang if lang in TEXTS else "en"


def t(lang: str, key: str, **values: object) -> str:
    return TEXTS.get(lang, TEXTS["en"]).get(key, TEXTS["en"][key]).format(**values)


def kind_name(lang: str, kind: str) -> str:
    return KIND_NAMES.get(lang, KIND_NAMES["en"]).get(kind, kind)


def parse_kinds(words: str, allowed: list[str]) -> tuple[list[str], list[str]]:
    """``"security, listings maintenance"`` → (kinds, unknown words); kind names in any language count."""
    names: dict[str, str] = {}
    for kind in allowed:
        names[kind] = kind
        names[kind.replace("_", " ")] = kind
        names[kind + "s"] = kind
        for table in KIND_NAMES.values():
            names[table[kind].lower()] = kind
    kinds, unknown = [], []
    for word in (w.strip().lower() for w in words.replace(",", " ").split()):
        if not word:
            continue
        if word in names:
            kinds.append(names[word])
        elif word == "all":
            kinds.extend(allowed)
        else:
            unknown.append(word)
    return list(dict.fromkeys(kinds)), unknown
