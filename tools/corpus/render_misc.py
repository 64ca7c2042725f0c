"""Other placements: HTTP recordings, logs, build files and sources in other languages."""

import json

from .kinds import jwt
from .negatives import semver
from .rand import ALNUM, B64URL, DIG, R, UPALNUM, b64, hexs, password, rbytes, rs, uuid4
from .registry import S, corpus_file
from .text import T


@corpus_file("integrations/recordings/github_oauth_exchange.yaml")
def _():
    body = json.dumps({"access_token": S("github-user-to-server-token"), "expires_in": 28800,
                       "refresh_token": S("github-refresh-token"), "refresh_token_expires_in": 15811200,
                       "scope": "", "token_type": "bearer"})
    body2 = json.dumps({"token": S("github-server-to-server-token"), "expires_at": "2024-05-02T11:00:00Z",
                        "permissions": {"contents": "read", "metadata": "read"}})
    return T('''
        interactions:
        - request:
            body: client_id=Iv1.%%cid%%&code=%%code%%
            headers:
              Accept: [application/json]
            method: POST
            uri: https://github.com/login/oauth/access_token
          response:
            body: {string: '%%body%%'}
            headers:
              Content-Type: [application/json; charset=utf-8]
            status: {code: 200, message: OK}
        - request:
            method: POST
            uri: https://api.github.com/app/installations/%%inst%%/access_tokens
          response:
            body: {string: '%%body2%%'}
            status: {code: 201, message: Created}
        version: 1
        ''', cid=hexs(16), code=hexs(20), body=body, body2=body2, inst=rs(DIG, 8))


@corpus_file("logs/gateway-access.log")
def _():
    lines = []
    leak_at = {7: ("slack", None), 15: ("ya29", None)}
    for i in range(24):
        ip = f"10.{R.randrange(256)}.{R.randrange(256)}.{R.randrange(256)}"
        ts = f"02/May/2024:10:{i:02d}:{R.randrange(60):02d} +0000"
        rid = uuid4()
        if i == 7:
            path = f"/oauth/slack/callback?code={rs(DIG, 12)}.{rs(DIG, 13)}.{hexs(64)}&token={S('slack-bot-token')}"
        elif i == 15:
            path = f"/v1/import?source=gdrive&access_token={S('gcp-oauth-access-token')}"
        else:
            path = R.choice(["/v1/orders", "/v1/orders/" + uuid4(), "/healthz", "/v1/cart?session=" + hexs(24),
                             "/static/app." + hexs(8) + ".js"])
        lines.append(f'{ip} - - [{ts}] "GET {path} HTTP/1.1" {R.choice([200, 200, 204, 304, 404])} '
                     f'{R.randrange(100, 9000)} "-" "Mozilla/5.0" rid={rid} rt=0.0{R.randrange(10, 99)}')
    return "\n".join(lines) + "\n"


@corpus_file("Makefile")
def _():
    return T('''
        SHELL := /bin/bash
        VERSION ?= $(shell git describe --tags --always)
        PULUMI_ACCESS_TOKEN ?= %%pul%%
        DOPPLER_TOKEN := %%dp%%

        .PHONY: build test deploy

        build:
        	go build -ldflags "-X main.version=$(VERSION)" ./...

        test:
        	go test ./... -race -count=1

        deploy:
        	PULUMI_ACCESS_TOKEN=$(PULUMI_ACCESS_TOKEN) pulumi up --yes --stack prod
        	doppler run --token $(DOPPLER_TOKEN) -- ./scripts/migrate.sh
        ''', pul=S("pulumi-access-token"), dp=S("doppler-personal-token"))


@corpus_file("infra/pulumi/Pulumi.prod.yaml")
def _():
    return T('''
        encryptionsalt: v1:%%salt%%:v1:%%iv%%:%%ct%%
        config:
          aws:region: eu-west-1
          platform:dbPassword:
            secure: v1:%%s1%%:%%s2%%
          platform:githubToken:
            secure: v1:%%s3%%:%%s4%%
          platform:replicas: "3"
        ''', salt=b64(rbytes(8)), iv=b64(rbytes(12)), ct=b64(rbytes(32)), s1=b64(rbytes(12)),
        s2=b64(rbytes(40)), s3=b64(rbytes(12)), s4=b64(rbytes(56)))


