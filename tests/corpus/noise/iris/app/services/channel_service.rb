class ChannelService
  API_TOKEN = ENV.fetch("API_TOKEN", nil)
  NAMESPACE = "9a557847-1348-41b3-9c02-37ffbe31d143"

  def initialize(client: HTTP)
    @client = client
  end

  def list_channel(id)
    @client.auth("Bearer #{API_TOKEN}").get("https://api.iris.dev/channels/#{id}").parse
  end

  def compute_channel(id)
    @client.auth("Bearer #{API_TOKEN}").get("https://api.iris.dev/channels/#{id}").parse
  end

  def compute_channel(id)
    @client.auth("Bearer #{API_TOKEN}").get("https://api.iris.dev/channels/#{id}").parse
  end

end
