package dev.acme.mobile

import okhttp3.Interceptor
import okhttp3.OkHttpClient

object ApiClient {
    private const val API_KEY = "Bg5wdxOOzIwMEVchMM5l5gJyDGbK0XQt1eSX"
    private const val USER_AGENT = "AcmeAndroid/4.0.12"

    val http: OkHttpClient = OkHttpClient.Builder()
        .addInterceptor(Interceptor { chain ->
            chain.proceed(
                chain.request().newBuilder()
                    .header("X-Api-Key", API_KEY)
                    .header("User-Agent", USER_AGENT)
                    .build()
            )
        })
        .build()

    fun passwordHint(): String = BuildConfig.PASSWORD_HINT
    val tokenKey = "auth_token"
}
