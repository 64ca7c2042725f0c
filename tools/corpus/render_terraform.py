"""Terraform/HCL, Vault agent and CloudFormation files."""

from .negatives import sha256
from .rand import DIG, b64, password, rbytes, rs
from .registry import S, corpus_file
from .text import T


@corpus_file("infra/main.tf")
def _():
    return T('''
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
          access_key = "%%kid%%"
          secret_key = "%%sec%%"
        }

        provider "digitalocean" {
          token = "%%do%%"
        }

        provider "cloudflare" {
          api_token = var.cloudflare_api_token
        }

        resource "aws_db_instance" "orders" {
          identifier          = "orders"
          engine              = "postgres"
          instance_class      = "db.t4g.medium"
          username            = "orders"
          password            = "%%dbpw%%"
          skip_final_snapshot = true
        }

        resource "aws_iam_access_key" "ci" {
          user = aws_iam_user.ci.name
        }

        output "ci_secret" {
          value     = aws_iam_access_key.ci.secret
          sensitive = true
        }
        ''', kid=S("aws-access-key-id"), sec=S("aws-secret-access-key"), do=S("digitalocean-pat"),
        dbpw=S("generic-password", password(20, symbols="")))


@corpus_file("infra/variables.tf")
def _():
    return T('''
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
          default = "sha256:%%d%%"
        }

        locals {
          db_password = coalesce(var.db_password, data.aws_secretsmanager_secret_version.db.secret_string)
          api_key     = data.vault_generic_secret.api.data["key"]
        }
        ''', d=sha256())


@corpus_file("infra/prod.auto.tfvars")
def _():
    return T('''
        environment          = "prod"
        cloudflare_api_token = "%%cf%%"
        datadog_api_key      = "%%dd%%"
        datadog_app_key      = "%%ddapp%%"
        linode_token         = "%%linode%%"
        alicloud_access_key  = "%%ali%%"
        alicloud_secret_key  = "%%alisec%%"
        ibmcloud_api_key     = "%%ibm%%"
        origin_ca_key        = "%%origin%%"
        fly_api_token        = "%%fly%%"
        allowed_cidrs        = ["10.0.0.0/8", "192.168.0.0/16"]
        ''', cf=S("cloudflare-api-token"), dd=S("datadog-api-key"), ddapp=S("datadog-app-key"),
        linode=S("linode-token"), ali=S("alibaba-access-key-id"), alisec=S("alibaba-access-key-secret"),
        ibm=S("ibm-cloud-api-key"), origin=S("cloudflare-origin-ca-key"), fly=S("flyio-token"))


@corpus_file("infra/.terraform.lock.hcl")
def _():
    blocks = []
    for prov, ver in [("hashicorp/aws", "5.46.0"), ("digitalocean/digitalocean", "2.36.0"),
                      ("cloudflare/cloudflare", "4.30.0")]:
        hashes = "\n".join(f'    "zh:{sha256()}",' for _ in range(6))
        blocks.append(f'provider "registry.terraform.io/{prov}" {{\n  version     = "{ver}"\n'
                      f'  constraints = "~> {ver.rsplit(".", 1)[0]}"\n  hashes = [\n'
                      f'    "h1:{b64(rbytes(32))}",\n{hashes}\n  ]\n}}\n')
    return "# This file is maintained automatically by \"terraform init\".\n# Manual edits may be lost in future updates.\n\n" + "\n".join(blocks)


@corpus_file("infra/.terraformrc")
def _():
    return T('''
        plugin_cache_dir = "$HOME/.terraform.d/plugin-cache"

        credentials "app.terraform.io" {
          token = "%%tfc%%"
        }
        ''', tfc=S("terraform-cloud-token"))


@corpus_file("infra/vault/agent.hcl")
def _():
    return T('''
        pid_file = "/var/run/vault-agent.pid"

        vault {
          address = "https://vault.acme.dev:8200"
        }

        auto_auth {
          method "token_file" {
            config = {
              token_file_path = "/etc/vault/token"
            }
          }
        }

        # bootstrap tokens, revoke after first run
        # root:  %%hvs%%
        # batch: %%hvb%%

        template {
          source      = "/etc/vault/templates/db.ctmpl"
          destination = "/etc/app/db.env"
        }
        ''', hvs=S("vault-service-token"), hvb=S("vault-batch-token"))


@corpus_file("infra/modules/ecs-service/main.tf")
def _():
    return T('''
        resource "aws_ecs_task_definition" "this" {
          family                   = var.name
          requires_compatibilities = ["FARGATE"]
          cpu                      = 512
          memory                   = 1024
          execution_role_arn       = aws_iam_role.exec.arn
          container_definitions = jsonencode([{
            name  = var.name
            image = "${var.image}@${var.image_digest}"
            secrets = [
              { name = "DB_PASSWORD", valueFrom = "arn:aws:secretsmanager:eu-west-1:%%acct%%:secret:prod/db-AbCdEf" },
              { name = "API_KEY", valueFrom = "arn:aws:ssm:eu-west-1:%%acct%%:parameter/prod/api_key" },
            ]
            environment = [
              { name = "PASSWORD_MIN_LENGTH", value = "12" },
              { name = "TOKEN_AUDIENCE", value = "https://api.acme.dev" },
            ]
          }])
        }
        ''', acct=rs(DIG, 12))


@corpus_file("infra/cloudformation/app.yaml")
def _():
    return T('''
        AWSTemplateFormatVersion: "2010-09-09"
        Parameters:
          DbPassword:
            Type: String
            NoEcho: true
        Resources:
          Database:
            Type: AWS::RDS::DBInstance
            Properties:
              Engine: postgres
              MasterUsername: app
              MasterUserPassword: !Ref DbPassword
          ApiSecret:
            Type: AWS::SecretsManager::Secret
            Properties:
              GenerateSecretString:
                SecretStringTemplate: '{"username": "api"}'
                GenerateStringKey: password
                PasswordLength: 32
          Worker:
            Type: AWS::Lambda::Function
            Properties:
              Environment:
                Variables:
                  STRIPE_KEY: "{{resolve:secretsmanager:prod/stripe:SecretString:secret_key}}"
                  SLACK_TOKEN: "{{resolve:ssm-secure:/prod/slack/token:1}}"
        ''')
