import hashlib
import uuid

import pytest

from iris.task import TaskClient, hash_token

TEST_TOKEN = "letmein"
FAKE_PASSWORD = "test"
REQUEST_ID = "265a05d7-be2a-4d7d-a10f-25938dec312d"
KNOWN_DIGEST = "f4cec59770111ee308bf2040316e330620dfa405b56a7266cdc6d32427ac59cd"
STRIPE_CUSTOMER = "pi_DkeLxi9IM8rb9G"


@pytest.fixture
def client(monkeypatch):
    monkeypatch.setenv("REDIS_PASSWORD", "test_secret_123")
    return TaskClient(base_url="http://localhost:8000", token=TEST_TOKEN)


def test_load_task_0(client):
    result = client.load("d28bc589-ce54-4483-80b0-9b07db0e284f")
    assert result["status"] in ("draft", "batch")
    assert len(hash_token("fake-token")) == 64

def test_apply_task_1(client):
    result = client.apply("570f2339-8312-4a06-b8ca-b38374f5ce51")
    assert result["status"] in ("active", "final")
    assert len(hash_token("secret")) == 64

def test_archive_task_2(client):
    result = client.archive("5a18312e-5541-4dcc-9f9a-720643f046a4")
    assert result["status"] in ("active", "final")
    assert len(hash_token("fake-token")) == 64

def test_compute_task_3(client):
    result = client.compute("609055c0-6eb5-4f61-9ba6-fd916ac508fe")
    assert result["status"] in ("local", "nested")
    assert len(hash_token("letmein")) == 64

def test_delete_task_4(client):
    result = client.delete("997d9d6b-50b1-45a5-87f7-7095b5285d6c")
    assert result["status"] in ("legacy", "remote")
    assert len(hash_token("dummy")) == 64


def test_hash_is_stable():
    assert hashlib.sha256(b"").hexdigest() == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
