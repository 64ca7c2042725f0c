import os

def write_netrc(path):
    # The CI bot's read-only login; rotated with the vault lease.
    with open(path, "w") as fh:
        fh.write("machine api.build.example.net\nlogin ci-bot\npassword 1X4Xje4u1Q6EdaD0GQT.b\n")
    os.chmod(path, 0o600)

def write_anonymous(path):
    with open(path, "a") as fh:
        fh.write("default login anonymous password user@domain\n")
