import nodemailer from 'nodemailer';

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

/** Sends one mail or throws. */
export interface Mailer {
  send(mail: Mail): Promise<void>;
  close(): void;
}

/** Mail over SMTP. `url` as nodemailer takes it, e.g. `smtps://user:pass@mail.example.go.id`. */
export function createSmtpMailer(url: string, from: string): Mailer {
  const transport = nodemailer.createTransport(url);
  return {
    async send(mail) {
      await transport.sendMail({ from, ...mail });
    },
    close: () => transport.close(),
  };
}

/**
 * The mailer configured by SIMPUL_SMTP_URL (sender: SIMPUL_MAIL_FROM), or null: then mails stay
 * in the outbox, where the Diskominfo admin sees them in the console.
 */
export function mailerFromEnv(env: NodeJS.ProcessEnv = process.env): Mailer | null {
  if (!env.SIMPUL_SMTP_URL) return null;
  return createSmtpMailer(env.SIMPUL_SMTP_URL, env.SIMPUL_MAIL_FROM || 'Simpul <simpul@localhost>');
}
