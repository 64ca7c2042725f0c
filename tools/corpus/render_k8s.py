"""Kubernetes manifests, Helm values, Ansible vars and SOPS files."""

from .keyfiles import pem_private, ssh_rsa_public_line
from .keys import RsaKey, x509_self_signed
from .kinds import TOKENS
from .negatives import semver, sha1, sha256
from .rand import DIG, R, b64, hexs, password, rbytes, rs, uuid4
from .registry import S, corpus_file
from .text import T, indent


@corpus_file("k8s/orders/secret.yaml")
def _():
    dbpw = password(20, symbols="")
    gh = TOKENS["github-pat-classic"]()
    stripe = TOKENS["stripe-secret-key"]()
    url = f"postgresql://orders:{dbpw}@orders-db:5432/orders"
    return T('''
        apiVersion: v1
        kind: Secret
        metadata:
          name: orders-secrets
          namespace: orders
          labels:
            app.kubernetes.io/name: orders
        type: Opaque
        data:
          DB_USER: %%user%%
          DB_PASSWORD: %%pw%%
          DATABASE_URL: %%url%%
          GITHUB_TOKEN: %%gh%%
          STRIPE_SECRET_KEY: %%stripe%%
        stringData:
          SMTP_PASSWORD: "%%smtp%%"
          LOG_LEVEL: info
        ''', user=b64(b"orders"),
        pw=S("k8s-secret-base64-password", b64(dbpw.encode()), decoded=dbpw),
        url=S("k8s-secret-base64-db-url", b64(url.encode()), decoded=url),
        gh=S("k8s-secret-base64-github-pat", b64(gh.encode()), decoded=gh),
        stripe=S("k8s-secret-base64-stripe-key", b64(stripe.encode()), decoded=stripe),
        smtp=S("generic-password", password(18, symbols="")))


@corpus_file("k8s/ingress/tls-secret.yaml")
def _():
    key = pem_private("private-key-pkcs8")
    crt = x509_self_signed(RsaKey(2048), "shop.acme.dev", R.randrange(1, 2 ** 63))
    return T('''
        apiVersion: v1
        kind: Secret
        metadata:
          name: shop-tls
          namespace: ingress
        type: kubernetes.io/tls
        data:
          tls.crt: %%crt%%
          tls.key: %%key%%
        ''', crt=b64(crt.encode()), key=S("k8s-secret-base64-private-key", b64(key.encode()), decoded=key))


@corpus_file("k8s/orders/deployment.yaml")
def _():
    return T('''
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: orders
          namespace: orders
          annotations:
            checksum/config: %%cs%%
        spec:
          replicas: 3
          selector:
            matchLabels:
              app: orders
          template:
            metadata:
              labels:
                app: orders
            spec:
              serviceAccountName: orders
              containers:
                - name: orders
                  image: ghcr.io/acme/orders@sha256:%%digest%%
                  ports:
                    - containerPort: 8080
                  env:
                    - name: DB_PASSWORD
                      valueFrom:
                        secretKeyRef:
                          name: orders-secrets
                          key: DB_PASSWORD
                    - name: STRIPE_SECRET_KEY
                      valueFrom:
                        secretKeyRef:
                          name: orders-secrets
                          key: STRIPE_SECRET_KEY
                    - name: API_TOKEN
                      value: "$(ORDERS_API_TOKEN)"
                    - name: OTEL_EXPORTER_OTLP_HEADERS
                      value: "x-honeycomb-team=${HONEYCOMB_API_KEY}"
                  readinessProbe:
                    httpGet:
                      path: /healthz
                      port: 8080
        ''', cs=sha256(), digest=sha256())


@corpus_file("k8s/orders/configmap.yaml")
def _():
    return T('''
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: orders-config
          namespace: orders
        data:
          APP_ENV: production
          PAYMENTS_BASE_URL: https://payments.internal/v2
          PASSWORD_RESET_TTL: "3600"
          TOKEN_ISSUER: https://auth.acme.dev
          JWKS_URL: https://auth.acme.dev/.well-known/jwks.json
          TRACE_ID_HEADER: x-request-id
          BUILD_COMMIT: %%sha%%
          TENANT_ID: %%tenant%%
          ca.crt: |
        %%ca%%
        ''', sha=sha1(), tenant=uuid4(),
        ca=indent(x509_self_signed(RsaKey(2048), "Acme Internal CA", R.randrange(1, 2 ** 63)), 4))


