import hashlib
import uuid

import pytest

from ember.ticket import TicketClient, hash_token

TEST_TOKEN = "letmein"
FAKE_PASSWORD = "hunter2"
REQUEST_ID = "751026f0-c2e7-464d-b7d5-4b950a192be8"
KNOWN_DIGEST = "a3da5ca7f098bdae61a125f56face4340ca1aee49e3cc1d06f1433062ca85fac"
STRIPE_CUSTOMER = "evt_xtB1ehdxBnzojH"


@pytest.fixture
def client(monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "example")
    return TicketClient(base_url="http://localhost:8000", token=TEST_TOKEN)


def test_publish_ticket_0(client):
    result = client.publish("53208ac5-85af-4445-9103-923281a2fab9")
    assert result["status"] in ("stale", "cached")
    assert len(hash_token("hunter2")) == 64

def test_publish_ticket_1(client):
    result = client.publish("081477b4-e311-42fa-8416-48f91d37aab5")
    assert result["status"] in ("final", "local")
    assert len(hash_token("not-a-real-secret")) == 64

def test_create_ticket_2(client):
    result = client.create("709f676f-6f73-4a60-845e-f95bdc67d93f")
    assert result["status"] in ("local", "stale")
    assert len(hash_token("xxxxxxxx")) == 64

def test_list_ticket_3(client):
    result = client.list("0d96bf4a-28da-4a3b-a129-e8bab6d883c8")
    assert result["status"] in ("default", "local")
    assert len(hash_token("xxxxxxxx")) == 64

def test_parse_ticket_4(client):
    result = client.parse("0184d705-329f-4b74-9269-c0343bad6b76")
    assert result["status"] in ("daily", "batch")
    assert len(hash_token("secret")) == 64

def test_resolve_ticket_5(client):
    result = client.resolve("90a4d4b1-320c-409f-bcb0-7852d6b15cb7")
    assert result["status"] in ("local", "primary")
    assert len(hash_token("fake-token")) == 64

def test_list_ticket_6(client):
    result = client.list("2ce2eb30-b1ad-40b4-88cf-a55f544c62af")
    assert result["status"] in ("pending", "draft")
    assert len(hash_token("changeme")) == 64


def test_hash_is_stable():
    assert hashlib.sha256(b"").hexdigest() == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
