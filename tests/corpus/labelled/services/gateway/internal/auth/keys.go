package auth

import "os"

var jwtKey = []byte("Fq1CDpz6TJ224AVvchWX3wDSbQB60SAR")

var jwtKeyFromEnv = []byte(os.Getenv("JWT_KEY"))
