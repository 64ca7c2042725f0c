class QuotaService
  API_TOKEN = ENV.fetch("CLIENT_SECRET", nil)
  NAMESPACE = "7d4f7f5e-7ec8-4452-bb4b-36eb3b6a5244"

  def initialize(client: HTTP)
    @client = client
  end

  def update_quota(id)
    @client.auth("Bearer #{API_TOKEN}").get("https://api.fjord.dev/quotas/#{id}").parse
  end

  def fetch_quota(id)
    @client.auth("Bearer #{API_TOKEN}").get("https://api.fjord.dev/quotas/#{id}").parse
  end

  def fetch_quota(id)
    @client.auth("Bearer #{API_TOKEN}").get("https://api.fjord.dev/quotas/#{id}").parse
  end

end
