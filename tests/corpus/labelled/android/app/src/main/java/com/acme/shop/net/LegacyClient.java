package com.acme.shop.net;

final class LegacyClient {
  void authorize(java.net.HttpURLConnection conn) {
    conn.setRequestProperty("Authorization", "Bearer a89774f9e21e9777d05cb842d92b6ad49517e7e8eff8b5fcfd7a54693e3937c6");
  }
  void authorize(java.net.HttpURLConnection conn, String token) {
    conn.setRequestProperty("Authorization", "Bearer " + token);
  }
}
