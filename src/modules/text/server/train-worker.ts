/**
 * The unit suggestion's training (交办建议模型) in a worker thread: fitting the model over a CPPCC's assignment history
 * takes seconds of CPU, which on the main thread would hold every other request of the instance. The worker gets the
 * examples and the administrators' dictionary words, trains, posts the model back and ends.
 */
import { parentPort } from 'node:worker_threads';
import { train } from '../domain/classifier.ts';
import { segmenter, type DictEntry } from '../domain/segmenter.ts';
import { wordsOf } from '../domain/words.ts';

export interface TrainRequest {
  examples: Array<{ text: string; label: string }>;
  words: DictEntry[];
}

parentPort?.once('message', (req: TrainRequest) => {
  try {
    segmenter().loadDict(req.words);
    const model = train((t) => wordsOf(segmenter().cut(t)), req.examples);
    parentPort!.postMessage({ ok: true, model: model.toJSON() });
  } catch (e) {
    parentPort!.postMessage({ ok: false, error: e instanceof Error ? e.stack ?? e.message : String(e) });
  }
});
