"""Java/JVM configs and sources (Spring, Gradle, Kafka, Liquibase) and C#/.NET files."""

import urllib.parse

from .kinds import TOKENS
from .negatives import semver, sha1, sha256
from .rand import ALNUM, B64URL, LOALNUM, UPALNUM, password, rs, uuid4
from .registry import S, corpus_file
from .text import T


@corpus_file("inventory/src/main/resources/application.properties")
def _():
    return T('''
        spring.application.name=inventory
        server.port=8080
        spring.datasource.url=jdbc:postgresql://inventory-db.prod.internal:5432/inventory?ssl=true&sslmode=verify-full
        spring.datasource.username=inventory
        spring.datasource.password=%%db%%
        spring.datasource.hikari.maximum-pool-size=20
        spring.jpa.hibernate.ddl-auto=validate

        spring.mail.host=smtp.sendgrid.net
        spring.mail.port=587
        spring.mail.username=apikey
        spring.mail.password=%%sg%%

        management.endpoints.web.exposure.include=health,info,prometheus
        inventory.cache.ttl=PT10M
        inventory.feature.bulk-import=true
        ''', db=S("generic-password", password(22, symbols="!_-")), sg=S("sendgrid-api-key"))


@corpus_file("inventory/src/main/resources/application-prod.yml")
def _():
    return T('''
        spring:
          datasource:
            url: jdbc:postgresql://${DB_HOST:localhost}:5432/inventory
            username: ${DB_USER}
            password: ${DB_PASSWORD}
          security:
            oauth2:
              client:
                registration:
                  okta:
                    client-id: ${OKTA_CLIENT_ID}
                    client-secret: ${OKTA_CLIENT_SECRET}
        inventory:
          s3:
            access-key: ${AWS_ACCESS_KEY_ID:}
            secret-key: ${AWS_SECRET_ACCESS_KEY:}
          api-token: ${vault:secret/inventory#api-token}
        logging:
          level:
            root: INFO
        ''')


@corpus_file("inventory/src/main/java/com/acme/inventory/config/StorageConfig.java")
def _():
    key = S("azure-storage-account-key")
    return T('''
        package com.acme.inventory.config;

        import com.azure.storage.blob.BlobServiceClient;
        import com.azure.storage.blob.BlobServiceClientBuilder;
        import org.springframework.context.annotation.Bean;
        import org.springframework.context.annotation.Configuration;

        @Configuration
        public class StorageConfig {

            private static final String CONNECTION_STRING =
                "DefaultEndpointsProtocol=https;AccountName=acmeinventory;AccountKey=%%key%%;EndpointSuffix=core.windows.net";

            private static final String API_KEY = "%%api%%";

            @Bean
            public BlobServiceClient blobServiceClient() {
                return new BlobServiceClientBuilder().connectionString(CONNECTION_STRING).buildClient();
            }

            public static String apiKey() {
                return API_KEY;
            }
        }
        ''', key=key, api=S("generic-api-key", rs(ALNUM, 40)))


@corpus_file("inventory/src/main/java/com/acme/inventory/payments/BraintreeGateway.java")
def _():
    return T('''
        package com.acme.inventory.payments;

        import com.braintreegateway.BraintreeGateway;

        public final class Gateways {
            private Gateways() {}

            // Access-token auth (no merchant id / public / private key triple needed)
            public static BraintreeGateway production() {
                return new BraintreeGateway("%%tok%%");
            }

            public static BraintreeGateway sandbox() {
                return new BraintreeGateway(System.getenv("BRAINTREE_SANDBOX_TOKEN"));
            }
        }
        ''', tok=S("braintree-access-token"))


@corpus_file("inventory/src/main/java/com/acme/inventory/util/Hashes.java")
def _():
    return T('''
        package com.acme.inventory.util;

        import java.nio.charset.StandardCharsets;
        import java.security.MessageDigest;
        import java.security.NoSuchAlgorithmException;
        import java.util.HexFormat;
        import java.util.UUID;

        public final class Hashes {
            /** SHA-256 of the empty string. */
            public static final String EMPTY_SHA256 =
                "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
            public static final String SCHEMA_FINGERPRINT = "%%fp%%";
            public static final UUID NAMESPACE = UUID.fromString("%%ns%%");
            private static final String PASSWORD_FIELD = "password";
            private static final String TOKEN_HEADER = "X-Auth-Token";

            private Hashes() {}

            public static String sha256(String s) {
                try {
                    MessageDigest md = MessageDigest.getInstance("SHA-256");
                    return HexFormat.of().formatHex(md.digest(s.getBytes(StandardCharsets.UTF_8)));
                } catch (NoSuchAlgorithmException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        ''', fp=sha256(), ns=uuid4())


