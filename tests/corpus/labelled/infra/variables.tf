variable "cloudflare_api_token" {
  description = "Cloudflare API token with Zone:Edit"
  type        = string
  sensitive   = true
}

variable "db_password" {
  type      = string
  sensitive = true
  default   = null
}

variable "datadog_api_key" {
  type        = string
  description = "Set via TF_VAR_datadog_api_key"
  sensitive   = true
}

variable "image_digest" {
  type    = string
  default = "sha256:687893d694ed534755cc1f753298f6baa9f78279e95b1045ce5e27f38121ff61"
}

locals {
  db_password = coalesce(var.db_password, data.aws_secretsmanager_secret_version.db.secret_string)
  api_key     = data.vault_generic_secret.api.data["key"]
}
