from .base import *  # noqa: F401,F403
import environ

env = environ.Env()
DEBUG = False
ALLOWED_HOSTS = ["blog.acme.dev"]
SECRET_KEY = env("DJANGO_SECRET_KEY", default="=l_7x63cbh=dl6jv301efkc_t=nf$%8&ce6iurel1(w2l8#-+g")
CSRF_TRUSTED_ORIGINS = ["https://blog.acme.dev"]
