// The kernel's read cache: events invalidate at once; the time limit refreshes without making readers wait.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { ReadCache } from '../src/kernel/server/read-cache.ts';
import { clock } from '../src/kernel/universal/clock.ts';

// time moves by the kernel clock rather than by waiting, so a loaded machine cannot push a read past a limit
const pass = (ms: number) => clock.advance(ms);
/** let settled promises run their handlers */
const settle = () => new Promise((r) => setImmediate(r));

describe('read cache', () => {
  test('a value is loaded once, and an event in its scope makes the next read load again', async () => {
    const cache = new ReadCache<number>({ ttlMs: 60_000, maxEntries: 100 });
    let loads = 0;
    const load = async () => ++loads;
    assert.equal(await cache.get('t1', 'k', load), 1);
    assert.equal(await cache.get('t1', 'k', load), 1);
    cache.invalidate('t2');
    assert.equal(await cache.get('t1', 'k', load), 1, 'another scope\'s event leaves it');
    cache.invalidate('t1');
    assert.equal(await cache.get('t1', 'k', load), 2);
    cache.invalidate();
    assert.equal(await cache.get('t1', 'k', load), 3, 'an event for every scope drops it too');
  });

  test('past the time limit the previous value is served once while the fresh one loads, then the fresh one', async () => {
    const cache = new ReadCache<number>({ ttlMs: 30, maxEntries: 100 });
    let loads = 0;
    let release: () => void = () => {};
    const load = () => new Promise<number>((resolve) => { const n = ++loads; if (n === 1) resolve(n); else release = () => resolve(n); });
    assert.equal(await cache.get('t', 'k', load), 1);
    pass(40);
    assert.equal(await cache.get('t', 'k', load), 1, 'expired: the old value, without waiting');
    assert.equal(await cache.get('t', 'k', load), 1, 'still loading: the old value again, and no second load');
    assert.equal(loads, 2);
    release();
    await settle();
    assert.equal(await cache.get('t', 'k', load), 2, 'the fresh value once it has loaded');
    pass(70);
    const waited = cache.get('t', 'k', load);
    release();
    assert.equal(await waited, 3, 'far past the limit, a reader waits for the fresh value');
  });

  test('a refresh that an event overtakes is not kept, and a failed load is not cached', async () => {
    const cache = new ReadCache<number>({ ttlMs: 20, maxEntries: 100 });
    let n = 0;
    assert.equal(await cache.get('t', 'k', async () => ++n), 1);
    pass(30);
    let finish: () => void = () => {};
    const slow = () => new Promise<number>((resolve) => { const v = ++n; finish = () => resolve(v); });
    assert.equal(await cache.get('t', 'k', slow), 1);
    cache.invalidate('t');
    finish();
    await settle();
    assert.equal(await cache.get('t', 'k', async () => 100 + ++n), 103, 'the value loaded before the event is dropped');
    await assert.rejects(cache.get('x', 'k', async () => { throw new Error('database down'); }));
    assert.equal(await cache.get('x', 'k', async () => 7), 7, 'the failure was not kept');
  });
});
