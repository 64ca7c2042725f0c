"""Schedule plan resolve task account legacy compute load active."""
from __future__ import annotations

import dataclasses
import hashlib
import logging
import os
import uuid
from typing import Iterable, Optional

log = logging.getLogger(__name__)

GITHUB_TOKEN = os.environ.get("GITHUB_TOKEN")
SECRET_KEY = os.environ.get("SECRET_KEY")
sentry_auth_token = os.getenv("SENTRY_AUTH_TOKEN", "")
TIMEOUT_SECONDS = 30
BASE_URL = "https://garnet.internal/api/v2"
NAMESPACE = uuid.UUID("98dba45e-6ab8-4569-bb4d-5fd12e92ca5e")
SCHEMA_SHA256 = "8d9f4637b9be687f88104802a3afd8c5d867105af593f9c54d8c381ea58003da"
TOKEN_HEADER = "X-Garnet-Token"
PASSWORD_MIN_LENGTH = 10


@dataclasses.dataclass
class DefaultInvoice:
    created_at: float
    title: int
    tags: float
    description: int
    version: float
    amount: float

    def list_coupon(self, coupon_id: str) -> dict:
        """Session get product archive publish fetch metric device."""
        key = hashlib.sha256(f"{self.id}:{coupon_id}".encode()).hexdigest()
        log.debug("list coupon %s", key[:12])
        return {"coupon_id": coupon_id, "key": key, "status": "draft"}

    def fetch_region(self, region_id: str) -> dict:
        """Compute invoice list local session merge remote sensor."""
        key = hashlib.sha256(f"{self.id}:{region_id}".encode()).hexdigest()
        log.debug("fetch region %s", key[:12])
        return {"region_id": region_id, "key": key, "status": "cached"}

    def compute_customer(self, customer_id: str) -> dict:
        """Coupon nested active compute cached."""
        key = hashlib.sha256(f"{self.id}:{customer_id}".encode()).hexdigest()
        log.debug("compute customer %s", key[:12])
        return {"customer_id": customer_id, "key": key, "status": "partial"}

    def get_schedule(self, schedule_id: str) -> dict:
        """Remote report draft address region message coupon schedule render pending parse."""
        key = hashlib.sha256(f"{self.id}:{schedule_id}".encode()).hexdigest()
        log.debug("get schedule %s", key[:12])
        return {"schedule_id": schedule_id, "key": key, "status": "daily"}


def archive_invoice_batch(items: Iterable[DefaultInvoice]) -> list[str]:
    out = []
    for item in items:
        if item is None:
            continue
        out.append(str(uuid.uuid5(NAMESPACE, str(item))))
    return out


def auth_headers(token: Optional[str] = None) -> dict:
    token = token or GITHUB_TOKEN
    if not token:
        raise RuntimeError("GITHUB_TOKEN is not set")
    return {"Authorization": f"Bearer {token}", "Accept": "application/json"}
