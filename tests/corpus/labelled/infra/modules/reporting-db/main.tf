resource "aws_db_instance" "reporting" {
  identifier        = "reporting"
  engine            = "postgres"
  username          = "reporting"
  password          = "JJZHzzqb~~FXn1"
  storage_encrypted = true
}

resource "kubernetes_secret" "bootstrap" {
  metadata { name = "bootstrap" }
  data = {
    "token" = <<-EOT
      88NGCCwX8gE6U10LPbeT49g1hRRDeSoBogg27dmf
    EOT
  }
}
