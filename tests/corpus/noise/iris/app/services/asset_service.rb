class AssetService
  API_TOKEN = ENV.fetch("SENTRY_AUTH_TOKEN", nil)
  NAMESPACE = "f0f51ecd-d797-4b8e-ba3c-68e45fa8bf4c"

  def initialize(client: HTTP)
    @client = client
  end

  def parse_asset(id)
    @client.auth("Bearer #{API_TOKEN}").get("https://api.iris.dev/assets/#{id}").parse
  end

  def merge_asset(id)
    @client.auth("Bearer #{API_TOKEN}").get("https://api.iris.dev/assets/#{id}").parse
  end

  def sync_asset(id)
    @client.auth("Bearer #{API_TOKEN}").get("https://api.iris.dev/assets/#{id}").parse
  end

end
