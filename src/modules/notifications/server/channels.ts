/**
 * Delivery channels besides the in-app inbox: e-mail through SMTP, and the registry where an SMS or WeChat
 * adapter is plugged in. A channel sends one message to one person; the notifier logs each delivery.
 */
import nodemailer from 'nodemailer';
import type { NotificationChannel } from '../../../kernel/server/module.ts';

export type Recipient = Parameters<NotificationChannel['send']>[0];
export type Message = Parameters<NotificationChannel['send']>[1];

/** A channel that may also say whether it can reach a person at all (an e-mail channel needs an address). */
export interface DeliveryChannel extends NotificationChannel {
  canReach?(to: Recipient): boolean;
}

/** Channels by name. */
export class ChannelRegistry {
  private channels = new Map<string, DeliveryChannel>();
  register(c: DeliveryChannel): void {
    if (!c.name || typeof c.send !== 'function') throw new Error('a notification channel needs a name and a send function');
    this.channels.set(c.name, c);
  }
  unregister(name: string): void { this.channels.delete(name); }
  get(name: string): DeliveryChannel | undefined { return this.channels.get(name); }
  names(): string[] { return [...this.channels.keys()]; }
}

/** Adapters registered for the whole process (SMS gateway, WeChat template messages, …); every notifier can use them. */
export const sharedChannels = new ChannelRegistry();

/** Plug in a delivery channel (for example an SMS or WeChat adapter) for every app instance in this process. */
export function registerChannel(c: DeliveryChannel): void {
  sharedChannels.register(c);
}

/** E-mail through the SMTP server at `smtpUrl` (smtp://user:pass@host:port or smtps://…). */
export function createEmailChannel(opts: { smtpUrl: string; from: string; baseUrl?: string }): DeliveryChannel & { close(): void } {
  const transport = nodemailer.createTransport(opts.smtpUrl);
  return {
    name: 'email',
    canReach: (to) => typeof to.email === 'string' && /^[^\s@]+@[^\s@]+$/.test(to.email),
    async send(to, msg) {
      const link = msg.link ? `\n\n${opts.baseUrl ? new URL(msg.link, opts.baseUrl).toString() : msg.link}` : '';
      await transport.sendMail({
        from: opts.from,
        to: { name: to.displayName, address: to.email as string },
        subject: msg.title,
        text: `${to.displayName}：\n\n${msg.body}${link}\n\n—— 智慧政协`,
        textEncoding: 'base64',
      });
    },
    close: () => transport.close(),
  };
}

/**
 * Example adapter, and the place to add SMS or WeChat: a real adapter calls the provider's API in `send`
 * (an SMS gateway with `to.phone`, or a WeChat template message with the user's bound openid).
 * This one sends nothing; it only writes what would be sent to the log, so the wiring can be seen working.
 */
export function createLogChannel(log: { info: (...a: unknown[]) => void }, name = 'log'): DeliveryChannel {
  return {
    name,
    canReach: () => true,
    async send(to, msg) {
      log.info(`[通知渠道 ${name}] 发给 ${to.displayName}（${to.userId}${to.phone ? `，${to.phone}` : ''}）：${msg.title}`);
    },
  };
}
