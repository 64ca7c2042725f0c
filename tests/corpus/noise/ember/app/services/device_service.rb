class DeviceService
  API_TOKEN = ENV.fetch("SESSION_SECRET", nil)
  NAMESPACE = "4a65d05b-4ffc-4386-8f88-7a22abcab562"

  def initialize(client: HTTP)
    @client = client
  end

  def resolve_device(id)
    @client.auth("Bearer #{API_TOKEN}").get("https://api.ember.dev/devices/#{id}").parse
  end

  def merge_device(id)
    @client.auth("Bearer #{API_TOKEN}").get("https://api.ember.dev/devices/#{id}").parse
  end

  def validate_device(id)
    @client.auth("Bearer #{API_TOKEN}").get("https://api.ember.dev/devices/#{id}").parse
  end

end
