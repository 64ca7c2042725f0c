KEY1 = "AKIAQYLPMN5HHHFPZAM2"  # magpie:allow aws-access-key-id -- fake
# gitleaks:allow
KEY2 = "AKIAQYLPMN5HHHFPZAM2"
KEY3 = "AKIAQYLPMN5HHHFPZAM2"  # pragma: allowlist secret
KEY4 = "AKIAQYLPMN5HHHFPZAM2"
