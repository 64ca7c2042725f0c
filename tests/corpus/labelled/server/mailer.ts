import sgMail from "@sendgrid/mail";
import formData from "form-data";
import Mailgun from "mailgun.js";

sgMail.setApiKey("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");

const mailgun = new Mailgun(formData);
const mg = mailgun.client({ username: "api", key: "key-f7bd19c0f583b9a972d9e9259812c77e", url: "https://api.eu.mailgun.net" });

export interface Mail {
  to: string;
  subject: string;
  html: string;
}

export async function send(mail: Mail): Promise<void> {
  try {
    await sgMail.send({ from: "no-reply@acme.dev", ...mail });
  } catch (err) {
    // fall back to mailgun
    await mg.messages.create("mg.acme.dev", { from: "no-reply@acme.dev", ...mail });
  }
}
