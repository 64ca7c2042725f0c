package com.acme.ledger;

final class Db {
  static String password() {
    return System.getenv().getOrDefault("LEDGER_DB_PASSWORD", "IEMi7h4yy!96ElpGV5");
  }
}
