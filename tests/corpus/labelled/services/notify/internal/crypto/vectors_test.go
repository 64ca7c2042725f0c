package crypto

import (
	"encoding/hex"
	"testing"
)

// AES-256-GCM test vectors (key, nonce, plaintext, ciphertext||tag).
var gcmVectors = []struct{ key, nonce, plaintext, sealed string }{
	{"4230b5043b2cdf8a603154a1cb6f987cc190dcbf5ac2c83a12db67240a3f91c0", "c8bce37191cc8cca30a7e92d", "233d4ff14cf5e5040f7001a3c3fabd7f", "af02823555857cca9cff9a376d7327a3f00086170f54d315036eeaa65d1b1b13"},
	{"0280d240b5af37f15dfdba1cc7ac50f547d62a81ab1e60d9c2994239db797603", "a2deb601f9e3877a56720378", "b0ccf5a924ea78efec0f9ccf7c25f6b7", "83fe3c999ce9510930aaa58d8b154600f42848802c708e8ab4c371faabca6bbc"},
	{"ba0bf70e8fece71ca974f00aa59e544e1ec511d83ab92c38bdb2b7ab0a3b0c6b", "63a94776134ece6e6b4512ee", "923d2e5c3dee798ebcf4f8111ea7fef4", "ace1c0b652d9aa1fd6f2fb752597365e6725046c7ac0d5b85cc9d6908e66b13e"},
	{"6f0c87c136edea84e4f4b48aea768d2c7cb05a4e4db7e413f7bf4651b063ca5f", "5909ab91552f447a93bc84c7", "8f9c48320baf37d373a8858ea3b4c5bb", "c32538280796924b9ee93cddfb21bd2b77d34c1fc0e2d17bbd62ab12a3977eaa"},
	{"6fa5464bcb92aae915318c273ebc28b1bb25ee61b7baadc760bae6ccc6a61d22", "66f3a6ec12aa4d5e45d8ce55", "c13d7d420e2f58d318e2130cb64125c1", "0f5122ef866c0332d16cda08e1e3d79bc9b54c5a917605f52c3f4993fba50aad"},
	{"e8b5ba98ad1876b3a16ed597e7166f20c6e3b757ac8160268cd604497d92b073", "63b4451dd220c156bcf0ed3a", "d808efd65afd79c2a1518fc1152ac85d", "6eed04633ee09d78c59e04a3f4a0b65cce25db2adb55fd1664af91302de441ed"},
	{"9bcc756366ce3c30c8a2a73ba49bf44ff5a29351c22aad770a7e0a854f9fb686", "ae9b2e7dcfe71cede337a3ec", "a09262b05bacce40b5a1ba84e06792c5", "e3e049607e436d2fc371d1ef5fc2f8a2000b9f149d6bfc0db50d70f6ab6804a4"},
	{"5e20c6345899fa0869e53b49276409a9250881ef1bdeae5d37eedac8007c57ec", "640525cc48570430ffa62ec5", "40153b492d0170b54c2bba5747875993", "4e89b3a37bb131e7cc364c1a53c80c5d8ca73c5de7bfc0a5bfd691e2e01bb858"},
}

func mustHex(s string) []byte {
	b, err := hex.DecodeString(s)
	if err != nil {
		panic(err)
	}
	return b
}

func TestVectorsDecode(t *testing.T) {
	for _, v := range gcmVectors {
		if len(mustHex(v.key)) != 32 {
			t.Fatal("bad key length")
		}
	}
}
