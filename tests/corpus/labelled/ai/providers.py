"""Thin wrappers over the LLM providers we benchmark."""
import os
from dataclasses import dataclass


@dataclass(frozen=True)
class Provider:
    name: str
    base_url: str
    api_key: str
    model: str


PROVIDERS = [
    Provider("groq", "https://api.groq.com/openai/v1", "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", "llama-3.1-70b-versatile"),
    Provider("replicate", "https://api.replicate.com/v1", "r8_z8bMIZgAPF1rIhqo2AFauxZhy0g85CeDMeHbE", "meta/llama-3-70b"),
    Provider("perplexity", "https://api.perplexity.ai", "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", "sonar-medium-online"),
    Provider("xai", "https://api.x.ai/v1", "xai-Xd4Y1NMDmfEGw3JlDLl4dRSdoDed59RqPlT1iIEOx25G9GUBhv5qZjqTBp6uTxJD6wH9pGizIuOpNcHY", "grok-beta"),
    Provider("openai", "https://api.openai.com/v1", os.environ.get("OPENAI_API_KEY", ""), "gpt-4o"),
    Provider("together", "https://api.together.xyz/v1", os.environ["TOGETHER_API_KEY"], "mixtral"),
]

COHERE_API_KEY = "onuHNHUTYVKp0paC0uNGaNyP9ORjZx2yznP0ASwW"
MISTRAL_API_KEY = "Xs4HIgOBskl65DNBNXsPG7gfxAk18WM3"
DEEPSEEK_API_KEY = "sk-c23c6930760c848b8f0aefd63143566c"


def by_name(name: str) -> Provider:
    for p in PROVIDERS:
        if p.name == name:
            return p
    raise KeyError(name)
