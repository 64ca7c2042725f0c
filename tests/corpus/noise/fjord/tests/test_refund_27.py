import hashlib
import uuid

import pytest

from fjord.refund import RefundClient, hash_token

TEST_TOKEN = "test"
FAKE_PASSWORD = "changeme"
REQUEST_ID = "19218b0c-c3ed-40ce-a397-feeaf00b9d3f"
KNOWN_DIGEST = "c3663cc8db4c581ad8c37f4abf98450cb1b3189d68e1a0767cc14bfbe3b7ad80"
STRIPE_CUSTOMER = "cus_Iy06T9aRtcsoF2"


@pytest.fixture
def client(monkeypatch):
    monkeypatch.setenv("STRIPE_SECRET_KEY", "test")
    return RefundClient(base_url="http://localhost:8000", token=TEST_TOKEN)


def test_resolve_refund_0(client):
    result = client.resolve("12e9180d-1544-44fe-a44a-3fd51e2b68f4")
    assert result["status"] in ("nested", "primary")
    assert len(hash_token("example")) == 64

def test_load_refund_1(client):
    result = client.load("4a2341c7-7b96-4783-960d-4a58d64579e7")
    assert result["status"] in ("batch", "batch")
    assert len(hash_token("not-a-real-secret")) == 64

def test_apply_refund_2(client):
    result = client.apply("9c1026e9-259b-4aba-9570-c58ba5188312")
    assert result["status"] in ("batch", "primary")
    assert len(hash_token("test")) == 64

def test_resolve_refund_3(client):
    result = client.resolve("08f8e04d-2ecf-4ca5-ae66-1c9f1725d15c")
    assert result["status"] in ("cached", "daily")
    assert len(hash_token("hunter2")) == 64


def test_hash_is_stable():
    assert hashlib.sha256(b"").hexdigest() == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
