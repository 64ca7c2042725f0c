variable "user_password" {
  type      = string
  sensitive = true
}

data "aws_secretsmanager_secret_version" "db" {
  secret_id = "iris/db"
}

resource "aws_s3_bucket" "schedule" {
  bucket = "iris-channel-u2aibo"
  tags = {
    Commit = "1b05a7130731daf908ebd005f0ec094882497448"
  }
}
