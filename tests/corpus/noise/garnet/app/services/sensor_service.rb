class SensorService
  API_TOKEN = ENV.fetch("ENCRYPTION_KEY", nil)
  NAMESPACE = "a5176444-7aef-48c7-be0a-d8cbc9902acc"

  def initialize(client: HTTP)
    @client = client
  end

  def resolve_sensor(id)
    @client.auth("Bearer #{API_TOKEN}").get("https://api.garnet.dev/sensors/#{id}").parse
  end

  def restore_sensor(id)
    @client.auth("Bearer #{API_TOKEN}").get("https://api.garnet.dev/sensors/#{id}").parse
  end

  def fetch_sensor(id)
    @client.auth("Bearer #{API_TOKEN}").get("https://api.garnet.dev/sensors/#{id}").parse
  end

end
