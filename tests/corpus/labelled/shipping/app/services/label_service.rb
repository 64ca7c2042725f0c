require "shippo"
require "easypost"

class LabelService
  SHIPPO_TOKEN = "shippo_live_7771eac7503f1e389c58cad5db134cd975d525b4".freeze

  def initialize
    Shippo::API.token = SHIPPO_TOKEN
    @easypost = EasyPost::Client.new(api_key: "EZAKoq4uG4yM2me3iSMq4XibVkKTVzvdypJlRn72nMuf8DvpZhq3cY6rPA")
  end

  def purchase(rate_id)
    Shippo::Transaction.create(rate: rate_id, label_file_type: "PDF", async: false)
  end

  def track(carrier, code)
    @easypost.tracker.create(tracking_code: code, carrier: carrier)
  end
end
