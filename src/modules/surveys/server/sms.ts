/**
 * 短信验证码 adapter. In production a provider's HTTP API is plugged in with `useSmsSender`; in the demo and the tests
 * the default sender writes the message (with the code) to the server log, so the whole flow runs on this machine.
 */
import type { ModuleContext } from '../../../kernel/server/module.ts';

export interface SmsSender {
  send(ctx: Pick<ModuleContext, 'log'>, phone: string, text: string, code: string): Promise<void>;
}

/** 138****5678: enough to tell the log's lines apart, not the whole number. */
export const maskPhone = (phone: string) => `${phone.slice(0, 3)}****${phone.slice(-4)}`;

/** The demo's sender: the message goes to the server log, with the code on its own at the end for people testing. */
export const logSmsSender: SmsSender = {
  async send(ctx, phone, text, code) {
    ctx.log.info(`[短信] 发往 ${maskPhone(phone)}：${text} code=${code}`);
  },
};

let current: SmsSender = logSmsSender;

/** The sender in use (process-wide). */
export const sms = {
  send: (ctx: Pick<ModuleContext, 'log'>, phone: string, text: string, code: string) => current.send(ctx, phone, text, code),
};

/** Plug in a provider's sender (for every app instance in this process). */
export function useSmsSender(s: SmsSender): void {
  current = s;
}