@corpus_file("inventory/gradle.properties")
def _():
    return T('''
        org.gradle.jvmargs=-Xmx2g -Dfile.encoding=UTF-8
        org.gradle.parallel=true
        kotlin.code.style=official
        artifactory_contextUrl=https://acme.jfrog.io/artifactory
        artifactory_user=ci-publisher
        artifactory_password=%%af%%
        systemProp.sonar.host.url=https://sonar.acme.dev
        systemProp.sonar.token=%%sq%%
        version=%%ver%%
        ''', af=S("artifactory-api-key"), sq=S("sonarqube-token"), ver=semver())


@corpus_file("inventory/gradle/wrapper/gradle-wrapper.properties")
def _():
    return T('''
        distributionBase=GRADLE_USER_HOME
        distributionPath=wrapper/dists
        distributionSha256Sum=%%sum%%
        distributionUrl=https\\://services.gradle.org/distributions/gradle-8.7-bin.zip
        networkTimeout=10000
        validateDistributionUrl=true
        zipStoreBase=GRADLE_USER_HOME
        zipStorePath=wrapper/dists
        ''', sum=sha256())


@corpus_file("inventory/src/main/resources/kafka-client.properties")
def _():
    return T('''
        bootstrap.servers=pkc-%%c%%.eu-west-1.aws.confluent.cloud:9092
        security.protocol=SASL_SSL
        sasl.mechanism=PLAIN
        sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="%%user%%" password="%%pw%%";
        client.dns.lookup=use_all_dns_ips
        session.timeout.ms=45000
        acks=all
        ssl.truststore.location=/etc/kafka/truststore.jks
        ssl.truststore.password=${TRUSTSTORE_PASSWORD}
        ''', c=rs(LOALNUM, 5), user=rs(UPALNUM, 16), pw=S("confluent-api-secret", rs(B64URL, 64)))


@corpus_file("inventory/src/main/resources/db/changelog/V7__add_api_clients.sql")
def _():
    rows = "\n".join(f"  ('{uuid4()}', '{n}', '{sha256()}', now())," for n in
                     ("warehouse-scanner", "erp-bridge", "reporting", "mobile-app"))
    return T('''
        -- API clients authenticate with a key whose SHA-256 is stored here, never the key itself.
        CREATE TABLE api_clients (
          id UUID PRIMARY KEY,
          name TEXT NOT NULL UNIQUE,
          key_sha256 CHAR(64) NOT NULL,
          created_at TIMESTAMPTZ NOT NULL DEFAULT now()
        );

        INSERT INTO api_clients (id, name, key_sha256, created_at) VALUES
        %%rows%%
          ('%%u%%', 'ci', '%%h%%', now());

        -- read-only role used by the reporting service
        CREATE ROLE reporting_ro WITH LOGIN PASSWORD '%%pw%%';
        GRANT SELECT ON ALL TABLES IN SCHEMA public TO reporting_ro;
        ''', rows=rows, u=uuid4(), h=sha256(), pw=S("sql-role-password", password(18, symbols="")))


# ---------------------------------------------------------------------------------------------
# C#

