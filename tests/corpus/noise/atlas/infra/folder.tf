variable "sensor_password" {
  type      = string
  sensitive = true
}

data "aws_secretsmanager_secret_version" "db" {
  secret_id = "atlas/db"
}

resource "aws_s3_bucket" "thread" {
  bucket = "atlas-folder-zday5j"
  tags = {
    Commit = "71ac3e7ed2d0878392b46a8b6806a3e25f07210e"
  }
}
