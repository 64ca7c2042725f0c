import Anthropic from "@anthropic-ai/sdk";
import OpenAI from "openai";

const anthropic = new Anthropic({
  apiKey: "sk-ant-api03-yuEWoLbnKLlXbje5EoXzbG1W52IJJGoohUJEvmylQbDNamWg5bDaRQnlbIi6JITHTdyKnZrvW2kTrgw9mKAsWNmkAemi_AA",
});
const openai = new OpenAI({ apiKey: `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` });

export async function summarize(text) {
  const msg = await anthropic.messages.create({
    model: "claude-3-5-sonnet-20241022",
    max_tokens: 512,
    messages: [{ role: "user", content: `Summarize:\n\n${text}` }],
  });
  return msg.content[0].text;
}

export async function embed(text) {
  const r = await openai.embeddings.create({ model: "text-embedding-3-small", input: text });
  return r.data[0].embedding;
}
