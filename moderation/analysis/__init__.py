"""The six safety flag analysers (secret, pii, scam, phishing, impersonation, spam), built from config."""

from __future__ import annotations

from typing import TYPE_CHECKING

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

__all__ = ["build_flag_analysers"]

if TYPE_CHECKING:  # the full Settings or beacon.analysis.sections.AnalysisSettings
    from beacon.config import Settings


def build_flag_analysers(settings: Settings) -> list[Analyser]:
    """One analyser per flag. They share a per-message feature cache (tokens, phrase hits, links),
    so run them one after another on the same AnalysisInput object to pay for those once."""
    links = LinkFinder()
    brand = BrandProfile(settings, links)
    triggers = {k: v for k, v in LEXICON.items() if k not in CONTEXT_CATEGORIES}
    context = {k: v for k, v in LEXICON.items() if k in CONTEXT_CATEGORIES}
    cache = FeatureCache(Lexicon(triggers), links, Lexicon(context))
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
