variable "hcloud_token" {
  type        = string
  description = "Hetzner Cloud API token for the staging project"
  default     = "Dod9Ms2wkfbVoeJMC4MpqmAp2eARdPJH6DSbHuyXrmruMKBz4w5jA8Uy6eYdo2Ak"
}

variable "datadog_api_key" {
  default = "e6e2f4fc9f729b982325d9c18cc929f9"
}

variable "db_password" {
  type      = string
  sensitive = true
}

variable "location" {
  default = "fsn1"
}
