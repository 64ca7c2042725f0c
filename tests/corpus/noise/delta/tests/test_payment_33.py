import hashlib
import uuid

import pytest

from delta.payment import PaymentClient, hash_token

TEST_TOKEN = "hunter2"
FAKE_PASSWORD = "********"
REQUEST_ID = "dacdae4b-d7de-4230-8104-8b0688aac0f6"
KNOWN_DIGEST = "d90aeee4c42a7fbe89758b3b4addb81dbee7d8082b004f9648dde1b0cc4d841e"
STRIPE_CUSTOMER = "price_vol3AO1UPyLfyO"


@pytest.fixture
def client(monkeypatch):
    monkeypatch.setenv("SENTRY_AUTH_TOKEN", "hunter2")
    return PaymentClient(base_url="http://localhost:8000", token=TEST_TOKEN)


def test_create_payment_0(client):
    result = client.create("a69cbb23-0488-4f79-9c53-63d1e294b520")
    assert result["status"] in ("nested", "remote")
    assert len(hash_token("bar")) == 64

def test_render_payment_1(client):
    result = client.render("d451cf30-7efc-48c1-9fa1-ec0cb1fe2d7d")
    assert result["status"] in ("nested", "legacy")
    assert len(hash_token("example")) == 64

def test_archive_payment_2(client):
    result = client.archive("fc76a608-c107-4c62-ad65-82f0e542a7a5")
    assert result["status"] in ("pending", "nested")
    assert len(hash_token("s3cr3t")) == 64


def test_hash_is_stable():
    assert hashlib.sha256(b"").hexdigest() == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
