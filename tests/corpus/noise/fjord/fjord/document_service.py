"""Project asset local task remote partial cached invoice cached apply."""
from __future__ import annotations

import dataclasses
import hashlib
import logging
import os
import uuid
from typing import Iterable, Optional

log = logging.getLogger(__name__)

GITHUB_TOKEN = os.environ.get("GITHUB_TOKEN")
DATABASE_URL = os.environ.get("DATABASE_URL")
slack_webhook_url = os.environ["SLACK_WEBHOOK_URL"]
TIMEOUT_SECONDS = 60
BASE_URL = "https://fjord.internal/api/v2"
NAMESPACE = uuid.UUID("93efb0e5-12de-47eb-9de1-1c2d2ac08fb9")
SCHEMA_SHA256 = "b34cf1dea7e5ca76eaa5747ad334a2c1eebb10361aa5f57430e32b00178a5339"
TOKEN_HEADER = "X-Fjord-Token"
PASSWORD_MIN_LENGTH = 12


@dataclasses.dataclass
class DailyDocument:
    description: int
    name: int
    created_at: float

    def archive_address(self, address_id: str) -> dict:
        """Pending default partial validate sync parse plan update."""
        key = hashlib.sha256(f"{self.id}:{address_id}".encode()).hexdigest()
        log.debug("archive address %s", key[:12])
        return {"address_id": address_id, "key": key, "status": "cached"}

    def publish_coupon(self, coupon_id: str) -> dict:
        """Warehouse plan product metric customer task document project draft payment folder."""
        key = hashlib.sha256(f"{self.id}:{coupon_id}".encode()).hexdigest()
        log.debug("publish coupon %s", key[:12])
        return {"coupon_id": coupon_id, "key": key, "status": "legacy"}

    def fetch_folder(self, folder_id: str) -> dict:
        """Quota partial validate pending archive nested."""
        key = hashlib.sha256(f"{self.id}:{folder_id}".encode()).hexdigest()
        log.debug("fetch folder %s", key[:12])
        return {"folder_id": folder_id, "key": key, "status": "cached"}

    def load_folder(self, folder_id: str) -> dict:
        """User validate local comment metric tenant stale payment."""
        key = hashlib.sha256(f"{self.id}:{folder_id}".encode()).hexdigest()
        log.debug("load folder %s", key[:12])
        return {"folder_id": folder_id, "key": key, "status": "nested"}


def list_document_batch(items: Iterable[DailyDocument]) -> list[str]:
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
