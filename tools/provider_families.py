"""Token shapes of the provider credential families magpie added for issue 12, one entry each.

Each entry is the vendor's documented format (prefix, alphabet, length) written as parts, so the
same facts give a regular expression and random, realistic-looking tokens:

    L('ghp_')                  a literal
    C(HEX, 32) / C(HEX, 20, 40) a run of a character class, exact or bounded length
    A('live', 'test', '')      one of several literals ('' makes the group optional)

`prefix` families are found by their shape alone; `context` families have no distinctive prefix
and are found only next to a key name naming the provider (`key` is one such name, used to make
examples). tools/provider_recall.py turns these shapes into a held-out example set.
"""

HEX = "0-9a-f"
HEXU = "0-9A-F"
HEXB = "0-9a-fA-F"
ALNUM = "A-Za-z0-9"
LALNUM = "a-z0-9"
UALNUM = "A-Z0-9"
B64URL = "A-Za-z0-9_-"
B64 = "A-Za-z0-9+/"
LOWER = "a-z"
DIGIT = "0-9"


def L(text):
    return ("L", text)


def C(cls, lo, hi=None):
    return ("C", cls, lo, lo if hi is None else hi)


def A(*options):
    return ("A", options)


UUID = [C(HEX, 8), L("-"), C(HEX, 4), L("-"), C(HEX, 4), L("-"), C(HEX, 4), L("-"), C(HEX, 12)]


class Family:
    def __init__(self, fid, name, category, parts, ref, kind, key=None, prov=None, words=None,
                 conf=None, sev="high", note=""):
        self.id = fid
        self.name = name
        self.category = category
        self.parts = parts
        self.ref = ref
        self.kind = kind
        self.key = key
        self.prov = prov
        self.words = words
        self.conf = conf or ("high" if kind == "prefix" else "medium")
        self.sev = sev
        self.note = note


FAMILIES = []


def P(fid, name, cat, parts, ref, conf=None, sev="high", note=""):
    FAMILIES.append(Family(fid, name, cat, parts, ref, "prefix", conf=conf, sev=sev, note=note))


def X(fid, name, cat, prov, key, parts, ref, words=None, conf=None, sev="high", note=""):
    """A context family: `prov` is the provider part of the key name (a regex, case-insensitive),
    `words` what the key names (default key/token/secret/auth/pat; "" when `prov` is the whole
    key name), `key` an example key name."""
    FAMILIES.append(Family(fid, name, cat, parts, ref, "context", key=key, prov=prov,
                           words=words, conf=conf, sev=sev, note=note))


# --- cloud -----------------------------------------------------------------------------------
CLOUD = "cloud"
P("aws-appsync-api-key", "AWS AppSync API key", CLOUD, [L("da2-"), C(LALNUM, 26)],
  "https://docs.aws.amazon.com/appsync/latest/devguide/security-authz.html#api-key-authorization")
P("amazon-lwa-client-secret", "Login with Amazon client secret", CLOUD,
  [L("amzn1.oa2-cs.v1."), C(HEX, 64)],
  "https://developer.amazon.com/docs/login-with-amazon/security-profile.html")
P("amazon-lwa-refresh-token", "Login with Amazon (SP-API) refresh token", CLOUD,
  [L("Atzr|"), C(B64URL, 200, 700)],
  "https://developer-docs.amazon.com/sp-api/docs/connecting-to-the-selling-partner-api")
P("amazon-lwa-access-token", "Login with Amazon (SP-API) access token", CLOUD,
  [L("Atza|"), C(B64URL, 200, 700)],
  "https://developer-docs.amazon.com/sp-api/docs/connecting-to-the-selling-partner-api",
  sev="medium")
P("gcp-storage-hmac-access-id", "Google Cloud Storage HMAC key access ID", CLOUD,
  [L("GOOG"), A("1", "TS"), C(UALNUM, 55, 57)],
  "https://cloud.google.com/storage/docs/authentication/hmackeys", sev="medium")
X("google-recaptcha-secret-key", "Google reCAPTCHA secret key", CLOUD, r"recaptcha",
  "RECAPTCHA_SECRET_KEY", [L("6L"), C(B64URL, 38)],
  "https://developers.google.com/recaptcha/docs/verify", words=r"secret|private")
X("azure-apim-subscription-key", "Azure API Management subscription key", CLOUD,
  r"ocp-apim-subscription|apim", "Ocp-Apim-Subscription-Key", [C(HEX, 32)],
  "https://learn.microsoft.com/en-us/azure/api-management/api-management-subscriptions",
  words=r"key")
X("azure-search-admin-key", "Azure AI Search admin key", CLOUD,
  r"azure_?search|search_?service|ai_?search|cognitive_?search", "AZURE_SEARCH_ADMIN_KEY",
  [C(ALNUM, 52)], "https://learn.microsoft.com/en-us/azure/search/search-security-api-keys",
  words=r"key")
X("azure-eventgrid-access-key", "Azure Event Grid access key", CLOUD, r"aeg-sas|eventgrid",
  "aeg-sas-key", [C(B64, 43), L("=")],
  "https://learn.microsoft.com/en-us/azure/event-grid/authenticate-with-access-keys-shared-access-signatures",
  words=r"key")
X("tencent-cloud-secret-key", "Tencent Cloud SecretKey", CLOUD, r"tencent|qcloud|tccli",
  "TENCENTCLOUD_SECRET_KEY", [C(ALNUM, 32)],
  "https://www.tencentcloud.com/document/product/598/40488", words=r"secret_?key|secretkey")
X("vultr-api-key", "Vultr API key", CLOUD, r"vultr", "VULTR_API_KEY", [C(UALNUM, 36)],
  "https://www.vultr.com/api/#section/Authentication")
X("hetzner-dns-api-token", "Hetzner DNS API token", CLOUD, r"hetzner_?dns|hdns",
  "HETZNER_DNS_API_TOKEN", [C(ALNUM, 32)], "https://dns.hetzner.com/api-docs")
X("ovh-application-secret", "OVHcloud API application secret / consumer key", CLOUD, r"ovh",
  "OVH_APPLICATION_SECRET", [C(ALNUM, 32)],
  "https://help.ovhcloud.com/csm/en-api-getting-started-ovhcloud-api",
  words=r"application_?secret|app_?secret|consumer_?key|secret")
P("exoscale-api-key", "Exoscale API key", CLOUD, [L("EXO"), C(HEX, 24)],
  "https://community.exoscale.com/documentation/iam/quick-start/", sev="medium")
X("exoscale-api-secret", "Exoscale API secret", CLOUD, r"exoscale", "EXOSCALE_API_SECRET",
  [C(B64URL, 43)], "https://community.exoscale.com/documentation/iam/quick-start/",
  words=r"secret")
X("huawei-cloud-secret-key", "Huawei Cloud secret access key", CLOUD,
  r"huawei|hwcloud|huaweicloud", "HUAWEICLOUD_SDK_SK", [C(ALNUM, 40)],
  "https://support.huaweicloud.com/intl/en-us/usermanual-ca/ca_01_0003.html",
  words=r"secret|sk\b|_sk")
X("baidu-cloud-secret-key", "Baidu AI Cloud secret access key", CLOUD, r"baidu|\bbce_",
  "BAIDU_SECRET_KEY", [C(HEX, 32)], "https://intl.cloud.baidu.com/doc/Reference/s/9jwvz2egb-en",
  words=r"secret|sk\b|_sk")
X("backblaze-b2-application-key", "Backblaze B2 application key", CLOUD, r"backblaze|\bb2_?app(?:lication)?",
  "B2_APPLICATION_KEY", [L("K00"), C(DIGIT, 1), C(B64, 27)],
  "https://www.backblaze.com/docs/cloud-storage-application-keys", words=r"key")
P("yandex-oauth-token", "Yandex OAuth token", CLOUD, [L("y0_"), C(B64URL, 48, 64)],
  "https://yandex.cloud/en/docs/iam/concepts/authorization/oauth-token")
X("yandex-iam-token", "Yandex Cloud IAM token", CLOUD, r"yandex|\byc_?iam", "YC_IAM_TOKEN",
  [L("t1."), C(B64URL, 40, 120), L("."), C(B64URL, 86)],
  "https://yandex.cloud/en/docs/iam/concepts/authorization/iam-token", sev="medium", words=r"token")
P("akamai-edgegrid-token", "Akamai EdgeGrid client or access token", CLOUD,
  [L("akab-"), C(LALNUM, 16), L("-"), C(LALNUM, 16)],
  "https://techdocs.akamai.com/developer/docs/set-up-authentication-credentials")
P("cloudflare-tunnel-token", "Cloudflare Tunnel token", CLOUD,
  [L("eyJhIjoi"), C(B64, 120, 300), A("", "=", "==")],
  "https://developers.cloudflare.com/cloudflare-one/connections/connect-networks/configure-tunnels/remote-tunnel-permissions/")
X("ibm-cos-hmac-secret", "IBM Cloud Object Storage HMAC secret access key", CLOUD,
  r"cos_hmac_keys|secret_?access", "secret_access_key", [C(HEX, 48)],
  "https://cloud.ibm.com/docs/cloud-object-storage?topic=cloud-object-storage-uhc-hmac-credentials-main",
  words=r"key|secret")

