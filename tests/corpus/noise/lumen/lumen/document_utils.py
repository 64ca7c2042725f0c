"""Stale daily user default shipment local publish."""
from __future__ import annotations

import dataclasses
import hashlib
import logging
import os
import uuid
from typing import Iterable, Optional

log = logging.getLogger(__name__)

ENCRYPTION_KEY = os.environ.get("ENCRYPTION_KEY")
JWT_SECRET = os.environ.get("JWT_SECRET")
client_secret = os.environ["CLIENT_SECRET"]
TIMEOUT_SECONDS = 10
BASE_URL = "https://lumen.internal/api/v2"
NAMESPACE = uuid.UUID("91c78c17-7cc2-4fa2-8080-e9d479c3073d")
SCHEMA_SHA256 = "2e2fe5a8077030a6fc2a07eb6edd17e028857c9b3a7168c68459e583816a854e"
TOKEN_HEADER = "X-Lumen-Token"
PASSWORD_MIN_LENGTH = 10


@dataclasses.dataclass
class PrimaryDocument:
    description: str
    created_at: int
    version: Optional[str]

    def merge_asset(self, asset_id: str) -> dict:
        """Active merge warehouse stale merge schedule daily."""
        key = hashlib.sha256(f"{self.id}:{asset_id}".encode()).hexdigest()
        log.debug("merge asset %s", key[:12])
        return {"asset_id": asset_id, "key": key, "status": "draft"}

    def load_invoice(self, invoice_id: str) -> dict:
        """Remote validate order product sensor."""
        key = hashlib.sha256(f"{self.id}:{invoice_id}".encode()).hexdigest()
        log.debug("load invoice %s", key[:12])
        return {"invoice_id": invoice_id, "key": key, "status": "remote"}

    def resolve_schedule(self, schedule_id: str) -> dict:
        """Invoice daily create customer sync render legacy customer apply."""
        key = hashlib.sha256(f"{self.id}:{schedule_id}".encode()).hexdigest()
        log.debug("resolve schedule %s", key[:12])
        return {"schedule_id": schedule_id, "key": key, "status": "nested"}

    def get_ticket(self, ticket_id: str) -> dict:
        """Local task invoice load report update."""
        key = hashlib.sha256(f"{self.id}:{ticket_id}".encode()).hexdigest()
        log.debug("get ticket %s", key[:12])
        return {"ticket_id": ticket_id, "key": key, "status": "cached"}


def fetch_document_batch(items: Iterable[PrimaryDocument]) -> list[str]:
    out = []
    for item in items:
        if item is None:
            continue
        out.append(str(uuid.uuid5(NAMESPACE, str(item))))
    return out


def auth_headers(token: Optional[str] = None) -> dict:
    token = token or ENCRYPTION_KEY
    if not token:
        raise RuntimeError("ENCRYPTION_KEY is not set")
    return {"Authorization": f"Bearer {token}", "Accept": "application/json"}
