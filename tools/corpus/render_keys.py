"""Key and certificate files (SSH, PEM, X.509, PGP, PuTTY, age) and Google credential JSON."""

import json

from .keyfiles import openssh_ed25519, pem_private, pgp_block, putty_ppk, ssh_rsa_public_line
from .keys import RsaKey, pem, rsa_spki, x509_self_signed
from .rand import DIG, LOALNUM, R, b64, hexs, rbytes, rs
from .registry import PK, S, corpus_file
from .text import T


@corpus_file("deploy/keys/id_ed25519")
def _():
    return PK("private-key-openssh", "deploy@acme-ci") + "\n"


@corpus_file("deploy/keys/id_ed25519.pub")
def _():
    return openssh_ed25519("deploy@acme-ci")[1] + "\n"


@corpus_file("deploy/keys/legacy_rsa")
def _():
    return PK("private-key-openssh-rsa", "jenkins@build-02") + "\n"


@corpus_file("deploy/keys/authorized_keys")
def _():
    lines = [ssh_rsa_public_line(RsaKey(2048), f"{u}@acme") for u in ("alice", "bob")]
    lines.append(openssh_ed25519("carol@laptop")[1])
    lines.append('from="10.0.0.0/8",no-pty ' + openssh_ed25519("backup@nas")[1])
    return "\n".join(lines) + "\n"


@corpus_file("deploy/keys/known_hosts")
def _():
    out = []
    for host in ("github.com", "gitlab.acme.dev", "10.0.4.12"):
        out.append(f"|1|{b64(rbytes(20))}|{b64(rbytes(20))} " + openssh_ed25519("")[1].strip())
        out.append(f"{host} " + openssh_ed25519("")[1].strip())
    return "\n".join(out) + "\n"


@corpus_file("certs/server.key")
def _():
    return PK("private-key-pkcs8") + "\n"


@corpus_file("certs/server.crt")
def _():
    k = RsaKey(2048)
    return x509_self_signed(k, "api.acme.dev", R.randrange(1, 2 ** 63)) + x509_self_signed(
        RsaKey(2048), "Acme Issuing CA", R.randrange(1, 2 ** 63))


@corpus_file("certs/ec-signing.pem")
def _():
    return T('''
        # Signing key for release manifests (P-256)
        %%key%%
        ''', key=PK("private-key-ec"))


@corpus_file("certs/public.pem")
def _():
    return pem("PUBLIC KEY", rsa_spki(RsaKey(2048)))


@corpus_file("keys/release-signing.asc")
def _():
    return S("pgp-private-key", pgp_block(RsaKey(2048), "Acme Release Signing <release@acme.dev>", True).rstrip("\n")) + "\n"


@corpus_file("keys/release-signing.pub.asc")
def _():
    return pgp_block(RsaKey(2048), "Acme Release Signing <release@acme.dev>", False)


@corpus_file("keys/windows-deploy.ppk")
def _():
    return S("putty-private-key", putty_ppk(RsaKey(2048), "rsa-key-20240312").rstrip("\n")) + "\n"


@corpus_file("keys/age/backup.key")
def _():
    return T('''
        # created: 2024-04-02T09:12:44Z
        # public key: age1%%pub%%
        %%key%%
        ''', pub=rs("qpzry9x8gf2tvdw0s3jn54khce6mua7l", 58), key=S("age-secret-key"))


@corpus_file("config/gcp/service-account.json")
def _():
    key = pem_private("private-key-pkcs8")
    escaped = json.dumps(key)[1:-1]
    doc = {
        "type": "service_account",
        "project_id": "acme-data-prod",
        "private_key_id": hexs(40),
        "private_key": "@@KEY@@",
        "client_email": "etl-runner@acme-data-prod.iam.gserviceaccount.com",
        "client_id": rs(DIG, 21),
        "auth_uri": "https://accounts.google.com/o/oauth2/auth",
        "token_uri": "https://oauth2.googleapis.com/token",
        "auth_provider_x509_cert_url": "https://www.googleapis.com/oauth2/v1/certs",
        "client_x509_cert_url": "https://www.googleapis.com/robot/v1/metadata/x509/etl-runner%40acme-data-prod.iam.gserviceaccount.com",
        "universe_domain": "googleapis.com",
    }
    text = json.dumps(doc, indent=2) + "\n"
    return text.replace("@@KEY@@", S("gcp-service-account-private-key", escaped, decoded=key))


@corpus_file("config/gcp/oauth-client.json")
def _():
    return json.dumps({"web": {
        "client_id": f"{rs(DIG, 12)}-{rs(LOALNUM, 32)}.apps.googleusercontent.com",
        "project_id": "acme-web-prod",
        "auth_uri": "https://accounts.google.com/o/oauth2/auth",
        "token_uri": "https://oauth2.googleapis.com/token",
        "client_secret": S("gcp-oauth-client-secret"),
        "redirect_uris": ["https://app.acme.dev/oauth/callback"],
    }}, indent=2) + "\n"


@corpus_file("config/gcp/adc-user.json")
def _():
    return json.dumps({
        "account": "",
        "client_id": f"{rs(DIG, 12)}-{rs(LOALNUM, 32)}.apps.googleusercontent.com",
        "client_secret": S("gcp-oauth-client-secret"),
        "quota_project_id": "acme-data-prod",
        "refresh_token": S("gcp-oauth-refresh-token"),
        "type": "authorized_user",
    }, indent=2) + "\n"


@corpus_file("mobile/push/fcm.json")
def _():
    return json.dumps({"fcm": {"server_key": S("fcm-server-key"), "sender_id": rs(DIG, 12)},
                       "debug_access_token": S("gcp-oauth-access-token")}, indent=2) + "\n"