@corpus_file("portal/Portal.Api/appsettings.json")
def _():
    pw = password(20, symbols="!*-_")
    return T('''
        {
          "Logging": {
            "LogLevel": {
              "Default": "Information",
              "Microsoft.AspNetCore": "Warning"
            }
          },
          "AllowedHosts": "*",
          "ConnectionStrings": {
            "DefaultConnection": "Server=tcp:acme-portal.database.windows.net,1433;Initial Catalog=portal;Persist Security Info=False;User ID=portal_app;Password=%%pw%%;MultipleActiveResultSets=False;Encrypt=True;Connection Timeout=30;",
            "Cosmos": "AccountEndpoint=https://acme-portal.documents.azure.com:443/;AccountKey=%%cosmos%%;",
            "ServiceBus": "Endpoint=sb://acme-portal.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=%%sb%%"
          },
          "AzureAd": {
            "Instance": "https://login.microsoftonline.com/",
            "TenantId": "%%tenant%%",
            "ClientId": "%%client%%",
            "ClientSecret": "%%cs%%"
          },
          "ApplicationInsights": {
            "ConnectionString": "InstrumentationKey=%%ikey%%;IngestionEndpoint=https://westeurope-5.in.applicationinsights.azure.com/"
          }
        }
        ''', pw=S("mssql-connection-string-password", pw), cosmos=S("azure-cosmosdb-key"),
        sb=S("azure-service-bus-key"), tenant=uuid4(), client=uuid4(), cs=S("azure-ad-client-secret"),
        ikey=uuid4())


@corpus_file("portal/Portal.Api/appsettings.Development.json")
def _():
    return T('''
        {
          "ConnectionStrings": {
            "DefaultConnection": "Server=(localdb)\\\\mssqllocaldb;Database=portal_dev;Trusted_Connection=True;MultipleActiveResultSets=true"
          },
          "AzureAd": {
            "ClientSecret": "<client-secret-from-user-secrets>"
          },
          "Stripe": {
            "SecretKey": "sk_test_your_key_here",
            "WebhookSecret": "whsec_..."
          },
          "Jwt": {
            "Key": "${JWT_KEY}",
            "Issuer": "https://localhost:5001"
          }
        }
        ''')


@corpus_file("portal/Portal.Api/Services/BlobService.cs")
def _():
    sig = TOKENS["azure-sas-signature"]()
    enc = urllib.parse.quote(sig, safe="")
    return T('''
        using Azure.Storage.Blobs;

        namespace Portal.Api.Services;

        public sealed class BlobService
        {
            // SAS for the exports container, expires 2026-01-01
            private const string ExportsSasUrl =
                "https://acmeportal.blob.core.windows.net/exports?sp=racwdl&st=2024-01-01T00:00:00Z&se=2026-01-01T00:00:00Z&spr=https&sv=2022-11-02&sr=c&sig=%%sig%%";

            private readonly BlobContainerClient _container = new(new Uri(ExportsSasUrl));

            public async Task<Uri> UploadAsync(string name, Stream content, CancellationToken ct)
            {
                var blob = _container.GetBlobClient(name);
                await blob.UploadAsync(content, overwrite: true, ct);
                return blob.Uri;
            }
        }
        ''', sig=S("azure-sas-signature", enc, decoded=sig))


@corpus_file("portal/NuGet.config")
def _():
    return T('''
        <?xml version="1.0" encoding="utf-8"?>
        <configuration>
          <packageSources>
            <clear />
            <add key="nuget.org" value="https://api.nuget.org/v3/index.json" protocolVersion="3" />
            <add key="acme" value="https://pkgs.dev.azure.com/acme/_packaging/acme/nuget/v3/index.json" />
          </packageSources>
          <packageSourceCredentials>
            <acme>
              <add key="Username" value="ci" />
              <add key="ClearTextPassword" value="%%pat%%" />
            </acme>
          </packageSourceCredentials>
          <apikeys>
            <add key="https://www.nuget.org" value="%%nuget%%" />
          </apikeys>
        </configuration>
        ''', pat=S("azure-devops-pat"), nuget=S("nuget-api-key"))


@corpus_file("portal/Portal.Api/Controllers/HealthController.cs")
def _():
    return T('''
        using Microsoft.AspNetCore.Mvc;

        namespace Portal.Api.Controllers;

        [ApiController]
        [Route("[controller]")]
        public class HealthController : ControllerBase
        {
            private readonly IConfiguration _config;
            private const string ApiKeyHeaderName = "X-Api-Key";
            private static readonly Guid BuildId = Guid.Parse("%%g%%");

            public HealthController(IConfiguration config) => _config = config;

            [HttpGet]
            public IActionResult Get()
            {
                var secret = _config["Portal:HealthSecret"];
                var password = Environment.GetEnvironmentVariable("PORTAL_DB_PASSWORD");
                return Ok(new { status = "ok", build = BuildId, commit = "%%sha%%", hasSecret = secret != null && password != null });
            }
        }
        ''', g=uuid4(), sha=sha1())
