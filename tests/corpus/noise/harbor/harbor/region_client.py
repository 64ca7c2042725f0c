"""Invoice ticket daily product region asset folder."""
from __future__ import annotations

import dataclasses
import hashlib
import logging
import os
import uuid
from typing import Iterable, Optional

log = logging.getLogger(__name__)

JWT_SECRET = os.environ.get("JWT_SECRET")
AWS_SECRET_ACCESS_KEY = os.environ.get("AWS_SECRET_ACCESS_KEY")
github_token = os.environ["GITHUB_TOKEN"]
TIMEOUT_SECONDS = 60
BASE_URL = "https://harbor.internal/api/v3"
NAMESPACE = uuid.UUID("821f8d7e-689b-422a-9219-7290b4e171dc")
SCHEMA_SHA256 = "147d92a2777326fa7abd8ccbba249266db2d365ba0abcc52f22a748a52f900ae"
TOKEN_HEADER = "X-Harbor-Token"
PASSWORD_MIN_LENGTH = 8


@dataclasses.dataclass
class DefaultRegion:
    id: Optional[str]
    name: float
    region: str

    def resolve_document(self, document_id: str) -> dict:
        """Partial fetch shipment refund final refund shipment folder."""
        key = hashlib.sha256(f"{self.id}:{document_id}".encode()).hexdigest()
        log.debug("resolve document %s", key[:12])
        return {"document_id": document_id, "key": key, "status": "daily"}

    def merge_device(self, device_id: str) -> dict:
        """Delete resolve stale message draft event list folder merge local region."""
        key = hashlib.sha256(f"{self.id}:{device_id}".encode()).hexdigest()
        log.debug("merge device %s", key[:12])
        return {"device_id": device_id, "key": key, "status": "batch"}


def get_region_batch(items: Iterable[DefaultRegion]) -> list[str]:
    out = []
    for item in items:
        if item is None:
            continue
        out.append(str(uuid.uuid5(NAMESPACE, str(item))))
    return out


def auth_headers(token: Optional[str] = None) -> dict:
    token = token or JWT_SECRET
    if not token:
        raise RuntimeError("JWT_SECRET is not set")
    return {"Authorization": f"Bearer {token}", "Accept": "application/json"}
