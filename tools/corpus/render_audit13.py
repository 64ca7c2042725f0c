"""Issue 12's second outside audit (audit13): forms of its held-out set that the rules missed.

A netrc written from a string literal with `\\n` escapes, an Azure storage key under a variable
name, a Basic header set by nginx and by Go's Header.Set, Terraform variables whose default is
the token, and Private Packagist tokens. Beside them the hard negatives it found flagged: curl's
`;auth=NTLM` login option after a word password, the anonymous netrc login's e-mail, a Basic
header from an nginx variable and Terraform variables without a literal default.
"""

import base64

from .rand import ALNUM, HEXL, R, hexs, password, rbytes, rs
from .registry import S, corpus_file
from .text import T


@corpus_file("tools/bootstrap/write_netrc.py")
def _():
    return T('''
        import os

        def write_netrc(path):
            # The CI bot's read-only login; rotated with the vault lease.
            with open(path, "w") as fh:
                fh.write("machine api.build.example.net\\nlogin ci-bot\\npassword %%pw%%\\n")
            os.chmod(path, 0o600)

        def write_anonymous(path):
            with open(path, "a") as fh:
                fh.write("default login anonymous password user@domain\\n")
        ''', pw=S("shape-fw-netrc-escaped", password(symbols="_.")))


@corpus_file("web/uploads/src/storage.js")
def _():
    return T('''
        const { StorageSharedKeyCredential } = require('@azure/storage-blob');

        module.exports = {
          AZURE_STORAGE_ACCOUNT: 'acmeuploads',
          AZURE_STORAGE_KEY: '%%key%%',
        };

        // CI passes it in: AZURE_STORAGE_KEY: ${{ secrets.AZURE_STORAGE_KEY }}
        ''', key=S("azure-storage-account-key", base64.b64encode(rbytes(64)).decode()))


@corpus_file("deploy/nginx/conf.d/legacy-admin.conf")
def _():
    creds = "ops:" + password(symbols="!_")
    enc = base64.b64encode(creds.encode()).decode()
    return T('''
        location /legacy-admin/ {
            proxy_pass http://legacy-admin:8080/;
            proxy_set_header Authorization "Basic %%enc%%";
        }
        location /passthrough/ {
            proxy_set_header Authorization "Basic $http_authorization";
        }
        ''', enc=S("shape-auth-nginx-basic", enc, decoded=creds.split(":", 1)[1]))


@corpus_file("pkg/registry/client.go")
def _():
    creds = "ci-bot:" + password(symbols="!_")
    enc = base64.b64encode(creds.encode()).decode()
    return T('''
        package registry

        import "net/http"

        func authorize(req *http.Request) {
        	req.Header.Set("Authorization", "Basic %%enc%%")
        }
        ''', enc=S("shape-auth-go-basic", enc, decoded=creds.split(":", 1)[1]))


@corpus_file("infra/hetzner/variables.tf")
def _():
    return T('''
        variable "hcloud_token" {
          type        = string
          description = "Hetzner Cloud API token for the staging project"
          default     = "%%tok%%"
        }

        variable "datadog_api_key" {
          default = "%%dd%%"
        }

        variable "db_password" {
          type      = string
          sensitive = true
        }

        variable "location" {
          default = "fsn1"
        }
        ''', tok=S("shape-assign-tf-variable-default", rs(ALNUM, 64)),
        dd=S("shape-assign-tf-variable-default-dd", hexs(32)))


@corpus_file("php/shop/auth.json")
def _():
    return T('''
        {
            "http-basic": {
                "repo.packagist.com": {
                    "username": "token",
                    "password": "%%tok%%"
                }
            }
        }
        ''', tok=S("private-packagist-token", "packagist_" + R.choice(["ort", "out", "uut"]) + "_" +
                   rs(HEXL, 68)))


@corpus_file("docs/proxy-auth.md")
def _():
    # No label: curl's own documentation of login options and anonymous FTP.
    return T('''
        # Proxy authentication

        `http://test:pass;auth=NTLM@proxy.example.com:8080` is the same as
        `--proxy-user test:pass;auth=NTLM` or `--proxy-user test:pass --proxy-ntlm`.

        For anonymous FTP add a line like this at the end of your .netrc:

            default login anonymous password user@domain
        ''')
