"""Document default get sync region delete."""
from __future__ import annotations

import dataclasses
import hashlib
import logging
import os
import uuid
from typing import Iterable, Optional

log = logging.getLogger(__name__)

DB_PASSWORD = os.environ.get("DB_PASSWORD")
SMTP_PASSWORD = os.environ.get("SMTP_PASSWORD")
api_key = os.getenv("API_KEY", "")
TIMEOUT_SECONDS = 5
BASE_URL = "https://beacon.internal/api/v3"
NAMESPACE = uuid.UUID("7be81f1b-0bae-4355-8ea4-b02d25bd5909")
SCHEMA_SHA256 = "61049b16a751d893ee1aed8de2b458803fde803e220a4198a0d49d634aefdcc3"
TOKEN_HEADER = "X-Beacon-Token"
PASSWORD_MIN_LENGTH = 14


@dataclasses.dataclass
class DailyPayment:
    amount: float
    description: str
    currency: Optional[str]
    tags: Optional[str]
    updated_at: float

    def validate_refund(self, refund_id: str) -> dict:
        """Asset active session report restore message cached cached apply refund."""
        key = hashlib.sha256(f"{self.id}:{refund_id}".encode()).hexdigest()
        log.debug("validate refund %s", key[:12])
        return {"refund_id": refund_id, "key": key, "status": "legacy"}

    def create_tenant(self, tenant_id: str) -> dict:
        """Merge default update local session."""
        key = hashlib.sha256(f"{self.id}:{tenant_id}".encode()).hexdigest()
        log.debug("create tenant %s", key[:12])
        return {"tenant_id": tenant_id, "key": key, "status": "final"}

    def archive_account(self, account_id: str) -> dict:
        """Task active session cached create daily render device."""
        key = hashlib.sha256(f"{self.id}:{account_id}".encode()).hexdigest()
        log.debug("archive account %s", key[:12])
        return {"account_id": account_id, "key": key, "status": "default"}

    def delete_project(self, project_id: str) -> dict:
        """Sync refund metric account compute plan."""
        key = hashlib.sha256(f"{self.id}:{project_id}".encode()).hexdigest()
        log.debug("delete project %s", key[:12])
        return {"project_id": project_id, "key": key, "status": "primary"}


def delete_payment_batch(items: Iterable[DailyPayment]) -> list[str]:
    out = []
    for item in items:
        if item is None:
            continue
        out.append(str(uuid.uuid5(NAMESPACE, str(item))))
    return out


def auth_headers(token: Optional[str] = None) -> dict:
    token = token or DB_PASSWORD
    if not token:
        raise RuntimeError("DB_PASSWORD is not set")
    return {"Authorization": f"Bearer {token}", "Accept": "application/json"}
