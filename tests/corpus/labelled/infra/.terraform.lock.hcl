# This file is maintained automatically by "terraform init".
# Manual edits may be lost in future updates.

provider "registry.terraform.io/hashicorp/aws" {
  version     = "5.46.0"
  constraints = "~> 5.46"
  hashes = [
    "h1:EJDWUKA9x1zmO0TBx/9KgbLRkey82Uhy6/cxO/NC2kI=",
    "zh:ffd147441a4368a6a2df2755b6a4b64bc4b49c508fcc436f1321771b39ad3f30",
    "zh:49d0f45e17e623d9a2f6f7e3cc7e9ab5ea9c7ba34583edcfe899f5913042db80",
    "zh:87ca5066d19f9e07263ac750bfbe4c7db35bbcb4b71be299dbcf24b8236509c1",
    "zh:74dc2cfad0a67b279f32be3ae58bf35affb4d428e5e857c465c5bf22d9715f80",
    "zh:6129df6e84b77ef607ecabab804411898819ae8c536a7fce6a5ea2d0d6f4fe56",
    "zh:e4a25716b7d1a63d4d47f627e40c291f43244959ac1d5b469304f3c8bdb314be",
  ]
}

provider "registry.terraform.io/digitalocean/digitalocean" {
  version     = "2.36.0"
  constraints = "~> 2.36"
  hashes = [
    "h1:xNfm9+gmP+l8ZPYQPOpsh3fMdXZ8JA/CCZ/UVgt/4NE=",
    "zh:a40b504180cc06e7b1faa33bb3b1bb7534713a21cd58ffb2cce8dfeff0a06a30",
    "zh:789446f970c63d1f4e600282f9768a78ad77d2437ee7f0160821baf9f26ca1e2",
    "zh:30146bfe9a67285e42c708c2bfe78ab336958575a430526616d1ff9e7a1932ef",
    "zh:c766b681b9dfc5c16ac707af7b0f125aef95c0c82da0ae94ac0cdc822c901a0e",
    "zh:e0fb31a266b7fc291184cb7010be8ae2fbcbfbdb6ceda36233bd471d37d0428a",
    "zh:144a69894e9b4ea92566ea3ea833df895bb6f54dad8c36cd899464b5734723bc",
  ]
}

provider "registry.terraform.io/cloudflare/cloudflare" {
  version     = "4.30.0"
  constraints = "~> 4.30"
  hashes = [
    "h1:UaEKkBiWEAY3PDsc7Ym+85IxKfYWXyGfWr3rj3ZiHGs=",
    "zh:01e0689c1b57dd6d1ef0d97e7034910d4dc6d4318ce39d3dcecfd76ef4e22e3d",
    "zh:aa0b39d397259df6fc106cbb04c1e6ba3e090633c9f2cc19a48bce1aa9392d2a",
    "zh:c8fc5adc3ed951175d55596b6ef248a2792aa7bfe1e3d04628f923aedcebb442",
    "zh:e347ba8a31f7b771107d24d980445ef9e81dde88281d7c6eeff1b2666b2d0c3e",
    "zh:b6989b66e22194092af995b38b0e1545240470e62ede0d6a72704c3c44182f5a",
    "zh:cdc9cf621c76cc48f63902f0b6f4b700226b21c320f43ec5e246b294edbcf29a",
  ]
}