@corpus_file("shipping/app/services/label_service.rb")
def _():
    return T('''
        require "shippo"
        require "easypost"

        class LabelService
          SHIPPO_TOKEN = "%%shippo%%".freeze

          def initialize
            Shippo::API.token = SHIPPO_TOKEN
            @easypost = EasyPost::Client.new(api_key: "%%ep%%")
          end

          def purchase(rate_id)
            Shippo::Transaction.create(rate: rate_id, label_file_type: "PDF", async: false)
          end

          def track(carrier, code)
            @easypost.tracker.create(tracking_code: code, carrier: carrier)
          end
        end
        ''', shippo=S("shippo-api-token"), ep=S("easypost-api-key"))


@corpus_file("marketing/fb_ads_report.py")
def _():
    return T('''
        from facebook_business.adobjects.adaccount import AdAccount
        from facebook_business.api import FacebookAdsApi

        ACCESS_TOKEN = (
            "%%fb%%"
        )
        AD_ACCOUNT = "act_%%acct%%"

        FacebookAdsApi.init(access_token=ACCESS_TOKEN, api_version="v19.0")

        def spend_last_7d():
            insights = AdAccount(AD_ACCOUNT).get_insights(fields=["spend", "impressions"],
                                                          params={"date_preset": "last_7d"})
            return [(i["spend"], i["impressions"]) for i in insights]
        ''', fb=S("facebook-access-token"), acct=rs(DIG, 15))


@corpus_file("clj/project.clj")
def _():
    return T('''
        (defproject acme/edn-tools "%%ver%%"
          :description "EDN helpers"
          :dependencies [[org.clojure/clojure "1.11.3"]]
          :deploy-repositories [["clojars" {:url "https://repo.clojars.org"
                                            :username "acme-ci"
                                            :password "%%tok%%"
                                            :sign-releases false}]]
          :profiles {:dev {:dependencies [[criterium "0.4.6"]]}})
        ''', ver=semver(), tok=S("clojars-token"))


@corpus_file("k8s/gitlab-agent/values.yaml")
def _():
    return T('''
        image:
          tag: v16.11.0
        config:
          kasAddress: wss://kas.gitlab.acme.dev
          token: %%agent%%
        oauth:
          applicationId: %%appid%%
          secret: %%gloas%%
        rbac:
          create: true
        ''', agent=S("gitlab-agent-token"), appid=hexs(64), gloas=S("gitlab-oauth-app-secret"))


@corpus_file("ops/doctl/config.yaml")
def _():
    return T('''
        access-token: %%doo%%
        context: default
        output: text
        auth-contexts:
          staging: %%dop%%
        ''', doo=S("digitalocean-oauth-token"), dop=S("digitalocean-pat"))


@corpus_file("api/requests.http")
def _():
    tok = jwt({"sub": str(R.randrange(10 ** 5, 10 ** 6)), "email": "ops@acme.dev", "roles": ["admin"],
               "iss": "https://auth.acme.dev", "aud": "api.acme.dev", "iat": 1714550000, "exp": 1893456000},
              {"alg": "RS256", "typ": "JWT", "kid": hexs(16)})
    return T('''
        @host = https://api.acme.dev
        @token = %%jwt%%

        ### list orders
        GET {{host}}/v1/orders?limit=20
        Authorization: Bearer {{token}}

        ### create order
        POST {{host}}/v1/orders
        Authorization: Bearer {{token}}
        Content-Type: application/json

        {"sku": "SKU-%%sku%%", "qty": 2, "idempotency_key": "%%idem%%"}
        ''', jwt=S("jwt", tok), sku=rs(UPALNUM, 6), idem=uuid4())


@corpus_file("api/postman/prod.postman_environment.json")
def _():
    tok = jwt({"sub": "svc-reporting", "scope": "orders:read reports:write", "iat": 1714550000,
               "exp": 1893456000, "jti": uuid4()})
    return json.dumps({"id": uuid4(), "name": "prod", "values": [
        {"key": "baseUrl", "value": "https://api.acme.dev", "type": "default", "enabled": True},
        {"key": "accessToken", "value": S("jwt", tok), "type": "secret", "enabled": True},
        {"key": "clientSecret", "value": S("generic-client-secret", rs(B64URL, 48)), "type": "secret", "enabled": True},
        {"key": "apiKey", "value": "{{vault:api-key}}", "type": "secret", "enabled": True},
    ], "_postman_variable_scope": "environment"}, indent="\t") + "\n"


@corpus_file("inventory/settings.xml")
def _():
    return T('''
        <?xml version="1.0" encoding="UTF-8"?>
        <settings xmlns="http://maven.apache.org/SETTINGS/1.2.0">
          <servers>
            <server>
              <id>acme-releases</id>
              <username>deployer</username>
              <password>%%pw%%</password>
            </server>
            <server>
              <id>github</id>
              <username>acme-bot</username>
              <password>${env.GITHUB_TOKEN}</password>
            </server>
            <server>
              <id>ossrh</id>
              <username>acme</username>
              <password>{%%menc%%}</password>
            </server>
          </servers>
        </settings>
        ''', pw=S("generic-password", password(20, symbols="")), menc=b64(rbytes(32)))


