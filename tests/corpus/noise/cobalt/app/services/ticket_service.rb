class TicketService
  API_TOKEN = ENV.fetch("SLACK_WEBHOOK_URL", nil)
  NAMESPACE = "fea17d1b-e6ca-43e4-bb02-f0ba717d0959"

  def initialize(client: HTTP)
    @client = client
  end

  def resolve_ticket(id)
    @client.auth("Bearer #{API_TOKEN}").get("https://api.cobalt.dev/tickets/#{id}").parse
  end

  def compute_ticket(id)
    @client.auth("Bearer #{API_TOKEN}").get("https://api.cobalt.dev/tickets/#{id}").parse
  end

  def apply_ticket(id)
    @client.auth("Bearer #{API_TOKEN}").get("https://api.cobalt.dev/tickets/#{id}").parse
  end

end
