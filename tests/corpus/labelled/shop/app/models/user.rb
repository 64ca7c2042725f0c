class User < ApplicationRecord
  has_secure_password
  has_many :orders, dependent: :destroy

  PASSWORD_FORMAT = /\A(?=.*\d)(?=.*[a-z])(?=.*[A-Z]).{12,}\z/
  API_TOKEN_LENGTH = 32

  validates :email, presence: true, uniqueness: { case_sensitive: false }
  validates :password, format: { with: PASSWORD_FORMAT }, if: :password_digest_changed?

  before_create :generate_api_token

  def self.authenticate(email, password)
    find_by(email: email.downcase)&.authenticate(password)
  end

  private

  def generate_api_token
    self.api_token = SecureRandom.urlsafe_base64(API_TOKEN_LENGTH)
  end
end
