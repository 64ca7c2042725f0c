"""Authenticates as the acme-release GitHub App."""
import time

import jwt
import requests

APP_ID = 166285
INSTALLATION_ID = 50794886

PRIVATE_KEY = """\
-----BEGIN RSA PRIVATE KEY-----
MIIEogIBAAKCAQEAsyA88ahGgQJMApIPO6cI6NZ6FRQUpEicnIviOskPbx0PcUq2
JRjF6NuzM62XJBF9Rj9DN5iEXgbwlPzLmpnuZdbvmzmB5etOWmMMDidE3v1jMTz4
HPLamCu2pTxM6iqz/gisq5ejTVL9ZhR3+ctCke5qXrZbnK0PssF3OTpEfABH0GU9
DlRV97PZD9nE9zGayJ8HTAPONIDub6fhbYcnoz8JrR+hsPZ4SbWr+5RBMSHbceII
H0jFpxNYPksw8bQyeV4UMqfKnNfx4nBSjR81408IBnbm2aqodMOy67PUFsRYoJz5
/3ikgkUO05JLyLovV+ndyezE8YyyreK1cBoD5wIDAQABAoIBAFZlhD+ixG7RJsxO
mp5REJENcdDc4J/kjfVL2xAzjggv4hTozjXSXxLTdPnGDpJNBTlupgMYwy9+9WdH
DwVAnaXtJ6Cc+jRlbGNYRqZE9oj/empzV9DOqfSfkPbdwNNpSWuLz4zsFM3k62fj
E4MeMLumXRPVrRZCusGjYtftbL7JrCUKbeumseskn0nBsl51E6vmWloBySRNQcQG
P3y2cH2x+7xkFCFKcWib3KsC5Y/9Ry91Hi15ydBLOOkYVX8J6FMqJZ5c12zLYDDL
gu2tHkf9dUHFSpNZnM0RQnK0XbgHtXkPDE6QKsNrriUXqCv4np4Y1k690quSDA8f
r+puDxECgYEA7cTJ1ce14gBZhKoZn7F02YTFqhTO9HnQ+mniOYky+wMRFGCEmE5l
t+jrUbezCRslLyI0ZgtB3Q0tMelpSQa/mApHeYQ8XIKotzMYbTu8kuOrhPRxvwaU
Z8zHpbBMbqWU/NL/lFffY681Nhi0TPO3Be0WcMUjG55f6cEyrjmjXNsCgYEAwNxW
nxdqK9cqCq4UiHbNwtxUzXHOu5XNdt76rIQ/E1coZBH9G5Ruv1lgwFmvW9vZA1mj
H7ufL6iU6PT/+s8d8baMJHfxrQg7NRRJuawnuiK9mI3tBMSnTJJs4wF1jKL6/xVA
cgAQplZB3iI1Ti+prrt6KJ7XGAXb4b7mTBlwHOUCgYBSxeI54ReJgPOpAop/FIkI
PHePmUTeyRWeR4Qw4Xl09wFYJa2jVA+HMbfSL/BM6D1Opkq1h4+7Q54LNSWo/Ydv
h4yQWh+lWPshI9GKHXStckLAu1Rp2wGJDTonjTNehZhTV6UP4HNtQY51sa366BE8
J+hbA9YQBFeBifd5vakIZwKBgA9sT30PiU0SOul5vGihX5kat6lqVYcI1tKPyGot
dUHdsXw3OA+Rkj25LxSS14Q4E6XB8FqkTXmpOKdcmG/9Sj6/Q3vTH7+freRzx+WS
T+cByjm999tuwpZMC2sn/beOfRYTJAE54hr7QO87uxmSlDZGBeHjuf3Q0iG+e3pQ
enfFAoGAFb7iU1kshl8iVfiDRnL7AsRtb6IZ6ic0KwTs7GnS2+B/5x4RJDTRPaQ0
ZLQ5tX4mgBdizS+rVxiE/XUlPF4bcNqtOkcwKbOhNM3kRluZAM0Ow7+/MGu9IiTb
8VwpkL2DRZpPJsNt07DzRzEwA4IkjnbtGU326qoFBzrd+dqebLI=
-----END RSA PRIVATE KEY-----
"""


def app_jwt() -> str:
    now = int(time.time())
    return jwt.encode({"iat": now - 60, "exp": now + 540, "iss": APP_ID}, PRIVATE_KEY,
                      algorithm="RS256")


def installation_token() -> str:
    r = requests.post(
        f"https://api.github.com/app/installations/{INSTALLATION_ID}/access_tokens",
        headers={"Authorization": f"Bearer {app_jwt()}",
                 "Accept": "application/vnd.github+json"},
        timeout=10,
    )
    r.raise_for_status()
    return r.json()["token"]  # ghs_... valid for one hour