@corpus_file("k8s/sealed/orders-sealed.yaml")
def _():
    return T('''
        apiVersion: bitnami.com/v1alpha1
        kind: SealedSecret
        metadata:
          name: orders-secrets
          namespace: orders
        spec:
          encryptedData:
            DB_PASSWORD: %%a%%
            STRIPE_SECRET_KEY: %%b%%
          template:
            metadata:
              name: orders-secrets
        ''', a=b64(rbytes(300)), b=b64(rbytes(320)))


@corpus_file("k8s/external-secrets/orders.yaml")
def _():
    return T('''
        apiVersion: external-secrets.io/v1beta1
        kind: ExternalSecret
        metadata:
          name: orders
        spec:
          refreshInterval: 1h
          secretStoreRef:
            name: aws-secrets-manager
            kind: ClusterSecretStore
          target:
            name: orders-secrets
          data:
            - secretKey: DB_PASSWORD
              remoteRef:
                key: prod/orders/db
                property: password
            - secretKey: STRIPE_SECRET_KEY
              remoteRef:
                key: prod/orders/stripe
                property: secret_key
        ''')


@corpus_file("helm/platform/values-prod.yaml")
def _():
    return T('''
        global:
          imageRegistry: ghcr.io/acme
          imagePullSecrets:
            - name: ghcr-pull

        postgresql:
          auth:
            username: platform
            password: "%%pg%%"
            postgresPassword: %%pgadmin%%
            database: platform

        grafana:
          adminUser: admin
          adminPassword: %%graf%%
          env:
            GF_AUTH_GENERIC_OAUTH_CLIENT_SECRET: "{{ .Values.oauth.clientSecret }}"

        redis:
          auth:
            enabled: true
            existingSecret: redis-auth

        ingress:
          annotations:
            cert-manager.io/cluster-issuer: letsencrypt-prod
        ''', pg=S("generic-password", password(22, symbols="")),
        pgadmin=S("generic-password", password(22, symbols="")), graf=S("generic-password", password(16, symbols="")))


@corpus_file("ansible/group_vars/all.yml")
def _():
    vault = "\n".join("          " + hexs(80) for _ in range(6))
    return T('''
        ---
        ntp_servers:
          - 0.pool.ntp.org
          - 1.pool.ntp.org
        mysql_root_password: "%%root%%"
        app_db_password: !vault |
                  $ANSIBLE_VAULT;1.1;AES256
        %%vault%%
        deploy_user: deploy
        deploy_ssh_pubkey: "%%pub%%"
        node_exporter_version: %%ver%%
        ''', root=S("generic-password", password(20, symbols="")), vault=vault,
        pub=ssh_rsa_public_line(RsaKey(2048), "deploy@acme"), ver=semver())


@corpus_file("ansible/roles/monitoring/defaults/main.yml")
def _():
    return T('''
        ---
        datadog_api_key: "%%dd%%"
        datadog_site: datadoghq.eu
        newrelic_insert_key: %%nrii%%
        dynatrace_api_token: %%dt%%
        grafana_cloud_token: %%glc%%
        grafana_sa_token: %%glsa%%
        monitoring_interval: 30
        ''', dd=S("datadog-api-key"), nrii=S("newrelic-insert-key"), dt=S("dynatrace-token"),
        glc=S("grafana-cloud-token"), glsa=S("grafana-service-account-token"))


@corpus_file("config/sops/secrets.enc.yaml")
def _():
    def enc(n):
        return f"ENC[AES256_GCM,data:{b64(rbytes(n))},iv:{b64(rbytes(32))},tag:{b64(rbytes(16))},type:str]"
    return T('''
        db_password: %%a%%
        api_key: %%b%%
        sops:
            kms:
                - arn: arn:aws:kms:eu-west-1:%%acct%%:key/%%kid%%
                  created_at: "2024-05-01T10:00:00Z"
                  enc: %%kenc%%
                  aws_profile: ""
            lastmodified: "2024-05-01T10:00:02Z"
            mac: %%mac%%
            unencrypted_suffix: _unencrypted
            version: 3.8.1
        ''', a=enc(24), b=enc(40), acct=rs(DIG, 12), kid=uuid4(), kenc=b64(rbytes(180)), mac=enc(32))