# --- source hosting and CI -------------------------------------------------------------------
CI = "source-ci"
X("gitea-access-token", "Gitea / Forgejo access token", CI, r"gitea|forgejo|codeberg",
  "GITEA_TOKEN", [C(HEX, 40)], "https://docs.gitea.com/development/api-usage")
P("teamcity-access-token", "JetBrains TeamCity access token", CI,
  [L("eyJ0eXAiOiAiVENWMiJ9."), C(B64URL, 30, 60), L("."), C(B64URL, 40, 60)],
  "https://www.jetbrains.com/help/teamcity/configuring-your-user-profile.html#Managing+Access+Tokens")
X("codecov-token", "Codecov upload token", CI, r"codecov", "CODECOV_TOKEN", UUID,
  "https://docs.codecov.com/docs/codecov-tokens")
X("coveralls-repo-token", "Coveralls repo token", CI, r"coveralls", "COVERALLS_REPO_TOKEN",
  [C(ALNUM, 32, 37)], "https://docs.coveralls.io/api-introduction")
X("drone-ci-token", "Drone CI personal token", CI, r"drone", "DRONE_TOKEN", [C(ALNUM, 32)],
  "https://docs.drone.io/cli/setup/", words=r"token")
X("bitrise-pat", "Bitrise personal access token", CI, r"bitrise", "BITRISE_TOKEN",
  [C(B64URL, 86)], "https://devcenter.bitrise.io/en/accounts/personal-access-tokens.html")
X("percy-token", "Percy project token", CI, r"percy", "PERCY_TOKEN",
  [A("", "web_", "auto_", "app_"), C(HEX, 64)],
  "https://www.browserstack.com/docs/percy/get-started/set-env-var", words=r"token")
X("browserstack-access-key", "BrowserStack access key", CI, r"browserstack",
  "BROWSERSTACK_ACCESS_KEY", [C(ALNUM, 20)],
  "https://www.browserstack.com/docs/automate/selenium/set-up-credentials", words=r"key")
X("saucelabs-access-key", "Sauce Labs access key", CI, r"sauce", "SAUCE_ACCESS_KEY", UUID,
  "https://docs.saucelabs.com/basics/acct-team-mgmt/managing-user-info/", words=r"key")
X("lambdatest-access-key", "LambdaTest access key", CI, r"lambdatest|\blt_?access", "LT_ACCESS_KEY",
  [L("LT_"), C(ALNUM, 47)], "https://www.lambdatest.com/support/docs/using-environment-variables-for-authentication-credentials/",
  words=r"key")
X("cypress-record-key", "Cypress Cloud record key", CI, r"cypress", "CYPRESS_RECORD_KEY", UUID,
  "https://docs.cypress.io/cloud/account-management/projects#Record-key", words=r"record_?key")
X("codacy-api-token", "Codacy API / project token", CI, r"codacy", "CODACY_PROJECT_TOKEN",
  [C(ALNUM, 20, 32)], "https://docs.codacy.com/codacy-api/api-tokens/")
X("semgrep-app-token", "Semgrep App token", CI, r"semgrep", "SEMGREP_APP_TOKEN", [C(HEX, 64)],
  "https://semgrep.dev/docs/semgrep-ci/ci-environment-variables#semgrep_app_token",
  words=r"token")
X("expo-access-token", "Expo access token", CI, r"\bexpo_?(?:access_?)?token", "EXPO_TOKEN", [C(B64URL, 40)],
  "https://docs.expo.dev/accounts/programmatic-access/", words="")
X("apple-app-specific-password", "Apple app-specific password", CI,
  r"app_?specific|application_?specific", "FASTLANE_APPLE_APPLICATION_SPECIFIC_PASSWORD",
  [C(LOWER, 4), L("-"), C(LOWER, 4), L("-"), C(LOWER, 4), L("-"), C(LOWER, 4)],
  "https://support.apple.com/en-us/102654", words=r"password|pass")
X("gradle-publish-secret", "Gradle Plugin Portal publishing secret", CI, r"gradle[._]publish",
  "gradle.publish.secret", [C(ALNUM, 32)], "https://plugins.gradle.org/docs/publish-plugin",
  words=r"secret|key")
X("hcp-client-secret", "HashiCorp Cloud Platform client secret", CI, r"\bhcp_?client",
  "HCP_CLIENT_SECRET", [C(ALNUM, 64)],
  "https://developer.hashicorp.com/hcp/docs/hcp/iam/service-principal", words=r"secret")
X("infisical-service-token", "Infisical service token", CI, r"infisical", "INFISICAL_TOKEN",
  [L("st."), C(HEX, 24), L("."), C(HEX, 32), L("."), C(HEX, 32)],
  "https://infisical.com/docs/documentation/platform/token", words=r"token")
P("gitlab-session-cookie", "GitLab session cookie", CI, [L("_gitlab_session="), C(HEX, 32)],
  "https://docs.gitlab.com/ee/security/tokens/", sev="medium")
# --- package registries ----------------------------------------------------------------------
REG = "package-registry"
P("deno-deploy-token", "Deno Deploy access token", REG, [L("ddp_"), C(ALNUM, 36)],
  "https://docs.deno.com/deploy/manual/api/")
X("cloudsmith-api-key", "Cloudsmith API key", REG, r"cloudsmith", "CLOUDSMITH_API_KEY",
  [C(HEX, 40)], "https://help.cloudsmith.io/docs/api-key")
X("packagecloud-token", "packagecloud API token", REG, r"packagecloud", "PACKAGECLOUD_TOKEN",
  [C(HEX, 48)], "https://packagecloud.io/docs/api#api_tokens")
X("hex-pm-api-key", "Hex.pm API key", REG, r"\bhex_?api", "HEX_API_KEY", [C(HEX, 32)],
  "https://hex.pm/docs/publish", words=r"key")
X("ansible-galaxy-token", "Ansible Galaxy API token", REG, r"galaxy", "ANSIBLE_GALAXY_TOKEN",
  [C(HEX, 40)], "https://docs.ansible.com/ansible/latest/galaxy/user_guide.html",
  words=r"token|api_?key")
X("cocoapods-trunk-token", "CocoaPods trunk token", REG, r"cocoapods", "COCOAPODS_TRUNK_TOKEN",
  [C(HEX, 32)], "https://guides.cocoapods.org/making/getting-setup-with-trunk.html",
  words=r"token")
X("open-vsx-token", "Open VSX access token", REG, r"ovsx|open_?vsx", "OVSX_PAT", UUID,
  "https://github.com/eclipse/openvsx/wiki/Publishing-Extensions")
X("chocolatey-api-key", "Chocolatey API key", REG, r"choco", "CHOCOLATEY_API_KEY", UUID,
  "https://docs.chocolatey.org/en-us/create/commands/api-key")
P("private-packagist-token", "Private Packagist authentication token", REG,
  [L("packagist_"), A("ort", "out", "uut"), L("_"), C(HEX, 68)],
  "https://packagist.com/docs/composer-authentication", sev="critical")

# --- payment ---------------------------------------------------------------------------------
PAY = "payment"
P("xendit-secret-key", "Xendit secret API key", PAY,
  [L("xnd_"), A("production", "development"), L("_"), C(ALNUM, 50, 70)],
  "https://docs.xendit.co/api-integration/api-keys")
P("midtrans-server-key", "Midtrans server key", PAY,
  [A("", "SB-"), L("Mid-server-"), C(B64URL, 24)],
  "https://docs.midtrans.com/docs/access-keys")
P("mercadopago-access-token", "Mercado Pago access token", PAY,
  [A("APP_USR", "TEST"), L("-"), C(DIGIT, 14, 16), L("-"), C(DIGIT, 6), L("-"), C(HEX, 32), L("-"),
   C(DIGIT, 8, 10)],
  "https://www.mercadopago.com.br/developers/en/docs/your-integrations/credentials")
P("wompi-private-key", "Wompi private key", PAY,
  [L("prv_"), A("prod", "test"), L("_"), C(ALNUM, 32)],
  "https://docs.wompi.co/en/docs/colombia/ambientes-y-llaves/")
P("wompi-events-secret", "Wompi events secret", PAY,
  [A("prod", "test"), L("_events_"), C(ALNUM, 32)],
  "https://docs.wompi.co/en/docs/colombia/eventos/")
X("authorize-net-transaction-key", "Authorize.net transaction key", PAY,
  r"authorize_?net|authnet", "AUTHORIZENET_TRANSACTION_KEY", [C(ALNUM, 16)],
  "https://developer.authorize.net/api/reference/index.html", words=r"transaction_?key")
X("recurly-api-key", "Recurly private API key", PAY, r"recurly", "RECURLY_API_KEY",
  [C(HEX, 32)], "https://recurly.com/developers/api/v2021-02-25/index.html#section/Getting-Started/Authentication")
X("chargebee-api-key", "Chargebee API key", PAY, r"chargebee", "CHARGEBEE_API_KEY",
  [A("live", "test"), L("_"), C(ALNUM, 32, 40)],
  "https://apidocs.chargebee.com/docs/api/#api_authentication")
