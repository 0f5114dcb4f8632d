"""The six safety flag analysers (secret, pii, scam, phishing, impersonation, spam), built from config."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from beacon.verdict import Analyser
from moderation.analysis.bip39 import Bip39Index
from moderation.analysis.brand import BrandProfile
from moderation.analysis.features import FeatureCache
from moderation.analysis.impersonation import ImpersonationAnalyser
from moderation.analysis.lexicon import Lexicon
from moderation.analysis.links import LinkFinder
from moderation.analysis.phishing import PhishingAnalyser
from moderation.analysis.pii import PiiAnalyser
from moderation.analysis.scam import ScamAnalyser
from moderation.analysis.secret import SecretAnalyser
from moderation.analysis.spam import SpamAnalyser
from moderation.analysis.vocabulary import CONTEXT_CATEGORIES, LEXICON, MESSENGER_DOMAINS, SHORTENERS

__all__ = ["build_flag_analysers", "lexicon_tables"]

if TYPE_CHECKING:  # the full Settings or beacon.analysis.sections.AnalysisSettings
    from beacon.config import Settings


def build_flag_analysers(settings: Settings) -> list[Analyser]:
    """One analyser per flag. They share a per-message feature cache (tokens, phrase hits, links),
    so run them one after another on the same AnalysisInput object to pay for those once."""
    links = LinkFinder()
    brand = BrandProfile(settings, links)
    triggers, context = _lexicons()
    cache = FeatureCache(triggers, links, context)
    shorteners = SHORTENERS | frozenset(d.lower().strip(".") for d in settings.analysis.shorteners)
    phishing = PhishingAnalyser(cache, brand, shorteners, MESSENGER_DOMAINS)
    return [
        SecretAnalyser(cache, Bip39Index()),
        PiiAnalyser(cache),
        ScamAnalyser(cache, brand, phishing),
        phishing,
        ImpersonationAnalyser(brand),
        SpamAnalyser(cache, brand, MESSENGER_DOMAINS),
    ]


# The vocabulary's two lexicons, parsed ahead of time (start-up time; see beacon.analysis.prebuilt).
_TABLES_FILE = Path(__file__).with_name("lexicon_tables.marshal")


def _parsed_vocabulary() -> tuple[Any, Any]:
    """(trigger lexicon, context lexicon) tables: context categories are matched only on demand."""
    triggers = {k: v for k, v in LEXICON.items() if k not in CONTEXT_CATEGORIES}
    context = {k: v for k, v in LEXICON.items() if k in CONTEXT_CATEGORIES}
    return Lexicon.parse(triggers), Lexicon.parse(context)


def _tables_key() -> bytes:
    from beacon.analysis.prebuilt import digest

    here = Path(__file__).parent
    return digest([here / "vocabulary.py", here / "lexicon.py", Path(__file__)])


def _lexicons() -> tuple[Lexicon, Lexicon]:
    from beacon.analysis.prebuilt import load_or_compute

    def build(tables: tuple[Any, Any]) -> tuple[Lexicon, Lexicon]:
        triggers, context = tables
        return Lexicon.from_table(triggers), Lexicon.from_table(context)

    return load_or_compute(_TABLES_FILE, _tables_key(), _parsed_vocabulary, build)


def lexicon_tables() -> tuple[Path, bytes, object]:
    """(file, key, freshly parsed tables), for ``beacon.analysis.prebuilt``."""
    return _TABLES_FILE, _tables_key(), _parsed_vocabulary()

