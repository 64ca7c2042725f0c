import hashlib
import uuid

import pytest

from delta.message import MessageClient, hash_token

TEST_TOKEN = "example"
FAKE_PASSWORD = "secret"
REQUEST_ID = "a22f6e3d-31fa-4db1-94a3-dac0003db86d"
KNOWN_DIGEST = "5b6136baba1b5f8762b49fe94223f9bfb0c4afcc3e615249013131636410ced5"
STRIPE_CUSTOMER = "evt_Y2LBo2h0zRUx0J"


@pytest.fixture
def client(monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "test-api-key")
    return MessageClient(base_url="http://localhost:8000", token=TEST_TOKEN)


def test_compute_message_0(client):
    result = client.compute("0052e83a-f94a-44a4-b4f7-d132f658d696")
    assert result["status"] in ("default", "batch")
    assert len(hash_token("test_secret_123")) == 64

def test_render_message_1(client):
    result = client.render("36f4e94f-2ad2-4928-bf60-b6f9127d5b9d")
    assert result["status"] in ("batch", "daily")
    assert len(hash_token("placeholder")) == 64

def test_update_message_2(client):
    result = client.update("a174ec66-ddfd-4783-8b05-da713ee16c99")
    assert result["status"] in ("daily", "active")
    assert len(hash_token("test_secret_123")) == 64


def test_hash_is_stable():
    assert hashlib.sha256(b"").hexdigest() == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
