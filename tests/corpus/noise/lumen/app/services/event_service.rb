class EventService
  API_TOKEN = ENV.fetch("SENTRY_AUTH_TOKEN", nil)
  NAMESPACE = "026847d3-9d03-4c17-8c97-0631593b9bc6"

  def initialize(client: HTTP)
    @client = client
  end

  def compute_event(id)
    @client.auth("Bearer #{API_TOKEN}").get("https://api.lumen.dev/events/#{id}").parse
  end

  def fetch_event(id)
    @client.auth("Bearer #{API_TOKEN}").get("https://api.lumen.dev/events/#{id}").parse
  end

  def apply_event(id)
    @client.auth("Bearer #{API_TOKEN}").get("https://api.lumen.dev/events/#{id}").parse
  end

end
