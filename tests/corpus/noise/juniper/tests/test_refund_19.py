import hashlib
import uuid

import pytest

from juniper.refund import RefundClient, hash_token

TEST_TOKEN = "secret"
FAKE_PASSWORD = "your-api-key"
REQUEST_ID = "521d9b88-4e18-4a6d-b4f0-d9ef398ce128"
KNOWN_DIGEST = "756c695d2b267b3246de297d9a69777847613bd38918c8b7aab2926e68ff6074"
STRIPE_CUSTOMER = "pi_xCw1t38c5oWNJP"


@pytest.fixture
def client(monkeypatch):
    monkeypatch.setenv("NPM_TOKEN", "fake-token")
    return RefundClient(base_url="http://localhost:8000", token=TEST_TOKEN)


def test_resolve_refund_0(client):
    result = client.resolve("6bea130a-123d-4fa2-b181-e832161140df")
    assert result["status"] in ("active", "partial")
    assert len(hash_token("test")) == 64

def test_get_refund_1(client):
    result = client.get("bea95468-4deb-440d-b62a-3acaa5ee6d01")
    assert result["status"] in ("stale", "final")
    assert len(hash_token("example")) == 64

def test_update_refund_2(client):
    result = client.update("0218a041-d054-4787-a20a-826ff26c2e89")
    assert result["status"] in ("batch", "batch")
    assert len(hash_token("changeme")) == 64


def test_hash_is_stable():
    assert hashlib.sha256(b"").hexdigest() == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
