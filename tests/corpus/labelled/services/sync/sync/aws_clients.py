aws_secret = "Kroqp0Ta54pzzVSSsidEHWMIVUe1tOAS8+Kvsg9P"
SECRET_ACCESS_KEY = "c755zp5izb6wXg0iR3uqfYzmgp8mt/qKSVZdrzSC"