X("wise-api-token", "Wise personal API token", PAY, r"\bwise_?api|transferwise", "WISE_API_TOKEN",
  UUID, "https://docs.wise.com/api-docs/features/authentication-access/personal-tokens",
  words=r"token|api_?key")
X("coinbase-commerce-api-key", "Coinbase Commerce API key", PAY, r"coinbase_?commerce|cb_?commerce",
  "COINBASE_COMMERCE_API_KEY", UUID,
  "https://docs.cdp.coinbase.com/commerce-onchain/docs/getting-started", words=r"key")
X("razorpay-key-secret", "Razorpay key secret", PAY, r"razorpay|\brzp_", "RAZORPAY_KEY_SECRET",
  [C(ALNUM, 24)], "https://razorpay.com/docs/api/authentication/", words=r"secret")
X("paytm-merchant-key", "Paytm merchant key", PAY, r"paytm", "PAYTM_MERCHANT_KEY",
  [C("A-Za-z0-9#@%&_", 16)], "https://business.paytm.com/docs/api/", words=r"merchant_?key|key")
P("sumup-api-key", "SumUp API key", PAY, [L("sup_sk_"), C(ALNUM, 30, 40)],
  "https://developer.sumup.com/tools/authorization/api-keys/", conf="medium")
X("truelayer-client-secret", "TrueLayer client secret", PAY, r"truelayer",
  "TRUELAYER_CLIENT_SECRET", UUID, "https://docs.truelayer.com/docs/authentication",
  words=r"secret")
X("wechat-pay-api-key", "WeChat Pay API v3 key", PAY, r"wechat_?pay|wxpay",
  "WECHAT_PAY_API_V3_KEY", [C(ALNUM, 32)],
  "https://pay.weixin.qq.com/wiki/doc/apiv3/wechatpay/wechatpay3_0.shtml", words=r"key")
X("wechat-app-secret", "WeChat AppSecret", PAY, r"wechat|weixin", "WECHAT_APP_SECRET",
  [C(HEX, 32)],
  "https://developers.weixin.qq.com/doc/offiaccount/en/Basic_Information/Get_access_token.html",
  words=r"app_?secret|secret")
# --- messaging and e-mail --------------------------------------------------------------------
MSG = "messaging-email"
P("mailersend-api-token", "MailerSend API token", MSG, [L("mlsn."), C(HEX, 64)],
  "https://developers.mailersend.com/general.html#api-tokens")
X("mailtrap-api-token", "Mailtrap API token", MSG, r"mailtrap", "MAILTRAP_API_TOKEN",
  [C(HEX, 32)], "https://api-docs.mailtrap.io/docs/mailtrap-api-docs/")
X("smtp2go-api-key", "SMTP2GO API key", MSG, r"smtp2go", "SMTP2GO_API_KEY", [L("api-"), C(HEXU, 32)],
  "https://apidoc.smtp2go.com/documentation/#/README", conf="medium")
P("onesignal-app-api-key", "OneSignal app API key", MSG, [L("os_v2_app_"), C(LALNUM, 100, 120)],
  "https://documentation.onesignal.com/docs/keys-and-ids")
P("onesignal-org-api-key", "OneSignal organization API key", MSG,
  [L("os_v2_org_"), C(LALNUM, 100, 120)], "https://documentation.onesignal.com/docs/keys-and-ids")
P("pubnub-secret-key", "PubNub secret key", MSG, [L("sec-c-"), C(ALNUM, 48)],
  "https://www.pubnub.com/docs/general/setup/account-setup")
X("pusher-app-secret", "Pusher Channels app secret", MSG, r"pusher", "PUSHER_APP_SECRET",
  [C(HEX, 20)], "https://pusher.com/docs/channels/library_auth_reference/rest-api/#authentication",
  words=r"secret")
X("sendbird-api-token", "Sendbird API token", MSG, r"sendbird", "SENDBIRD_API_TOKEN",
  [C(HEX, 40)], "https://sendbird.com/docs/chat/platform-api/v3/prepare-to-use-api")
X("vonage-api-secret", "Vonage (Nexmo) API secret", MSG, r"vonage|nexmo", "VONAGE_API_SECRET",
  [C(ALNUM, 16)], "https://developer.vonage.com/en/getting-started/concepts/authentication",
  words=r"secret")
X("messagebird-access-key", "MessageBird access key", MSG, r"messagebird|message_bird",
  "MESSAGEBIRD_ACCESS_KEY", [C(ALNUM, 25)], "https://developers.messagebird.com/api/#authentication")
X("plivo-auth-token", "Plivo auth token", MSG, r"plivo", "PLIVO_AUTH_TOKEN", [C(ALNUM, 40)],
  "https://www.plivo.com/docs/messaging/api/overview#authentication", words=r"token")
X("telnyx-api-key", "Telnyx API v2 key", MSG, r"telnyx", "TELNYX_API_KEY", [L("KEY"), C(HEXU, 32), L("_"), C(ALNUM, 22)],
  "https://developers.telnyx.com/docs/overview/authentication")
X("freshdesk-api-key", "Freshdesk API key", MSG, r"freshdesk", "FRESHDESK_API_KEY",
  [C(ALNUM, 20)], "https://developers.freshdesk.com/api/#authentication")
X("mattermost-access-token", "Mattermost personal access token", MSG, r"mattermost",
  "MATTERMOST_TOKEN", [C(LALNUM, 26)],
  "https://developers.mattermost.com/integrate/reference/personal-access-token/")
X("zulip-api-key", "Zulip API key", MSG, r"zulip", "ZULIP_API_KEY", [C(ALNUM, 32)],
  "https://zulip.com/api/api-keys")
X("webex-access-token", "Webex access token", MSG, r"webex", "WEBEX_ACCESS_TOKEN",
  [C(ALNUM, 64), L("_"), C(UALNUM, 4), L("_")] + UUID,
  "https://developer.webex.com/docs/getting-started", words=r"token")
X("pushover-token", "Pushover application token", MSG, r"pushover", "PUSHOVER_APP_TOKEN",
  [C(LALNUM, 30)], "https://pushover.net/api")
X("pushbullet-access-token", "Pushbullet access token", MSG, r"pushbullet",
  "PUSHBULLET_ACCESS_TOKEN", [L("o."), C(ALNUM, 32)], "https://docs.pushbullet.com/#authentication")
P("instagram-access-token", "Instagram user access token", MSG,
  [A("IGQV", "IGAA"), C(B64URL, 150, 300)],
  "https://developers.facebook.com/docs/instagram-platform/reference/access_token/",
  conf="medium")
X("line-channel-access-token", "LINE channel access token", MSG, r"line_?(?:channel|messaging|bot)",
  "LINE_CHANNEL_ACCESS_TOKEN", [C(B64, 171), L("=")],
  "https://developers.line.biz/en/docs/basics/channel-access-token/", words=r"token")
X("line-channel-secret", "LINE channel secret", MSG, r"line_?(?:channel|messaging|bot)",
  "LINE_CHANNEL_SECRET", [C(HEX, 32)],
  "https://developers.line.biz/en/docs/basics/channel-access-token/", words=r"secret")
X("discord-client-secret", "Discord OAuth2 client secret", MSG, r"discord",
  "DISCORD_CLIENT_SECRET", [C(B64URL, 32)], "https://discord.com/developers/docs/topics/oauth2",
  words=r"client_?secret")
X("zoom-client-secret", "Zoom OAuth client secret", MSG, r"\bzoom_?(?:client|api|oauth|app)", "ZOOM_CLIENT_SECRET",
  [C(ALNUM, 32)], "https://developers.zoom.us/docs/integrations/oauth/",
  words=r"client_?secret|secret")
X("klaviyo-private-api-key", "Klaviyo private API key", MSG, r"klaviyo", "KLAVIYO_PRIVATE_KEY",
  [L("pk_"), C(HEX, 34)], "https://developers.klaviyo.com/en/docs/authenticate_#private-key-authentication")
X("activecampaign-api-key", "ActiveCampaign API key", MSG, r"activecampaign|active_campaign",
  "ACTIVECAMPAIGN_API_KEY", [C(HEX, 72)], "https://developers.activecampaign.com/reference/authentication")
X("hunter-api-key", "Hunter.io API key", MSG, r"hunter", "HUNTER_API_KEY", [C(HEX, 40)],
  "https://hunter.io/api-documentation/v2#authentication")
X("clearbit-secret-key", "Clearbit secret API key", MSG, r"clearbit", "CLEARBIT_KEY",
  [L("sk_"), C(HEX, 32)], "https://dashboard.clearbit.com/docs#authentication")
X("customerio-api-key", "Customer.io tracking API key", MSG, r"customer_?io|customerio",
  "CUSTOMERIO_API_KEY", [C(HEX, 20)], "https://customer.io/docs/api/track/#section/Authentication")

# --- AI and LLM providers --------------------------------------------------------------------
AI = "ai-llm"
P("together-api-key", "Together AI API key", AI, [L("tgp_v1_"), C(B64URL, 43)],
  "https://docs.together.ai/reference/authentication-1")
P("cerebras-api-key", "Cerebras API key", AI, [L("csk-"), C(LALNUM, 48)],
  "https://inference-docs.cerebras.ai/quickstart")
