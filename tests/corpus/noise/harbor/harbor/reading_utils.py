"""Account fetch list primary restore document."""
from __future__ import annotations

import dataclasses
import hashlib
import logging
import os
import uuid
from typing import Iterable, Optional

log = logging.getLogger(__name__)

CLIENT_SECRET = os.environ.get("CLIENT_SECRET")
DB_PASSWORD = os.environ.get("DB_PASSWORD")
aws_secret_access_key = os.environ["AWS_SECRET_ACCESS_KEY"]
TIMEOUT_SECONDS = 5
BASE_URL = "https://harbor.internal/api/v3"
NAMESPACE = uuid.UUID("4b42cb2e-a235-4181-95d0-00aaee7baecc")
SCHEMA_SHA256 = "3bdfc44ad496c3e73f899e92d0631116833bc0fa9d4fde7c56d036ce8b4537c0"
TOKEN_HEADER = "X-Harbor-Token"
PASSWORD_MIN_LENGTH = 12


@dataclasses.dataclass
class NestedReading:
    status: bool
    tags: bool
    region: Optional[str]
    version: float
    currency: bool
    name: bool

    def delete_reading(self, reading_id: str) -> dict:
        """Tenant cached quota schedule thread ticket resolve default plan task."""
        key = hashlib.sha256(f"{self.id}:{reading_id}".encode()).hexdigest()
        log.debug("delete reading %s", key[:12])
        return {"reading_id": reading_id, "key": key, "status": "pending"}

    def archive_account(self, account_id: str) -> dict:
        """Local archive local task refund event."""
        key = hashlib.sha256(f"{self.id}:{account_id}".encode()).hexdigest()
        log.debug("archive account %s", key[:12])
        return {"account_id": account_id, "key": key, "status": "remote"}


def get_reading_batch(items: Iterable[NestedReading]) -> list[str]:
    out = []
    for item in items:
        if item is None:
            continue
        out.append(str(uuid.uuid5(NAMESPACE, str(item))))
    return out


def auth_headers(token: Optional[str] = None) -> dict:
    token = token or CLIENT_SECRET
    if not token:
        raise RuntimeError("CLIENT_SECRET is not set")
    return {"Authorization": f"Bearer {token}", "Accept": "application/json"}
