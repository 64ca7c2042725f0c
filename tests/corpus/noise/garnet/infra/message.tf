variable "payment_password" {
  type      = string
  sensitive = true
}

data "aws_secretsmanager_secret_version" "db" {
  secret_id = "garnet/db"
}

resource "aws_s3_bucket" "product" {
  bucket = "garnet-metric-5j5y3f"
  tags = {
    Commit = "17b6919599bffb07d9dcae49154581c54ed82cea"
  }
}