P("jina-api-key", "Jina AI API key", AI, [L("jina_"), C(B64URL, 60)],
  "https://jina.ai/embeddings/#apiform")
P("langfuse-secret-key", "Langfuse secret key", AI, [L("sk-lf-")] + UUID,
  "https://langfuse.com/docs/api")
P("tavily-api-key", "Tavily API key", AI, [L("tvly-"), A("", "dev-", "prod-"), C(ALNUM, 32)],
  "https://docs.tavily.com/documentation/api-reference/introduction")
X("firecrawl-api-key", "Firecrawl API key", AI, r"firecrawl", "FIRECRAWL_API_KEY", [L("fc-"), C(HEX, 32)],
  "https://docs.firecrawl.dev/introduction", conf="medium")
P("e2b-api-key", "E2B API key", AI, [L("e2b_"), C(HEX, 40)], "https://e2b.dev/docs/api-key")
P("nvidia-api-key", "NVIDIA API (NIM / build.nvidia.com) key", AI, [L("nvapi-"), C(B64URL, 64)],
  "https://docs.api.nvidia.com/nim/docs/api-quickstart")
P("llamacloud-api-key", "LlamaCloud API key", AI, [L("llx-"), C(ALNUM, 48)],
  "https://developers.llamaindex.ai/llamaparse/general/api_key/")
P("voiceflow-api-key", "Voiceflow Dialog Manager API key", AI,
  [L("VF.DM."), C(HEX, 24), L("."), C(ALNUM, 16)],
  "https://docs.voiceflow.com/reference/authentication")
P("neptune-api-token", "neptune.ai API token", AI, [L("eyJhcGlfYWRkcmVzcyI6"), C(B64, 60, 300),
                                                     A("", "=", "==")],
  "https://docs.neptune.ai/setup/setting_api_token/")
P("apify-api-token", "Apify API token", AI, [L("apify_api_"), C(ALNUM, 36)],
  "https://docs.apify.com/platform/integrations/api#api-token")
P("helicone-api-key", "Helicone API key", AI,
  [L("sk-helicone-"), A("", "eu-"), C(LALNUM, 7), L("-"), C(LALNUM, 7), L("-"), C(LALNUM, 7),
   L("-"), C(LALNUM, 7)],
  "https://docs.helicone.ai/getting-started/quick-start", conf="medium")
P("browserbase-api-key", "Browserbase API key", AI, [L("bb_live_"), C(B64URL, 27)],
  "https://docs.browserbase.com/introduction/getting-started", conf="medium")
X("assemblyai-api-key", "AssemblyAI API key", AI, r"assembly_?ai", "ASSEMBLYAI_API_KEY",
  [C(HEX, 32)], "https://www.assemblyai.com/docs/api-reference/overview#authorization")
X("deepgram-api-key", "Deepgram API key", AI, r"deepgram", "DEEPGRAM_API_KEY", [C(HEX, 40)],
  "https://developers.deepgram.com/docs/authenticating")
X("clarifai-pat", "Clarifai personal access token", AI, r"clarifai", "CLARIFAI_PAT",
  [C(HEX, 32)], "https://docs.clarifai.com/control/authentication/pat")
X("serpapi-api-key", "SerpApi API key", AI, r"serp_?api", "SERPAPI_API_KEY", [C(HEX, 64)],
  "https://serpapi.com/search-api")
X("runpod-api-key", "RunPod API key", AI, r"runpod", "RUNPOD_API_KEY",
  [A("", "rpa_"), C(UALNUM, 40, 44)], "https://docs.runpod.io/get-started/api-keys")
X("modal-token-secret", "Modal token secret", AI, r"\bmodal_?token", "MODAL_TOKEN_SECRET",
  [L("as-"), C(ALNUM, 22)], "https://modal.com/docs/reference/modal.config", words=r"secret")
X("ai21-api-key", "AI21 Labs API key", AI, r"ai21", "AI21_API_KEY", [C(ALNUM, 32)],
  "https://docs.ai21.com/reference/authentication")
X("stability-api-key", "Stability AI API key", AI, r"stability", "STABILITY_API_KEY",
  [L("sk-"), C(ALNUM, 48)], "https://platform.stability.ai/docs/getting-started/authentication")
X("deepinfra-api-key", "DeepInfra API token", AI, r"deepinfra", "DEEPINFRA_API_TOKEN",
  [C(ALNUM, 32)], "https://deepinfra.com/docs/advanced/openai_api")
X("fireworks-api-key", "Fireworks AI API key", AI, r"fireworks", "FIREWORKS_API_KEY",
  [L("fw_"), C(ALNUM, 24, 40)], "https://docs.fireworks.ai/getting-started/quickstart")
X("voyage-api-key", "Voyage AI API key", AI, r"voyage", "VOYAGE_API_KEY",
  [L("pa-"), C(B64URL, 43)], "https://docs.voyageai.com/docs/api-key-and-installation")
X("exa-api-key", "Exa API key", AI, r"\bexa_?api", "EXA_API_KEY", UUID,
  "https://docs.exa.ai/reference/getting-started", words=r"key")
X("comet-api-key", "Comet (Opik) API key", AI, r"comet|opik", "COMET_API_KEY", [C(ALNUM, 25)],
  "https://www.comet.com/docs/v2/guides/experiment-management/configure-sdk/")
X("roboflow-api-key", "Roboflow API key", AI, r"roboflow", "ROBOFLOW_API_KEY", [C(ALNUM, 20)],
  "https://docs.roboflow.com/api-reference/authentication")
# --- observability ---------------------------------------------------------------------------
OBS = "observability"
P("newrelic-query-key", "New Relic Insights query key", OBS, [L("NRIQ-"), C(B64URL, 32)],
  "https://docs.newrelic.com/docs/apis/intro-apis/new-relic-api-keys/")
P("newrelic-rest-api-key", "New Relic REST API key", OBS, [L("NRRA-"), C(HEX, 42)],
  "https://docs.newrelic.com/docs/apis/intro-apis/new-relic-api-keys/")
P("newrelic-admin-api-key", "New Relic admin API key", OBS, [L("NRAA-"), C(HEX, 27)],
  "https://docs.newrelic.com/docs/apis/intro-apis/new-relic-api-keys/")
X("loggly-customer-token", "Loggly customer token", OBS, r"loggly", "LOGGLY_TOKEN", UUID,
  "https://documentation.solarwinds.com/en/success_center/loggly/content/admin/customer-token-authentication-token.htm")
X("sumologic-access-key", "Sumo Logic access key", OBS, r"sumo_?logic|\bsumo_?access", "SUMO_ACCESS_KEY",
  [C(ALNUM, 64)], "https://help.sumologic.com/docs/manage/security/access-keys/")
P("axiom-api-token", "Axiom API token", OBS, [L("xaat-")] + UUID,
  "https://axiom.co/docs/reference/tokens")
P("axiom-personal-token", "Axiom personal token", OBS, [L("xapt-")] + UUID,
  "https://axiom.co/docs/reference/tokens")
P("coralogix-api-key", "Coralogix Send-Your-Data API key", OBS, [L("cxtp_"), C(ALNUM, 30)],
  "https://coralogix.com/docs/user-guides/account-management/api-keys/send-your-data-api-key/")
X("mezmo-ingestion-key", "Mezmo (LogDNA) ingestion key", OBS, r"logdna|mezmo",
  "LOGDNA_INGESTION_KEY", [C(HEX, 32)], "https://docs.mezmo.com/docs/ingestion-key")
X("mixpanel-api-secret", "Mixpanel project secret", OBS, r"mixpanel", "MIXPANEL_API_SECRET",
  [C(HEX, 32)], "https://developer.mixpanel.com/reference/project-secret", words=r"secret")
X("amplitude-secret-key", "Amplitude secret key", OBS, r"amplitude", "AMPLITUDE_SECRET_KEY",
  [C(HEX, 32)], "https://amplitude.com/docs/apis/authentication", words=r"secret")
X("opsgenie-api-key", "Opsgenie API key", OBS, r"opsgenie", "OPSGENIE_API_KEY", UUID,
  "https://support.atlassian.com/opsgenie/docs/api-key-management/")
X("uptimerobot-api-key", "UptimeRobot API key", OBS, r"uptime_?robot", "UPTIMEROBOT_API_KEY", [A("u", "ur", "m"), C(DIGIT, 6, 8), L("-"),
                                                      C(HEX, 24)],
  "https://uptimerobot.com/api/", conf="medium")
X("logzio-token", "Logz.io shipping or API token", OBS, r"logz", "LOGZIO_TOKEN",
  [C(ALNUM, 32)], "https://docs.logz.io/docs/user-guide/admin/authentication-tokens/api-tokens")
X("betterstack-source-token", "Better Stack (Logtail) source token", OBS,
  r"logtail|better_?stack", "LOGTAIL_SOURCE_TOKEN", [C(ALNUM, 24)],
  "https://betterstack.com/docs/logs/api/getting-started/")
X("checkly-api-key", "Checkly API key", OBS, r"checkly", "CHECKLY_API_KEY", [L("cu_"), C(HEX, 32)],
  "https://www.checklyhq.com/docs/integrations/api/")
