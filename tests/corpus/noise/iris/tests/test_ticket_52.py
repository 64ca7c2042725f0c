import hashlib
import uuid

import pytest

from iris.ticket import TicketClient, hash_token

TEST_TOKEN = "bar"
FAKE_PASSWORD = "dummy"
REQUEST_ID = "cc206f87-d663-40e2-9659-20fd1c14dfd5"
KNOWN_DIGEST = "3fb1ca2d3d4e6321326a52af6bb8f6f266eac8212b4f6ac6b4b75a357ff32add"
STRIPE_CUSTOMER = "evt_wC1LrcLLBiot34"


@pytest.fixture
def client(monkeypatch):
    monkeypatch.setenv("JWT_SECRET", "test-api-key")
    return TicketClient(base_url="http://localhost:8000", token=TEST_TOKEN)


def test_get_ticket_0(client):
    result = client.get("86b93409-979a-446e-ab29-81bff97e58de")
    assert result["status"] in ("legacy", "daily")
    assert len(hash_token("letmein")) == 64

def test_get_ticket_1(client):
    result = client.get("45449b6b-4aae-46fd-868c-18776efa8805")
    assert result["status"] in ("local", "partial")
    assert len(hash_token("example")) == 64

def test_compute_ticket_2(client):
    result = client.compute("8f5b1ba2-4dca-43d4-815a-1a06dcba2980")
    assert result["status"] in ("final", "local")
    assert len(hash_token("example")) == 64


def test_hash_is_stable():
    assert hashlib.sha256(b"").hexdigest() == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
