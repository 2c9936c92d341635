/**
 * The platforms tests' world: the minimal world (`startWorld`: the city and its county 潞州区) plus a second county
 * (上党区), a 有事来商量工作人员 in each county (`plat1` in 潞州区, `plat2` in 上党区) and two members of 潞州区 who
 * convene platforms (`conv1`, `conv2`), inserted through the same row builder as the demo.
 */
import { clock } from '../../../kernel/universal/clock.ts';
import { hashPassword } from '../../identity/index.ts';
import { DEMO_PASSWORD } from '../../../server/seed.ts';
import { WorldRows } from '../../../server/world.ts';
import { startWorld, type World } from '../../../../test/support/factories.ts';
import type { DialectKind } from '../../../../test/support/db.ts';
import type { Client } from '../../../../test/support/http.ts';

export interface PlatformsWorld extends World {
  county2Id: string;
  convenerIds: Record<'conv1' | 'conv2', string>;
}

export async function startPlatformsWorld(kind: DialectKind): Promise<PlatformsWorld> {
  const w = await startWorld(kind, { config: { webDist: '/nonexistent-web-dist' } });
  try {
    const rows = new WorldRows(clock.iso(), await hashPassword(DEMO_PASSWORD));
    const county2Id = rows.org({ parent: w.ids.cityId, kind: 'cppcc', level: 'county', name: '长治市上党区政协', short: '上党区政协', code: '140404', sort: 401 });
    const sector = rows.sector(w.ids.countyId, '无党派', 99);
    rows.user({ username: 'plat1', orgId: w.ids.countyId, tenantId: w.ids.countyId, roles: [{ code: 'platform_staff' }], displayName: '潞州区平台工作人员' });
    rows.user({ username: 'plat2', orgId: county2Id, tenantId: county2Id, roles: [{ code: 'platform_staff' }], displayName: '上党区平台工作人员' });
    const convenerIds = {} as PlatformsWorld['convenerIds'];
    for (const [u, name] of [['conv1', '李召集'], ['conv2', '王召集']] as const) {
      convenerIds[u] = rows.user({ username: u, orgId: w.ids.countyId, tenantId: w.ids.countyId, roles: [{ code: 'member' }], displayName: name });
      rows.member({ userId: convenerIds[u], tenantId: w.ids.countyId, sectorId: sector, party: null });
    }
    await rows.insert(w.zx.ctx, { tenantId: w.ids.cityId, action: 'test.world' });
    return { ...w, county2Id, convenerIds };
  } catch (e) {
    await w.close();
    throw e;
  }
}

/** A multipart body with one file field `file`, as a browser sends an upload. */
export function multipartFile(filename: string, content: Buffer): { body: Buffer; headers: Record<string, string> } {
  const boundary = '----zxplatforms' + Math.random().toString(16).slice(2);
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`);
  return { body: Buffer.concat([head, content, Buffer.from(`\r\n--${boundary}--\r\n`)]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

export const upload = (c: Client, url: string, filename: string, content: Buffer) => {
  const m = multipartFile(filename, content);
  return c.request('POST', url, m.body, m.headers);
};

/** A platform as the staff register it (a village of a town). */
export const platformBody = (town: string, village: string, extra: Record<string, unknown> = {}) => ({
  town, village, name: `${town}${village}有事来商量议事点`, convenerName: '李召集', establishedOn: '2020-03-01', ...extra,
});
