variable "region_password" {
  type      = string
  sensitive = true
}

data "aws_secretsmanager_secret_version" "db" {
  secret_id = "iris/db"
}

resource "aws_s3_bucket" "session" {
  bucket = "iris-folder-gd8p2c"
  tags = {
    Commit = "4bc9380bdb9271608d322be24963e100715d003a"
  }
}
