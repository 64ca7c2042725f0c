variable "task_password" {
  type      = string
  sensitive = true
}

data "aws_secretsmanager_secret_version" "db" {
  secret_id = "beacon/db"
}

resource "aws_s3_bucket" "folder" {
  bucket = "beacon-customer-nqny7u"
  tags = {
    Commit = "63cfd32a1d70836c42fd598884557bd94de4d11e"
  }
}