X("statsig-server-secret", "Statsig server secret key", OBS, r"statsig", "STATSIG_SERVER_SECRET",
  [L("secret-"), C(ALNUM, 43)], "https://docs.statsig.com/server/introduction")
P("configcat-sdk-key", "ConfigCat SDK key", OBS,
  [L("configcat-sdk-1/"), C(B64URL, 22), L("/"), C(B64URL, 22)],
  "https://configcat.com/docs/sdk-reference/overview/", sev="medium")
X("flagsmith-server-key", "Flagsmith server-side environment key", OBS, r"flagsmith", "FLAGSMITH_ENVIRONMENT_KEY", [L("ser."), C(ALNUM, 22)],
  "https://docs.flagsmith.com/clients/server-side", conf="medium", sev="medium")
X("elastic-api-key", "Elastic API key (encoded)", OBS, r"elastic", "ELASTIC_API_KEY",
  [C(B64, 58, 98), A("", "=", "==")],
  "https://www.elastic.co/guide/en/elasticsearch/reference/current/security-api-create-api-key.html",
  words=r"api_?key")
X("instana-agent-key", "IBM Instana agent key", OBS, r"instana", "INSTANA_AGENT_KEY",
  [C(B64URL, 22)], "https://www.ibm.com/docs/en/instana-observability/current?topic=references-agent-configuration")
X("honeybadger-api-key", "Honeybadger API key", OBS, r"honeybadger", "HONEYBADGER_API_KEY",
  [L("hbp_"), C(ALNUM, 36)], "https://docs.honeybadger.io/api/", conf="medium")
X("raygun-api-key", "Raygun API key", OBS, r"raygun", "RAYGUN_API_KEY", [C(ALNUM, 22)],
  "https://raygun.com/documentation/product-guides/crash-reporting/api-keys/")

# --- databases as a service ------------------------------------------------------------------
DB = "database-service"
P("astra-db-token", "DataStax Astra DB application token", DB,
  [L("AstraCS:"), C("A-Za-z", 24), L(":"), C(HEX, 64)],
  "https://docs.datastax.com/en/astra-db-serverless/administration/manage-application-tokens.html")
P("xata-api-key", "Xata API key", DB, [L("xau_"), C(ALNUM, 32, 34)],
  "https://xata.io/docs/getting-started/api-keys", conf="medium")
P("cockroachdb-cloud-api-key", "CockroachDB Cloud API key", DB,
  [L("CCDB1_"), C(ALNUM, 22), L("_"), C(ALNUM, 40)],
  "https://www.cockroachlabs.com/docs/cockroachcloud/managing-access#api-access", conf="medium")
X("mongodb-atlas-private-key", "MongoDB Atlas API private key", DB, r"atlas|mongodb",
  "MONGODB_ATLAS_PRIVATE_KEY", UUID, "https://www.mongodb.com/docs/atlas/configure-api-access/",
  words=r"private_?key|private|secret")
X("influxdb-token", "InfluxDB API token", DB, r"influx", "INFLUXDB_TOKEN",
  [C(B64URL, 86), L("==")], "https://docs.influxdata.com/influxdb/v2/admin/tokens/",
  words=r"token")
X("fauna-secret", "Fauna secret", DB, r"fauna", "FAUNA_SECRET", [L("fn"), C(B64URL, 38)],
  "https://docs.fauna.com/fauna/current/learn/security/keys/", words=r"secret|key")
X("clickhouse-cloud-key-secret", "ClickHouse Cloud API key secret", DB, r"clickhouse",
  "CLICKHOUSE_KEY_SECRET", [L("4b1d"), C(ALNUM, 38)],
  "https://clickhouse.com/docs/en/cloud/manage/openapi", words=r"secret")
X("appwrite-api-key", "Appwrite API key", DB, r"appwrite", "APPWRITE_API_KEY", [L("standard_"), C(HEX, 256)],
  "https://appwrite.io/docs/advanced/platform/api-keys", conf="medium")
X("hasura-admin-secret", "Hasura admin secret", DB, r"hasura", "HASURA_GRAPHQL_ADMIN_SECRET",
  [C(ALNUM, 32, 64)], "https://hasura.io/docs/latest/deployment/securing-graphql-endpoint/",
  words=r"admin_?secret|secret")
X("meilisearch-master-key", "Meilisearch master or API key", DB, r"meili", "MEILI_MASTER_KEY",
  [C(B64URL, 32, 64)], "https://www.meilisearch.com/docs/learn/security/basic_security",
  words=r"master_?key|api_?key|key")
X("typesense-api-key", "Typesense API key", DB, r"typesense", "TYPESENSE_API_KEY",
  [C(ALNUM, 32)], "https://typesense.org/docs/latest/api/authentication.html")
X("firebase-database-secret", "Firebase Realtime Database secret", DB, r"firebase",
  "FIREBASE_DATABASE_SECRET", [C(ALNUM, 40)],
  "https://firebase.google.com/docs/database/rest/auth", words=r"secret")
P("upstash-qstash-token", "Upstash QStash token", DB, [L("eyJVc2VySUQiOi"), C(B64, 40, 200),
                                                       A("", "=", "==")],
  "https://upstash.com/docs/qstash/howto/publishing")
X("upstash-qstash-signing-key", "Upstash QStash signing key", DB, r"qstash",
  "QSTASH_CURRENT_SIGNING_KEY", [L("sig_"), C(ALNUM, 28)],
  "https://upstash.com/docs/qstash/howto/signature", words=r"signing_?key|key")
X("convex-deploy-key", "Convex deploy key", DB, r"convex_?(?:deploy|admin)", "CONVEX_DEPLOY_KEY",
  [A("prod", "dev", "preview"), L(":"), C(LALNUM, 6, 12), L("-"), C(LALNUM, 6, 12), L("-"),
   C(DIGIT, 3), L("|"), C(B64, 60, 120), A("", "=", "==")],
  "https://docs.convex.dev/production/hosting/#deploy-keys", words=r"deploy_?key|admin_?key|key")
P("databricks-oauth-secret", "Databricks OAuth client secret", DB, [L("dose"), C(HEX, 32)],
  "https://docs.databricks.com/en/dev-tools/auth/oauth-m2m.html")
P("dbt-cloud-service-token", "dbt Cloud service token", DB, [L("dbtc_"), C(B64URL, 40, 60)],
  "https://docs.getdbt.com/docs/dbt-cloud-apis/service-tokens")
P("dbt-cloud-personal-token", "dbt Cloud personal access token", DB,
  [L("dbtu_"), C(B64URL, 40, 60)],
  "https://docs.getdbt.com/docs/dbt-cloud-apis/user-tokens")
P("prefect-service-account-key", "Prefect Cloud service account key", DB,
  [L("pnb_"), C(ALNUM, 36)], "https://docs.prefect.io/v3/manage/cloud/manage-users/service-accounts")
P("tinybird-token", "Tinybird auth token", DB,
  [L("p.eyJ"), C(B64URL, 40, 300), L("."), C(B64URL, 43)],
  "https://www.tinybird.co/docs/concepts/auth-tokens")
X("metabase-api-key", "Metabase API key", DB, r"metabase", "METABASE_API_KEY",
  [L("mb_"), C(B64, 43), L("=")], "https://www.metabase.com/docs/latest/people-and-groups/api-keys")
X("looker-client-secret", "Looker API client secret", DB, r"looker", "LOOKERSDK_CLIENT_SECRET",
  [C(ALNUM, 24)], "https://cloud.google.com/looker/docs/api-auth", words=r"secret")
X("fivetran-api-secret", "Fivetran API secret", DB, r"fivetran", "FIVETRAN_API_SECRET",
  [C(ALNUM, 32)], "https://fivetran.com/docs/rest-api/getting-started", words=r"secret")
# --- identity --------------------------------------------------------------------------------
IDN = "identity"
X("okta-client-secret", "Okta OAuth client secret", IDN, r"okta", "OKTA_CLIENT_SECRET",
  [C(B64URL, 40, 64)], "https://developer.okta.com/docs/guides/implement-grant-type/clientcreds/main/",
  words=r"client_?secret|secret")
X("onelogin-client-secret", "OneLogin API client secret", IDN, r"onelogin",
  "ONELOGIN_CLIENT_SECRET", [C(HEX, 64)],
  "https://developers.onelogin.com/api-docs/2/getting-started/working-with-api-credentials",
  words=r"secret")
X("duo-secret-key", "Duo secret key", IDN, r"duo", "DUO_SECRET_KEY", [C(ALNUM, 40)],
  "https://duo.com/docs/authapi#first-steps", words=r"secret_?key|skey|secret")
X("keycloak-client-secret", "Keycloak client secret", IDN, r"keycloak",
  "KEYCLOAK_CLIENT_SECRET", [C(ALNUM, 32)],
  "https://www.keycloak.org/docs/latest/server_admin/#_client-credentials", words=r"secret")
X("jumpcloud-api-key", "JumpCloud API key", IDN, r"jumpcloud", "JUMPCLOUD_API_KEY",
  [C(HEX, 40)], "https://docs.jumpcloud.com/api/1.0/index.html#section/API-Key")
