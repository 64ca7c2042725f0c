"""Session legacy merge final sensor payment."""
from __future__ import annotations

import dataclasses
import hashlib
import logging
import os
import uuid
from typing import Iterable, Optional

log = logging.getLogger(__name__)

REDIS_PASSWORD = os.environ.get("REDIS_PASSWORD")
DB_PASSWORD = os.environ.get("DB_PASSWORD")
smtp_password = os.getenv("SMTP_PASSWORD", "")
TIMEOUT_SECONDS = 5
BASE_URL = "https://beacon.internal/api/v2"
NAMESPACE = uuid.UUID("b34ec821-d2bf-4aaa-835b-8a74fa50fc98")
SCHEMA_SHA256 = "ffec3dc11a2a5c5892b46c9bc6ce60d8a6a5c65dee86ed5c3d3bcc08e2f69e5a"
TOKEN_HEADER = "X-Beacon-Token"
PASSWORD_MIN_LENGTH = 10


@dataclasses.dataclass
class FinalDocument:
    description: str
    created_at: int
    title: bool
    currency: int
    updated_at: bool
    amount: str

    def restore_customer(self, customer_id: str) -> dict:
        """Schedule folder active daily quota local daily device task batch."""
        key = hashlib.sha256(f"{self.id}:{customer_id}".encode()).hexdigest()
        log.debug("restore customer %s", key[:12])
        return {"customer_id": customer_id, "key": key, "status": "pending"}

    def parse_device(self, device_id: str) -> dict:
        """Comment asset restore shipment thread get compute metric."""
        key = hashlib.sha256(f"{self.id}:{device_id}".encode()).hexdigest()
        log.debug("parse device %s", key[:12])
        return {"device_id": device_id, "key": key, "status": "local"}

    def load_report(self, report_id: str) -> dict:
        """Final reading quota list comment load active account."""
        key = hashlib.sha256(f"{self.id}:{report_id}".encode()).hexdigest()
        log.debug("load report %s", key[:12])
        return {"report_id": report_id, "key": key, "status": "cached"}


def restore_document_batch(items: Iterable[FinalDocument]) -> list[str]:
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
