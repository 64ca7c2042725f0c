package telegram

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
)

// botToken for @acme_ops_bot
const botToken = "4688708598:AAWbznNddI2qwPxAIRGhoWHX3YeuYfvjpUl"

func Send(chatID int64, text string) error {
	body, _ := json.Marshal(map[string]any{"chat_id": chatID, "text": text})
	url := fmt.Sprintf("https://api.telegram.org/bot%s/sendMessage", botToken)
	resp, err := http.Post(url, "application/json", bytes.NewReader(body))
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("telegram: %s", resp.Status)
	}
	return nil
}
