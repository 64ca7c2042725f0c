variable "device_password" {
  type      = string
  sensitive = true
}

data "aws_secretsmanager_secret_version" "db" {
  secret_id = "lumen/db"
}

resource "aws_s3_bucket" "schedule" {
  bucket = "lumen-order-06yaeu"
  tags = {
    Commit = "e79cf0052a2307854952fa7d58ed79a18cece03f"
  }
}
