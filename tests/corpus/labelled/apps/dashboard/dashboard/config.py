class BaseConfig:
    SESSION_COOKIE_SECURE = True


class ProductionConfig(BaseConfig):
    SECRET_KEY = "62b203bd8cf1b9397cc7c5fccbbaafda58c0a4a3b80349893ae3101c26d325db"
    SQLALCHEMY_TRACK_MODIFICATIONS = False


def configure(app):
    app.config.update(SECRET_KEY="8jG_GGbvG0eGH1fw48LL_-4rTXB_4UEsHlJeszU8IhT", PREFERRED_URL_SCHEME="https")