X("bitwarden-sm-access-token", "Bitwarden Secrets Manager access token", IDN, r"\bbws|bitwarden", "BWS_ACCESS_TOKEN",
  [L("0.")] + UUID + [L("."), C(ALNUM, 30), L(":"), C(B64, 22), L("==")],
  "https://bitwarden.com/help/access-tokens/", words=r"token")
X("bitwarden-api-client-secret", "Bitwarden personal API client secret", IDN,
  r"bitwarden|\bbw_client", "BW_CLIENTSECRET", [C(ALNUM, 30)], "https://bitwarden.com/help/personal-api-key/",
  words=r"client_?secret|secret")
X("kinde-client-secret", "Kinde client secret", IDN, r"kinde", "KINDE_CLIENT_SECRET",
  [C(ALNUM, 40, 60)], "https://docs.kinde.com/developer-tools/about/using-kinde-without-an-sdk/",
  words=r"secret")
X("fusionauth-api-key", "FusionAuth API key", IDN, r"fusionauth", "FUSIONAUTH_API_KEY",
  [C(B64URL, 64)], "https://fusionauth.io/docs/apis/authentication")
P("ory-personal-access-token", "Ory Network API key", IDN,
  [L("ory_"), A("pat", "apikey", "wak"), L("_"), C(ALNUM, 32)],
  "https://www.ory.sh/docs/concepts/personal-access-token", conf="medium")
P("permit-io-api-key", "Permit.io API key", IDN, [L("permit_key_"), C(ALNUM, 80)],
  "https://docs.permit.io/overview/connecting-your-app", conf="medium")
X("workos-api-key", "WorkOS API key", IDN, r"workos", "WORKOS_API_KEY",
  [L("sk_"), C(ALNUM, 60, 80)], "https://workos.com/docs/reference/api-keys")
X("descope-management-key", "Descope management key", IDN, r"descope", "DESCOPE_MANAGEMENT_KEY",
  [C(B64URL, 60, 120)], "https://docs.descope.com/management/m2m-apps", words=r"key")

# --- CMS and e-commerce ----------------------------------------------------------------------
CMS = "cms-ecommerce"
X("woocommerce-consumer-key", "WooCommerce REST API consumer key", CMS, r"woocommerce|\bwc_|consumer_?key", "WOOCOMMERCE_CONSUMER_KEY", [L("ck_"), C(HEX, 40)],
  "https://woocommerce.github.io/woocommerce-rest-api-docs/#authentication", conf="medium", words=r"key")
X("sanity-api-token", "Sanity API token", CMS, r"\bsanity", "SANITY_API_TOKEN",
  [L("sk"), C(ALNUM, 150, 190)], "https://www.sanity.io/docs/http-auth", words=r"token")
X("strapi-api-token", "Strapi API token", CMS, r"strapi", "STRAPI_API_TOKEN", [C(HEX, 256)],
  "https://docs.strapi.io/cms/features/api-tokens", words=r"token")
X("ghost-admin-api-key", "Ghost Admin API key", CMS, r"ghost", "GHOST_ADMIN_API_KEY",
  [C(HEX, 24), L(":"), C(HEX, 64)], "https://ghost.org/docs/admin-api/#token-authentication")
P("builder-io-private-key", "Builder.io private API key", CMS, [L("bpk-"), C(HEX, 32)],
  "https://www.builder.io/c/docs/using-your-api-key")
X("webflow-api-token", "Webflow API token", CMS, r"webflow", "WEBFLOW_API_TOKEN", [C(HEX, 64)],
  "https://developers.webflow.com/data/reference/authentication")
P("wix-api-key", "Wix API key", CMS,
  [L("IST.eyJ"), C(B64URL, 40, 400), L("."), C(B64URL, 100, 900), L("."), C(B64URL, 43, 400)],
  "https://dev.wix.com/docs/rest/articles/getting-started/api-keys")
X("bigcommerce-access-token", "BigCommerce API access token", CMS, r"bigcommerce",
  "BIGCOMMERCE_ACCESS_TOKEN", [C(LALNUM, 31)],
  "https://developer.bigcommerce.com/docs/start/authentication/api-accounts", words=r"token")
X("magento-access-token", "Magento / Adobe Commerce integration token", CMS, r"magento",
  "MAGENTO_ACCESS_TOKEN", [C(LALNUM, 32)],
  "https://developer.adobe.com/commerce/webapi/get-started/authentication/gs-authentication-token/")
X("prestashop-webservice-key", "PrestaShop webservice key", CMS, r"prestashop",
  "PRESTASHOP_WEBSERVICE_KEY", [C(UALNUM, 32)],
  "https://devdocs.prestashop-project.org/8/webservice/tutorials/creating-access/",
  words=r"key")
X("ecwid-secret-token", "Ecwid secret token", CMS, r"ecwid", "ECWID_SECRET_TOKEN",
  [L("secret_"), C(ALNUM, 32)], "https://api-docs.ecwid.com/reference/access-tokens")
X("storyblok-access-token", "Storyblok access token", CMS, r"storyblok", "STORYBLOK_TOKEN",
  [C(ALNUM, 22), L("tt")], "https://www.storyblok.com/docs/api/content-delivery/v2/getting-started/authentication",
  words=r"token")
X("datocms-api-token", "DatoCMS API token", CMS, r"datocms", "DATOCMS_API_TOKEN", [C(HEX, 30)],
  "https://www.datocms.com/docs/content-management-api/authentication", words=r"token")
X("contentstack-management-token", "Contentstack management token", CMS, r"contentstack",
  "CONTENTSTACK_MANAGEMENT_TOKEN", [L("cs"), C(HEX, 32)],
  "https://www.contentstack.com/docs/developers/create-tokens/about-management-tokens",
  words=r"token")
P("ebay-client-secret", "eBay client secret (Cert ID)", CMS,
  [A("PRD", "SBX"), L("-"), C(HEX, 12), L("-"), C(HEX, 4), L("-"), C(HEX, 4), L("-"), C(HEX, 4),
   L("-"), C(HEX, 4)],
  "https://developer.ebay.com/api-docs/static/oauth-credentials.html", conf="medium")
X("etsy-api-key", "Etsy API keystring / shared secret", CMS, r"etsy", "ETSY_API_KEY",
  [C(LALNUM, 24)], "https://developers.etsy.com/documentation/essentials/authentication")
X("printful-api-token", "Printful API token", CMS, r"printful", "PRINTFUL_API_TOKEN",
  [C(ALNUM, 40)], "https://developers.printful.com/docs/#section/Authorization")
X("squarespace-api-key", "Squarespace API key", CMS, r"squarespace", "SQUARESPACE_API_KEY", UUID,
  "https://developers.squarespace.com/commerce-apis/authentication-and-permissions")
X("hubspot-legacy-api-key", "HubSpot legacy API key (hapikey)", CMS, r"hapikey|hubspot",
  "HUBSPOT_API_KEY", UUID, "https://developers.hubspot.com/docs/api/migrate-an-api-key-integration-to-a-private-app",
  words=r"key")
X("pipedrive-api-token", "Pipedrive API token", CMS, r"pipedrive", "PIPEDRIVE_API_TOKEN",
  [C(HEX, 40)], "https://pipedrive.readme.io/docs/how-to-find-the-api-token")
P("trello-api-token", "Trello API token", CMS, [L("ATTA"), C(HEX, 64), C(HEXU, 8)],
  "https://developer.atlassian.com/cloud/trello/guides/rest-api/api-introduction/")
P("adobe-client-secret", "Adobe Developer Console client secret", CMS,
  [L("p8e-"), C(B64URL, 32)],
  "https://developer.adobe.com/developer-console/docs/guides/authentication/ServerToServerAuthentication/implementation/")
X("box-client-secret", "Box app client secret", CMS, r"\bbox_?client", "BOX_CLIENT_SECRET",
  [C(ALNUM, 32)], "https://developer.box.com/guides/authentication/client-credentials/",
  words=r"secret")
X("smartsheet-access-token", "Smartsheet API access token", CMS, r"smartsheet",
  "SMARTSHEET_ACCESS_TOKEN", [C(ALNUM, 37)],
  "https://developers.smartsheet.com/api/smartsheet/guides/basics/authentication")
X("todoist-api-token", "Todoist API token", CMS, r"todoist", "TODOIST_API_TOKEN", [C(HEX, 40)],
  "https://developer.todoist.com/rest/v2/#authorization")
P("harvest-access-token", "Harvest personal access token", CMS,
  [C(DIGIT, 5, 10), L(".pt."), C(B64URL, 86)],
  "https://help.getharvest.com/api-v2/authentication-api/authentication/authentication/",
  conf="medium")
X("dropbox-sign-api-key", "Dropbox Sign (HelloSign) API key", CMS, r"hellosign|dropbox_?sign",
  "HELLOSIGN_API_KEY", [C(HEX, 64)], "https://developers.hellosign.com/api/reference/authentication/")
X("gumroad-access-token", "Gumroad access token", CMS, r"gumroad", "GUMROAD_ACCESS_TOKEN",
  [C(B64URL, 43)], "https://app.gumroad.com/api#api-authentication", words=r"token")
