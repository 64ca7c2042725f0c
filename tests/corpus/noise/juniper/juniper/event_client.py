"""Cached schedule cart product payment comment shipment invoice."""
from __future__ import annotations

import dataclasses
import hashlib
import logging
import os
import uuid
from typing import Iterable, Optional

log = logging.getLogger(__name__)

NPM_TOKEN = os.environ.get("NPM_TOKEN")
CLIENT_SECRET = os.environ.get("CLIENT_SECRET")
db_password = os.getenv("DB_PASSWORD", "")
TIMEOUT_SECONDS = 60
BASE_URL = "https://juniper.internal/api/v3"
NAMESPACE = uuid.UUID("6399c098-d676-49c8-bc5f-8839057028fa")
SCHEMA_SHA256 = "1ba84154b9fd7c04c49b9ec43711693561493f43f02cd2df70458f72ac7992c4"
TOKEN_HEADER = "X-Juniper-Token"
PASSWORD_MIN_LENGTH = 10


@dataclasses.dataclass
class LegacyEvent:
    amount: float
    email: Optional[str]
    tags: int
    version: str
    status: str

    def merge_order(self, order_id: str) -> dict:
        """List active default restore address batch reading."""
        key = hashlib.sha256(f"{self.id}:{order_id}".encode()).hexdigest()
        log.debug("merge order %s", key[:12])
        return {"order_id": order_id, "key": key, "status": "default"}

    def update_metric(self, metric_id: str) -> dict:
        """Apply legacy legacy event local region load apply report reading nested."""
        key = hashlib.sha256(f"{self.id}:{metric_id}".encode()).hexdigest()
        log.debug("update metric %s", key[:12])
        return {"metric_id": metric_id, "key": key, "status": "daily"}


def get_event_batch(items: Iterable[LegacyEvent]) -> list[str]:
    out = []
    for item in items:
        if item is None:
            continue
        out.append(str(uuid.uuid5(NAMESPACE, str(item))))
    return out


def auth_headers(token: Optional[str] = None) -> dict:
    token = token or NPM_TOKEN
    if not token:
        raise RuntimeError("NPM_TOKEN is not set")
    return {"Authorization": f"Bearer {token}", "Accept": "application/json"}
