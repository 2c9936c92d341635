/** Loads the real message files for the text benchmark from ../shared/data/messages (never copied into the repository). */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The folder of real messages, or undefined when it is absent (a fresh clone). */
export function messagesDir(): string | undefined {
  const d = process.env.ZX_MESSAGES_DIR ?? path.resolve(repoRoot, '../shared/data/messages');
  return fs.existsSync(path.join(d, 'labeled.jsonl')) ? d : undefined;
}

export function readJsonl<T = any>(dir: string, file: string): T[] {
  return fs.readFileSync(path.join(dir, file), 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as T);
}

export interface LabeledRow { uid: string; msg_id: number; title: string; text: string; label_l1: string; source: string }
export interface MessageRow { msg_id: number; user_id: string; title: string; time: string; detail: string; likes?: number; dislikes?: number }

/** One message from any file, keyed '<file>:<msg_id>' as in duplicate_groups.jsonl. */
export interface AnyMessage { key: string; title: string; body: string; time?: string; userId?: string }

/** Every message of every file, keyed the way duplicate_groups.jsonl names them (votes, replies, test, sample). */
export function allMessages(dir: string): AnyMessage[] {
  const out: AnyMessage[] = [];
  for (const r of readJsonl<MessageRow>(dir, 'with_votes.jsonl')) out.push({ key: `votes:${r.msg_id}`, title: r.title, body: r.detail, time: r.time, userId: r.user_id });
  for (const r of readJsonl<MessageRow>(dir, 'with_replies.jsonl')) out.push({ key: `replies:${r.msg_id}`, title: r.title, body: r.detail, time: r.time, userId: r.user_id });
  for (const r of readJsonl<MessageRow>(dir, 'unlabeled.jsonl')) out.push({ key: `test:${r.msg_id}`, title: r.title, body: r.detail, time: r.time, userId: r.user_id });
  for (const r of readJsonl<LabeledRow>(dir, 'labeled.jsonl')) {
    out.push({ key: r.msg_id === null || String(r.msg_id) === '' ? `sample-uid:${r.uid}` : `sample:${r.msg_id}`, title: r.title, body: r.text });
  }
  const seen = new Set<string>();
  return out.filter((m) => !seen.has(m.key) && seen.add(m.key));
}

/** Stratified k-fold assignment: fold number per row, classes spread evenly, fixed seed. */
export function stratifiedFolds(labels: string[], k: number, seed = 42): number[] {
  let s = seed;
  const rand = () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 0x100000000);
  const byClass = new Map<string, number[]>();
  labels.forEach((l, i) => byClass.set(l, [...(byClass.get(l) ?? []), i]));
  const fold = new Array<number>(labels.length);
  let offset = 0;
  for (const idxs of byClass.values()) {
    for (let i = idxs.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [idxs[i], idxs[j]] = [idxs[j], idxs[i]];
    }
    idxs.forEach((row, i) => (fold[row] = (i + offset) % k));
    offset += idxs.length;
  }
  return fold;
}

/** Macro-averaged F1 over the classes. */
export function macroF1(truth: string[], pred: string[]): number {
  const classes = [...new Set(truth)];
  let sum = 0;
  for (const c of classes) {
    let tp = 0, fp = 0, fn = 0;
    for (let i = 0; i < truth.length; i++) {
      if (pred[i] === c && truth[i] === c) tp++;
      else if (pred[i] === c) fp++;
      else if (truth[i] === c) fn++;
    }
    sum += tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
  }
  return sum / classes.length;
}