X("miro-access-token", "Miro access token", CMS, r"miro", "MIRO_ACCESS_TOKEN",
  [L("eyJtaXJvLm9yaWdpbiI6"), C(B64URL, 20, 80)],
  "https://developers.miro.com/docs/getting-started-with-oauth", words=r"token")

# --- mapping ---------------------------------------------------------------------------------
MAP = "mapping"
P("arcgis-api-key", "Esri ArcGIS API key", MAP, [L("AAP"), A("K", "T"), C(B64URL, 100, 300)],
  "https://developers.arcgis.com/documentation/security-and-authentication/api-key-authentication/")
X("here-api-key", "HERE API key", MAP, r"\bhere_?api", "HERE_API_KEY", [C(B64URL, 43)],
  "https://www.here.com/docs/bundle/identity-and-access-management-developer-guide/page/topics/dev-apikey.html",
  words=r"key")
X("tomtom-api-key", "TomTom API key", MAP, r"tomtom", "TOMTOM_API_KEY", [C(ALNUM, 32)],
  "https://developer.tomtom.com/platform/documentation/dashboard/api-keys")
X("maptiler-api-key", "MapTiler API key", MAP, r"maptiler", "MAPTILER_API_KEY", [C(ALNUM, 20)],
  "https://docs.maptiler.com/cloud/api/authentication-key/")
X("bing-maps-key", "Bing Maps key", MAP, r"bing_?maps?", "BING_MAPS_KEY", [C(B64URL, 64)],
  "https://learn.microsoft.com/en-us/bingmaps/getting-started/bing-maps-dev-center-help/getting-a-bing-maps-key",
  words=r"key")
X("locationiq-token", "LocationIQ access token", MAP, r"locationiq", "LOCATIONIQ_TOKEN",
  [L("pk."), C(HEX, 32)], "https://docs.locationiq.com/docs/authentication")
X("opencage-api-key", "OpenCage API key", MAP, r"opencage", "OPENCAGE_API_KEY", [C(HEX, 32)],
  "https://opencagedata.com/api#authentication")
X("geoapify-api-key", "Geoapify API key", MAP, r"geoapify", "GEOAPIFY_API_KEY", [C(HEX, 32)],
  "https://apidocs.geoapify.com/docs/getting-started/")
P("radar-secret-key", "Radar secret key", MAP,
  [L("prj_"), A("live", "test"), L("_sk_"), C(HEX, 40)],
  "https://radar.com/documentation/api#authentication")
P("foursquare-api-key", "Foursquare Places API key", MAP, [L("fsq3"), C(B64, 43), L("=")],
  "https://docs.foursquare.com/developer/reference/authentication", conf="medium")
X("mapquest-api-key", "MapQuest API key", MAP, r"mapquest", "MAPQUEST_API_KEY", [C(ALNUM, 32)],
  "https://developer.mapquest.com/documentation/")
X("ipinfo-token", "IPinfo access token", MAP, r"ipinfo", "IPINFO_TOKEN", [C(HEX, 14)],
  "https://ipinfo.io/developers#authentication", words=r"token")
X("thunderforest-api-key", "Thunderforest API key", MAP, r"thunderforest", "THUNDERFOREST_API_KEY",
  [C(HEX, 32)], "https://www.thunderforest.com/docs/apikeys/")
X("graphhopper-api-key", "GraphHopper API key", MAP, r"graphhopper", "GRAPHHOPPER_API_KEY",
  UUID, "https://docs.graphhopper.com/#section/Authentication")
# --- crypto exchanges and web3 ---------------------------------------------------------------
CRY = "crypto"
X("binance-api-secret", "Binance API secret", CRY, r"binance", "BINANCE_API_SECRET",
  [C(ALNUM, 64)], "https://developers.binance.com/docs/binance-spot-api-docs/rest-api#signed-trade-and-user_data-endpoint-security",
  words=r"secret")
X("binance-api-key", "Binance API key", CRY, r"binance", "BINANCE_API_KEY", [C(ALNUM, 64)],
  "https://developers.binance.com/docs/binance-spot-api-docs/rest-api#endpoint-security-type",
  words=r"api_?key|key")
X("kraken-private-key", "Kraken API private key", CRY, r"kraken", "KRAKEN_PRIVATE_KEY",
  [C(B64, 86), L("==")], "https://docs.kraken.com/api/docs/guides/spot-rest-auth",
  words=r"private|secret")
X("bitfinex-api-secret", "Bitfinex API secret", CRY, r"bitfinex", "BITFINEX_API_SECRET",
  [C(ALNUM, 43)], "https://docs.bitfinex.com/docs/rest-auth", words=r"secret")
X("kucoin-api-secret", "KuCoin API secret", CRY, r"kucoin", "KUCOIN_API_SECRET", UUID,
  "https://www.kucoin.com/docs/basic-info/connection-method/authentication/creating-a-request",
  words=r"secret")
X("okx-secret-key", "OKX API secret key", CRY, r"okx|okex", "OKX_SECRET_KEY", [C(HEXU, 32)],
  "https://www.okx.com/docs-v5/en/#overview-rest-authentication", words=r"secret")
X("bybit-api-secret", "Bybit API secret", CRY, r"bybit", "BYBIT_API_SECRET", [C(ALNUM, 36)],
  "https://bybit-exchange.github.io/docs/v5/guide#authentication", words=r"secret")
X("gemini-exchange-api-key", "Gemini exchange API key", CRY, r"gemini", "GEMINI_API_KEY",
  [A("account", "master"), L("-"), C(ALNUM, 20)],
  "https://docs.gemini.com/rest-api/#authentication", conf="medium", words=r"api_?key|key")
X("gemini-exchange-api-secret", "Gemini exchange API secret", CRY, r"gemini", "GEMINI_API_SECRET",
  [C("1-9A-HJ-NP-Za-km-z", 28)], "https://docs.gemini.com/rest-api/#authentication",
  words=r"secret")
X("bitstamp-api-secret", "Bitstamp API secret", CRY, r"bitstamp", "BITSTAMP_API_SECRET",
  [C(ALNUM, 32)], "https://www.bitstamp.net/api/#section/Authentication", words=r"secret")
X("gateio-api-secret", "Gate.io API secret", CRY, r"gate_?io|gateio", "GATEIO_API_SECRET",
  [C(HEX, 64)], "https://www.gate.io/docs/developers/apiv4/#authentication", words=r"secret")
X("bitget-api-secret", "Bitget API secret", CRY, r"bitget", "BITGET_API_SECRET", [C(HEX, 64)],
  "https://www.bitget.com/api-doc/common/signature", words=r"secret")
X("mexc-api-secret", "MEXC API secret", CRY, r"mexc", "MEXC_API_SECRET", [C(HEX, 32)],
  "https://mexcdevelop.github.io/apidocs/spot_v3_en/#authentication", words=r"secret")
X("coinmarketcap-api-key", "CoinMarketCap API key", CRY, r"coinmarketcap|cmc_?pro",
  "COINMARKETCAP_API_KEY", UUID,
  "https://coinmarketcap.com/api/documentation/v1/#section/Authentication")
P("coingecko-api-key", "CoinGecko API key", CRY, [L("CG-"), C(ALNUM, 24, 25)],
  "https://docs.coingecko.com/reference/authentication", conf="medium")
X("etherscan-api-key", "Etherscan API key", CRY, r"etherscan", "ETHERSCAN_API_KEY",
  [C(UALNUM, 34)], "https://docs.etherscan.io/getting-started")
X("bscscan-api-key", "BscScan API key", CRY, r"bscscan", "BSCSCAN_API_KEY", [C(UALNUM, 34)],
  "https://docs.etherscan.io/v2-migration")
X("infura-api-secret", "Infura API key / secret", CRY, r"infura", "INFURA_API_KEY",
  [C(HEX, 32)], "https://docs.metamask.io/services/get-started/infura/")
X("alchemy-api-key", "Alchemy API key", CRY, r"alchemy", "ALCHEMY_API_KEY", [C(B64URL, 32)],
  "https://www.alchemy.com/docs/create-an-api-key")
X("blockcypher-token", "BlockCypher API token", CRY, r"blockcypher", "BLOCKCYPHER_TOKEN",
  [C(HEX, 32)], "https://www.blockcypher.com/dev/bitcoin/#rate-limits-and-tokens")
X("tatum-api-key", "Tatum API key", CRY, r"tatum", "TATUM_API_KEY", [L("t-"), C(HEX, 24), L("-"), C(HEX, 24)],
  "https://docs.tatum.io/docs/api-keys", conf="medium")
X("cryptocompare-api-key", "CryptoCompare API key", CRY, r"cryptocompare", "CRYPTOCOMPARE_API_KEY",
  [C(HEX, 64)], "https://developers.coindesk.com/documentation/legacy/")
# --- security, data and media APIs -----------------------------------------------------------
API = "other-api"
X("shodan-api-key", "Shodan API key", API, r"shodan", "SHODAN_API_KEY", [C(ALNUM, 32)],
  "https://developer.shodan.io/api/requirements")
X("virustotal-api-key", "VirusTotal API key", API, r"virustotal|\bvt_api", "VT_API_KEY",
  [C(HEX, 64)], "https://docs.virustotal.com/reference/authentication")
