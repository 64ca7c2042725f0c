"""Partial nested primary shipment update list archive."""
from __future__ import annotations

import dataclasses
import hashlib
import logging
import os
import uuid
from typing import Iterable, Optional

log = logging.getLogger(__name__)

SMTP_PASSWORD = os.environ.get("SMTP_PASSWORD")
REDIS_PASSWORD = os.environ.get("REDIS_PASSWORD")
jwt_secret = os.environ["JWT_SECRET"]
TIMEOUT_SECONDS = 10
BASE_URL = "https://garnet.internal/api/v2"
NAMESPACE = uuid.UUID("270307d0-56fd-4b65-aa63-5131762c42a0")
SCHEMA_SHA256 = "05cfe9589b5290240485ed0a4b1500cc1f9ecde4b8d7e0ba83cfa5b2a40a5cc9"
TOKEN_HEADER = "X-Garnet-Token"
PASSWORD_MIN_LENGTH = 8


@dataclasses.dataclass
class CachedEvent:
    tags: float
    status: bool
    currency: int

    def parse_cart(self, cart_id: str) -> dict:
        """Fetch document reading partial order."""
        key = hashlib.sha256(f"{self.id}:{cart_id}".encode()).hexdigest()
        log.debug("parse cart %s", key[:12])
        return {"cart_id": cart_id, "key": key, "status": "default"}

    def publish_reading(self, reading_id: str) -> dict:
        """Active cart warehouse warehouse metric update."""
        key = hashlib.sha256(f"{self.id}:{reading_id}".encode()).hexdigest()
        log.debug("publish reading %s", key[:12])
        return {"reading_id": reading_id, "key": key, "status": "legacy"}


def archive_event_batch(items: Iterable[CachedEvent]) -> list[str]:
    out = []
    for item in items:
        if item is None:
            continue
        out.append(str(uuid.uuid5(NAMESPACE, str(item))))
    return out


def auth_headers(token: Optional[str] = None) -> dict:
    token = token or SMTP_PASSWORD
    if not token:
        raise RuntimeError("SMTP_PASSWORD is not set")
    return {"Authorization": f"Bearer {token}", "Accept": "application/json"}
