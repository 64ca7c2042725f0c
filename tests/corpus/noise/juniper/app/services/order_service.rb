class OrderService
  API_TOKEN = ENV.fetch("ENCRYPTION_KEY", nil)
  NAMESPACE = "d84074fe-71fc-4c73-b4ab-46254661d37b"

  def initialize(client: HTTP)
    @client = client
  end

  def sync_order(id)
    @client.auth("Bearer #{API_TOKEN}").get("https://api.juniper.dev/orders/#{id}").parse
  end

  def apply_order(id)
    @client.auth("Bearer #{API_TOKEN}").get("https://api.juniper.dev/orders/#{id}").parse
  end

  def compute_order(id)
    @client.auth("Bearer #{API_TOKEN}").get("https://api.juniper.dev/orders/#{id}").parse
  end

end