X("hibp-api-key", "Have I Been Pwned API key", API, r"hibp|haveibeenpwned", "HIBP_API_KEY",
  [C(HEX, 32)], "https://haveibeenpwned.com/API/v3#Authorisation")
X("abuseipdb-api-key", "AbuseIPDB API key", API, r"abuseipdb", "ABUSEIPDB_API_KEY", [C(HEX, 80)],
  "https://docs.abuseipdb.com/#introduction")
X("censys-api-secret", "Censys API secret", API, r"censys", "CENSYS_API_SECRET", [C(ALNUM, 32)],
  "https://search.censys.io/api", words=r"secret")
X("securitytrails-api-key", "SecurityTrails API key", API, r"securitytrails",
  "SECURITYTRAILS_API_KEY", [C(ALNUM, 32)], "https://docs.securitytrails.com/docs/authentication")
X("urlscan-api-key", "urlscan.io API key", API, r"urlscan", "URLSCAN_API_KEY", UUID,
  "https://urlscan.io/docs/api/")
X("greynoise-api-key", "GreyNoise API key", API, r"greynoise", "GREYNOISE_API_KEY",
  [C(ALNUM, 64)], "https://docs.greynoise.io/docs/using-the-greynoise-api")
X("veracode-api-key-secret", "Veracode API key secret", API, r"veracode", "VERACODE_API_KEY_SECRET",
  [C(HEX, 128)], "https://docs.veracode.com/r/c_api_credentials3", words=r"secret")
X("spotify-client-secret", "Spotify client secret", API, r"spotify", "SPOTIFY_CLIENT_SECRET",
  [C(HEX, 32)], "https://developer.spotify.com/documentation/web-api/concepts/apps",
  words=r"secret")
X("steam-web-api-key", "Steam Web API key", API, r"\bsteam_?(?:web_?)?api", "STEAM_API_KEY", [C(HEXU, 32)],
  "https://steamcommunity.com/dev", words=r"api_?key|key")
P("riot-games-api-key", "Riot Games API key", API, [L("RGAPI-")] + UUID,
  "https://developer.riotgames.com/docs/portal")
X("openweathermap-api-key", "OpenWeatherMap API key", API, r"openweather|\bowm_",
  "OPENWEATHERMAP_API_KEY", [C(HEX, 32)], "https://openweathermap.org/appid")
X("weatherapi-key", "WeatherAPI.com key", API, r"weatherapi|weather_api", "WEATHERAPI_KEY",
  [C(HEX, 31)], "https://www.weatherapi.com/docs/")
X("newsapi-key", "News API key", API, r"newsapi|news_api", "NEWSAPI_KEY", [C(HEX, 32)],
  "https://newsapi.org/docs/authentication")
X("giphy-api-key", "GIPHY API key", API, r"giphy", "GIPHY_API_KEY", [C(ALNUM, 32)],
  "https://developers.giphy.com/docs/api/#quick-start-guide")
X("unsplash-access-key", "Unsplash access key / secret", API, r"unsplash", "UNSPLASH_ACCESS_KEY",
  [C(B64URL, 43)], "https://unsplash.com/documentation#authorization")
X("pexels-api-key", "Pexels API key", API, r"pexels", "PEXELS_API_KEY", [C(ALNUM, 56)],
  "https://www.pexels.com/api/documentation/#authorization")
X("tmdb-api-key", "TMDB API key", API, r"tmdb|themoviedb", "TMDB_API_KEY", [C(HEX, 32)],
  "https://developer.themoviedb.org/docs/authentication-application")
X("lastfm-api-secret", "Last.fm shared secret", API, r"lastfm|last_fm", "LASTFM_API_SECRET",
  [C(HEX, 32)], "https://www.last.fm/api/authentication", words=r"secret")
X("vimeo-access-token", "Vimeo access token", API, r"vimeo", "VIMEO_ACCESS_TOKEN", [C(HEX, 32)],
  "https://developer.vimeo.com/api/authentication", words=r"token")
X("mux-token-secret", "Mux access token secret", API, r"\bmux_?token", "MUX_TOKEN_SECRET",
  [C(B64, 75)], "https://docs.mux.com/core/make-api-requests", words=r"secret")
X("imagekit-private-key", "ImageKit private API key", API, r"imagekit", "IMAGEKIT_PRIVATE_KEY", [L("private_"), C(B64, 28), L("=")],
  "https://imagekit.io/docs/api-keys", conf="medium", words=r"private_?key|private|key")
X("uploadcare-secret-key", "Uploadcare secret key", API, r"uploadcare", "UPLOADCARE_SECRET_KEY",
  [C(HEX, 20)], "https://uploadcare.com/docs/api/rest/authentication/", words=r"secret")
X("tinify-api-key", "Tinify (TinyPNG) API key", API, r"tinify|tinypng", "TINIFY_KEY",
  [C(ALNUM, 32)], "https://tinypng.com/developers/reference")
X("removebg-api-key", "remove.bg API key", API, r"remove_?bg|removebg", "REMOVE_BG_API_KEY",
  [C(ALNUM, 24)], "https://www.remove.bg/api")
X("deepl-api-key", "DeepL API authentication key", API, r"deepl", "DEEPL_AUTH_KEY",
  UUID + [A("", ":fx")], "https://developers.deepl.com/docs/getting-started/auth")
X("scrapingbee-api-key", "ScrapingBee API key", API, r"scrapingbee", "SCRAPINGBEE_API_KEY",
  [C(UALNUM, 80)], "https://www.scrapingbee.com/documentation/")
X("rapidapi-key", "RapidAPI key", API, r"x-rapidapi|rapid_?api", "X-RapidAPI-Key",
  [C(ALNUM, 50)], "https://docs.rapidapi.com/docs/keys-and-key-rotation", words=r"key")
X("zerotier-api-token", "ZeroTier Central API token", API, r"zerotier", "ZEROTIER_API_TOKEN",
  [C(ALNUM, 32)], "https://docs.zerotier.com/api/tokens/", words=r"token")
X("reddit-client-secret", "Reddit app client secret", API, r"reddit", "REDDIT_CLIENT_SECRET",
  [C(B64URL, 30)], "https://github.com/reddit-archive/reddit/wiki/OAuth2",
  words=r"client_?secret|secret")
X("polygon-io-api-key", "Polygon.io API key", API, r"polygon_?(?:io_?)?api", "POLYGON_API_KEY", [C(ALNUM, 32)],
  "https://polygon.io/docs/stocks/getting-started")
X("alpha-vantage-api-key", "Alpha Vantage API key", API, r"alpha_?vantage", "ALPHAVANTAGE_API_KEY",
  [C(UALNUM, 16)], "https://www.alphavantage.co/documentation/")
X("finnhub-api-key", "Finnhub API key", API, r"finnhub", "FINNHUB_API_KEY", [C(LALNUM, 20)],
  "https://finnhub.io/docs/api/authentication")
X("tiingo-api-key", "Tiingo API token", API, r"tiingo", "TIINGO_API_KEY", [C(HEX, 40)],
  "https://www.tiingo.com/documentation/general/connecting")
X("alpaca-secret-key", "Alpaca API secret key", API, r"alpaca|\bapca_", "APCA_API_SECRET_KEY",
  [C(ALNUM, 40)], "https://docs.alpaca.markets/docs/authentication", words=r"secret")
X("twelvedata-api-key", "Twelve Data API key", API, r"twelve_?data", "TWELVEDATA_API_KEY",
  [C(HEX, 32)], "https://twelvedata.com/docs#authentication")
X("ipstack-access-key", "ipstack access key", API, r"ipstack", "IPSTACK_ACCESS_KEY", [C(HEX, 32)],
  "https://ipstack.com/documentation", words=r"key")
P("ifttt-webhook-key", "IFTTT Webhooks key in a trigger URL", API,
  [L("maker.ifttt.com/"), A("trigger/"), C(B64URL, 1, 60), L("/with/key/"), C(B64URL, 22)],
  "https://ifttt.com/maker_webhooks", sev="medium")
P("make-webhook-url", "Make (Integromat) webhook URL", API,
  [L("hook."), A("eu1.", "eu2.", "us1.", "us2.", ""), L("make.com/"), C(LALNUM, 32)],
  "https://www.make.com/en/help/tools/webhooks", sev="medium")
P("azure-logic-app-trigger-url", "Azure Logic Apps / Power Automate trigger URL signature", API,
  [L("logic.azure.com"), A(":443", ""), L("/workflows/"), C(HEX, 32),
   L("/triggers/manual/paths/invoke?api-version="), A("2016-06-01", "2016-10-01"),
   L("&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig="),
   C(B64URL, 43)],
  "https://learn.microsoft.com/en-us/azure/connectors/connectors-native-reqres",
  sev="medium")
P("openvpn-static-key", "OpenVPN static key", API,
  [L("-----BEGIN OpenVPN Static key V1-----\n"), C(HEX + "\n", 528),
   L("-----END OpenVPN Static key V1-----")],
  "https://openvpn.net/community-resources/reference-manual-for-openvpn-2-4/", sev="critical",
  note="multiline")