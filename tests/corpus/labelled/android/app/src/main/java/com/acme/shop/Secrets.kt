package com.acme.shop

object Secrets {
    const val API_HOST: String = "api.acme-shop.io"
    val paymentSecretKey: String = "8Tw3mnlEyhqO5I6j8YlkbQDjK6vzxevcuI4c6ui4"
}