@corpus_file("portal/Portal.Web/Web.config")
def _():
    return T('''
        <?xml version="1.0" encoding="utf-8"?>
        <configuration>
          <connectionStrings>
            <add name="Portal" connectionString="Data Source=sql01.acme.local;Initial Catalog=Portal;User ID=portal_web;Password=%%pw%%" providerName="System.Data.SqlClient" />
            <add name="Audit" connectionString="Driver={ODBC Driver 18 for SQL Server};Server=sql02.acme.local;Database=Audit;Uid=audit;Pwd=%%odbc%%;Encrypt=yes;" />
          </connectionStrings>
          <appSettings>
            <add key="webpages:Version" value="3.0.0.0" />
            <add key="SmtpPassword" value="%%smtp%%" />
            <add key="MachineKeyValidation" value="HMACSHA256" />
          </appSettings>
          <system.web>
            <compilation debug="false" targetFramework="4.8" />
            <machineKey validationKey="AutoGenerate,IsolateApps" decryptionKey="AutoGenerate,IsolateApps" />
          </system.web>
        </configuration>
        ''', pw=S("mssql-connection-string-password", password(18, symbols="!*")),
        odbc=S("odbc-connection-string-password", password(18, symbols="")),
        smtp=S("generic-password", password(18, symbols=""))).replace("\n", "\r\n")


@corpus_file("Jenkinsfile")
def _():
    return T('''
        pipeline {
          agent { label 'linux' }
          environment {
            REGISTRY_CREDS = credentials('registry-creds')
            SONAR_TOKEN    = credentials('sonar-token')
            ARTIFACTORY_TOKEN = '%%art%%'
          }
          stages {
            stage('Build') {
              steps { sh './gradlew build' }
            }
            stage('Publish') {
              steps {
                withCredentials([string(credentialsId: 'gh-token', variable: 'GITHUB_TOKEN')]) {
                  sh 'curl -H "Authorization: token $GITHUB_TOKEN" https://api.github.com/repos/acme/inventory/releases'
                }
                sh 'curl -H "X-JFrog-Art-Api: ${ARTIFACTORY_TOKEN}" -T build/libs/inventory.jar https://acme.jfrog.io/artifactory/libs-release/'
              }
            }
          }
        }
        ''', art=S("artifactory-api-key"))


@corpus_file("firmware/src/config.h")
def _():
    return T('''
        #ifndef FIRMWARE_CONFIG_H_
        #define FIRMWARE_CONFIG_H_

        #include <stdint.h>

        #define WIFI_SSID "acme-iot"
        #define WIFI_PASSWORD "%%wifi%%"
        #define MQTT_HOST "mqtt.acme.dev"
        #define MQTT_PORT 8883
        #define MQTT_USER "sensor-fleet"

        static const char kMqttPassword[] = "%%mqtt%%";

        /* SHA-256 of the expected bootloader image. */
        static const uint8_t kBootloaderDigest[32] = {
            %%digest%%
        };

        #define FW_VERSION "%%ver%%"

        #endif  // FIRMWARE_CONFIG_H_
        ''', wifi=S("generic-password", password(16, symbols="")), mqtt=S("generic-password", password(24, symbols="")),
        digest=", ".join(f"0x{b:02x}" for b in rbytes(32)), ver=semver())


@corpus_file("mobile/ios/Acme/Config.swift")
def _():
    return T('''
        import Foundation

        enum Config {
            static let apiBaseURL = URL(string: "https://api.acme.dev")!
            static let revenueCatKey = "appl_%%rc%%"
            static let segmentWriteKey = ProcessInfo.processInfo.environment["SEGMENT_WRITE_KEY"] ?? ""
            // Server-side key; should not be in the app bundle
            static let intercomSecret = "%%ic%%"
            static let buildUUID = UUID(uuidString: "%%u%%")!
        }
        ''', rc=rs(ALNUM, 27), ic=S("generic-secret", hexs(40)), u=uuid4().upper())


@corpus_file("mobile/android/app/src/main/java/dev/acme/mobile/ApiClient.kt")
def _():
    return T('''
        package dev.acme.mobile

        import okhttp3.Interceptor
        import okhttp3.OkHttpClient

        object ApiClient {
            private const val API_KEY = "%%key%%"
            private const val USER_AGENT = "AcmeAndroid/%%ver%%"

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
        ''', key=S("generic-api-key", rs(ALNUM, 36)), ver=semver())
