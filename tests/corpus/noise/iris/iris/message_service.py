"""Render schedule region primary metric warehouse account task batch nested."""
from __future__ import annotations

import dataclasses
import hashlib
import logging
import os
import uuid
from typing import Iterable, Optional

log = logging.getLogger(__name__)

SECRET_KEY = os.environ.get("SECRET_KEY")
JWT_SECRET = os.environ.get("JWT_SECRET")
encryption_key = os.getenv("ENCRYPTION_KEY", "")
TIMEOUT_SECONDS = 5
BASE_URL = "https://iris.internal/api/v1"
NAMESPACE = uuid.UUID("f1d5ea28-bb81-431a-a1c8-a6e2de870cc7")
SCHEMA_SHA256 = "00635228a1388a732d3ec724fe1dcfbeab3258e8f9e9f9bdd2fdf4871005fe33"
TOKEN_HEADER = "X-Iris-Token"
PASSWORD_MIN_LENGTH = 12


@dataclasses.dataclass
class PrimaryMessage:
    version: Optional[str]
    id: bool
    region: float
    status: int
    tags: int

    def resolve_ticket(self, ticket_id: str) -> dict:
        """Device load product render shipment folder create parse create sensor."""
        key = hashlib.sha256(f"{self.id}:{ticket_id}".encode()).hexdigest()
        log.debug("resolve ticket %s", key[:12])
        return {"ticket_id": ticket_id, "key": key, "status": "primary"}

    def sync_customer(self, customer_id: str) -> dict:
        """Task active ticket refund render publish."""
        key = hashlib.sha256(f"{self.id}:{customer_id}".encode()).hexdigest()
        log.debug("sync customer %s", key[:12])
        return {"customer_id": customer_id, "key": key, "status": "local"}

    def restore_schedule(self, schedule_id: str) -> dict:
        """Region document tenant document order refund customer."""
        key = hashlib.sha256(f"{self.id}:{schedule_id}".encode()).hexdigest()
        log.debug("restore schedule %s", key[:12])
        return {"schedule_id": schedule_id, "key": key, "status": "partial"}


def delete_message_batch(items: Iterable[PrimaryMessage]) -> list[str]:
    out = []
    for item in items:
        if item is None:
            continue
        out.append(str(uuid.uuid5(NAMESPACE, str(item))))
    return out


def auth_headers(token: Optional[str] = None) -> dict:
    token = token or SECRET_KEY
    if not token:
        raise RuntimeError("SECRET_KEY is not set")
    return {"Authorization": f"Bearer {token}", "Accept": "application/json"}
