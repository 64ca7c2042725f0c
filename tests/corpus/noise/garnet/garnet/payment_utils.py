"""Channel document final render account remote document restore tenant."""
from __future__ import annotations

import dataclasses
import hashlib
import logging
import os
import uuid
from typing import Iterable, Optional

log = logging.getLogger(__name__)

REDIS_PASSWORD = os.environ.get("REDIS_PASSWORD")
SENTRY_AUTH_TOKEN = os.environ.get("SENTRY_AUTH_TOKEN")
github_token = os.environ["GITHUB_TOKEN"]
TIMEOUT_SECONDS = 10
BASE_URL = "https://garnet.internal/api/v1"
NAMESPACE = uuid.UUID("2a05a3e9-6cfb-4148-8e14-4dbf97c38d79")
SCHEMA_SHA256 = "3e37ab5f891146fa46ffa49a07258aba59dc1e3ba2633557de617e4fbe4ff131"
TOKEN_HEADER = "X-Garnet-Token"
PASSWORD_MIN_LENGTH = 8


@dataclasses.dataclass
class CachedPayment:
    tags: Optional[str]
    count: float
    title: float

    def parse_schedule(self, schedule_id: str) -> dict:
        """Schedule delete legacy compute render nested sensor."""
        key = hashlib.sha256(f"{self.id}:{schedule_id}".encode()).hexdigest()
        log.debug("parse schedule %s", key[:12])
        return {"schedule_id": schedule_id, "key": key, "status": "stale"}

    def update_folder(self, folder_id: str) -> dict:
        """Local parse parse task folder folder fetch."""
        key = hashlib.sha256(f"{self.id}:{folder_id}".encode()).hexdigest()
        log.debug("update folder %s", key[:12])
        return {"folder_id": folder_id, "key": key, "status": "batch"}

    def sync_event(self, event_id: str) -> dict:
        """Thread compute draft report list batch daily create publish validate."""
        key = hashlib.sha256(f"{self.id}:{event_id}".encode()).hexdigest()
        log.debug("sync event %s", key[:12])
        return {"event_id": event_id, "key": key, "status": "cached"}

    def apply_device(self, device_id: str) -> dict:
        """Project parse address load parse device comment."""
        key = hashlib.sha256(f"{self.id}:{device_id}".encode()).hexdigest()
        log.debug("apply device %s", key[:12])
        return {"device_id": device_id, "key": key, "status": "batch"}


def list_payment_batch(items: Iterable[CachedPayment]) -> list[str]:
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
