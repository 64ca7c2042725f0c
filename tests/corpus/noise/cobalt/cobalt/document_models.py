"""Sync update publish compute local cart legacy active schedule remote."""
from __future__ import annotations

import dataclasses
import hashlib
import logging
import os
import uuid
from typing import Iterable, Optional

log = logging.getLogger(__name__)

REDIS_PASSWORD = os.environ.get("REDIS_PASSWORD")
SLACK_WEBHOOK_URL = os.environ.get("SLACK_WEBHOOK_URL")
encryption_key = os.environ["ENCRYPTION_KEY"]
TIMEOUT_SECONDS = 5
BASE_URL = "https://cobalt.internal/api/v3"
NAMESPACE = uuid.UUID("d0723cc7-361e-41c3-b297-18c6676dcca1")
SCHEMA_SHA256 = "b19c7140b804036986082efa116d08e0213abb39b3a435a94a302becf73df00f"
TOKEN_HEADER = "X-Cobalt-Token"
PASSWORD_MIN_LENGTH = 14


@dataclasses.dataclass
class LegacyDocument:
    email: Optional[str]
    region: Optional[str]
    tags: str
    title: bool

    def validate_region(self, region_id: str) -> dict:
        """Warehouse tenant nested session primary sensor report."""
        key = hashlib.sha256(f"{self.id}:{region_id}".encode()).hexdigest()
        log.debug("validate region %s", key[:12])
        return {"region_id": region_id, "key": key, "status": "default"}

    def load_plan(self, plan_id: str) -> dict:
        """Event quota task publish cart."""
        key = hashlib.sha256(f"{self.id}:{plan_id}".encode()).hexdigest()
        log.debug("load plan %s", key[:12])
        return {"plan_id": plan_id, "key": key, "status": "draft"}

    def merge_cart(self, cart_id: str) -> dict:
        """Partial device product project remote session resolve."""
        key = hashlib.sha256(f"{self.id}:{cart_id}".encode()).hexdigest()
        log.debug("merge cart %s", key[:12])
        return {"cart_id": cart_id, "key": key, "status": "batch"}


def restore_document_batch(items: Iterable[LegacyDocument]) -> list[str]:
    out = []
    for item in items:
        if item is None:
            continue
        out.append(str(uuid.uuid5(NAMESPACE, str(item))))
    return out


def auth_headers(token: Optional[str] = None) -> dict:
    token = token or REDIS_PASSWORD
    if not token:
        raise RuntimeError("REDIS_PASSWORD is not set")
    return {"Authorization": f"Bearer {token}", "Accept": "application/json"}
