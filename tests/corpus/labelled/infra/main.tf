terraform {
  required_version = ">= 1.6"
  required_providers {
    aws          = { source = "hashicorp/aws", version = "~> 5.0" }
    digitalocean = { source = "digitalocean/digitalocean", version = "~> 2.34" }
    cloudflare   = { source = "cloudflare/cloudflare", version = "~> 4.0" }
  }
  backend "s3" {
    bucket = "acme-tf-state"
    key    = "prod/terraform.tfstate"
    region = "eu-west-1"
  }
}

provider "aws" {
  region     = "eu-west-1"
  access_key = "AKIA4AB6TMKVUTETWCK3"
  secret_key = "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"
}

provider "digitalocean" {
  token = "dop_v1_1e1c8f90fbf92c0f7922d8c83ceae0fee62def4e14baa4cb12d180f90d22be54"
}

provider "cloudflare" {
  api_token = var.cloudflare_api_token
}

resource "aws_db_instance" "orders" {
  identifier          = "orders"
  engine              = "postgres"
  instance_class      = "db.t4g.medium"
  username            = "orders"
  password            = "6JXlVnSRwLjDJeDj3Dra"
  skip_final_snapshot = true
}

resource "aws_iam_access_key" "ci" {
  user = aws_iam_user.ci.name
}

output "ci_secret" {
  value     = aws_iam_access_key.ci.secret
  sensitive = true
}
