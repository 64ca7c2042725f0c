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
      { name = "DB_PASSWORD", valueFrom = "arn:aws:secretsmanager:eu-west-1:526665576297:secret:prod/db-AbCdEf" },
      { name = "API_KEY", valueFrom = "arn:aws:ssm:eu-west-1:526665576297:parameter/prod/api_key" },
    ]
    environment = [
      { name = "PASSWORD_MIN_LENGTH", value = "12" },
      { name = "TOKEN_AUDIENCE", value = "https://api.acme.dev" },
    ]
  }])
}
