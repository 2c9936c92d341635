// 用车 through the real server on SQLite and PostgreSQL: request → approve → assign → trip done with mileage; bad input
// named in Chinese; 409 on a stale version; an overlapping assignment of a vehicle or a driver refused (touching times
// allowed); and on PostgreSQL two dispatchers assigning the same car at once: exactly one wins, the other gets 409.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { dialects } from '../../../../test/support/db.ts';
import { startApp, type StartedApp } from '../../../../test/support/fixtures.ts';
import type { Client } from '../../../../test/support/http.ts';
import { verifyAuditChain } from '../../../kernel/server/audit.ts';
import { clock } from '../../../kernel/universal/clock.ts';
import { addDays } from '../../../kernel/universal/working-days.ts';

for (const d of await dialects()) {
  describe(`用车 API (${d.kind})`, { skip: d.skip }, () => {
    let s: StartedApp;
    let committee: Client, office: Client, office2: Client, leader: Client, member: Client, county: Client, sysadmin: Client;
    // a fleet of the test's own, so the demo's bookings never interfere; the day is weeks ahead of the clock
    let car: { id: string }, bus: { id: string }, driverA: { id: string }, driverB: { id: string };
    const day = () => addDays(clock.today(), 40);
    let plateNo = 0;
    const plate = () => `晋K${String(70000 + d.kind.length * 1000 + plateNo++).padStart(5, '0')}`;

    before(async () => {
      s = await startApp(d.kind, { config: { webDist: '/nonexistent-web-dist' } });
      [committee, office, office2, leader, member, county, sysadmin] = await Promise.all(['committee', 'office', 'office', 'leader', 'member', 'countystaff', 'sysadmin'].map((u) => s.login(u)));
      car = (await office.post('/api/office/vehicles', { plate: plate(), seats: 5, kind: '轿车' })).body;
      bus = (await office.post('/api/office/vehicles', { plate: plate(), seats: 19, kind: '中巴' })).body;
      driverA = (await office.post('/api/office/drivers', { name: '测试驾驶员甲', phone: '13800000001' })).body;
      driverB = (await office.post('/api/office/drivers', { name: '测试驾驶员乙', phone: '13800000002' })).body;
      assert.ok(car.id && bus.id && driverA.id && driverB.id);
    });
    after(async () => { await s?.close(); });

    const fire = (c: Client, id: string, action: string, version: number, input: Record<string, unknown> = {}) => c.post(`/api/office/trips/${id}/transitions`, { action, version, input });
    /** a request by the committee staff, approved by the office head: ready for 派车 */
    const approvedTrip = async (from: string, to: string, passengers = 2) => {
      const r = await committee.post('/api/office/trips', { purpose: '赴县区开展调研', passengers, destination: '沁源县', startsAt: from, endsAt: to });
      assert.equal(r.status, 201, JSON.stringify(r.body));
      const a = await fire(office, r.body.id, 'approve', r.body.version);
      assert.equal(a.status, 200, JSON.stringify(a.body));
      return a.body;
    };

    test('request → approve → assign → trip done: the requester sees the car and the driver, the mileage is counted', async () => {
      const r = await committee.post('/api/office/trips', { purpose: '陪同调研组赴上党区', passengers: 3, destination: '上党区', startsAt: `${day()}T08:30`, endsAt: `${day()}T12:00` });
      assert.equal(r.status, 201, JSON.stringify(r.body));
      assert.equal(r.body.state, 'requested');
      assert.equal(r.body.stateLabel, '待审批');
      assert.deepEqual(r.body.actions.map((a: any) => a.name), ['withdraw'], 'the requester may only withdraw');
      const officeView = (await office.get(`/api/office/trips/${r.body.id}`)).body;
      assert.deepEqual(officeView.actions.map((a: any) => a.name).sort(), ['approve', 'reject']);
      assert.ok(JSON.stringify((await office.get('/api/worklist?pageSize=200')).body).includes(r.body.id), 'on the approver\'s worklist');
      assert.equal((await fire(committee, r.body.id, 'approve', 1)).status, 403, 'a requester may not approve');

      let t = (await fire(leader, r.body.id, 'approve', 1, { note: '同意' })).body;
      assert.equal(t.state, 'approved');
      assert.equal((await fire(leader, t.id, 'assign', t.version, { vehicleId: car.id, driverId: driverA.id })).status, 403, 'a leader approves but does not dispatch');
      const assigned = await fire(office, t.id, 'assign', t.version, { vehicleId: car.id, driverId: driverA.id });
      assert.equal(assigned.status, 200, JSON.stringify(assigned.body));
      t = (await committee.get(`/api/office/trips/${t.id}`)).body;
      assert.equal(t.state, 'assigned');
      assert.match(t.vehicle, /晋K·/);
      assert.equal(t.driver, '测试驾驶员甲');
      assert.equal(t.driverPhone, '13800000001');

      const badKm = await fire(office, t.id, 'finish', t.version, { startKm: 1200, endKm: 1100 });
      assert.equal(badKm.status, 400);
      assert.equal(badKm.body.error.field, 'input.endKm');
      assert.match(badKm.body.error.message, /收车里程/);
      const done = await fire(office, t.id, 'finish', t.version, { startKm: 1200, endKm: 1286 });
      assert.equal(done.status, 200, JSON.stringify(done.body));
      assert.equal(done.body.state, 'done');
      assert.equal(done.body.km, 86);
      assert.deepEqual(done.body.history.map((h: any) => h.action), ['create', 'approve', 'assign', 'finish']);
      const mine = await committee.get(`/api/office/trips?mine=true&from=${day()}&to=${day()}`);
      assert.ok(mine.body.items.some((i: any) => i.id === t.id && i.km === 86));
      assert.ok((await verifyAuditChain(s.zx.ctx.db)).ok);
    });

    test('bad input is a 400 naming the field in Chinese; a stale version is a 409', async () => {
      const noPurpose = await committee.post('/api/office/trips', { passengers: 2, destination: '长治东站', startsAt: `${day()}T08:00`, endsAt: `${day()}T09:00` });
      assert.equal(noPurpose.status, 400);
      assert.equal(noPurpose.body.error.field, 'purpose');
      assert.match(noPurpose.body.error.message, /用车事由/);
      const badTime = await committee.post('/api/office/trips', { purpose: '接站', passengers: 2, destination: '长治东站', startsAt: `${day()} 8点`, endsAt: `${day()}T09:00` });
      assert.equal(badTime.status, 400);
      assert.equal(badTime.body.error.field, 'startsAt');
      assert.match(badTime.body.error.message, /出发时间/);
      const backwards = await committee.post('/api/office/trips', { purpose: '接站', passengers: 2, destination: '长治东站', startsAt: `${day()}T10:00`, endsAt: `${day()}T09:00` });
      assert.equal(backwards.status, 400);
      assert.equal(backwards.body.error.field, 'endsAt');
      assert.match(backwards.body.error.message, /返回时间.*晚于/);
      const impossible = await committee.post('/api/office/trips', { purpose: '接站', passengers: 2, destination: '长治东站', startsAt: `${day()}T25:00`, endsAt: `${day()}T26:00` });
      assert.equal(impossible.status, 400);
      const badPlate = await office.post('/api/office/vehicles', { plate: 'ABC', seats: 5, kind: '轿车' });
      assert.equal(badPlate.status, 400);
      assert.match(badPlate.body.error.message, /车牌号/);

      const t = await approvedTrip(`${addDays(day(), 1)}T08:00`, `${addDays(day(), 1)}T09:00`);
      const noDriver = await fire(office, t.id, 'assign', t.version, { vehicleId: car.id });
      assert.equal(noDriver.status, 400);
      assert.equal(noDriver.body.error.field, 'input.driverId');
      assert.match(noDriver.body.error.message, /驾驶员/);
      const ok = await fire(office, t.id, 'assign', t.version, { vehicleId: car.id, driverId: driverA.id });
      assert.equal(ok.status, 200);
      const stale = await fire(office, t.id, 'finish', t.version, { startKm: 1, endKm: 2 });
      assert.equal(stale.status, 409);
      assert.equal(stale.body.error.code, 'VERSION_CONFLICT');
      assert.match(stale.body.error.message, /用车申请/);
      const tooMany = await approvedTrip(`${addDays(day(), 1)}T10:00`, `${addDays(day(), 1)}T11:00`, 9);
      const small = await fire(office, tooMany.id, 'assign', tooMany.version, { vehicleId: car.id, driverId: driverB.id });
      assert.equal(small.status, 400);
      assert.match(small.body.error.message, /座位/);
    });

    test('an overlapping assignment of the vehicle or the driver is refused with a 409 naming it and the time; touching times are fine', async () => {
      const D = addDays(day(), 2);
      const first = await approvedTrip(`${D}T08:00`, `${D}T12:00`);
      assert.equal((await fire(office, first.id, 'assign', first.version, { vehicleId: bus.id, driverId: driverA.id })).status, 200);

      const overlapping = await approvedTrip(`${D}T11:00`, `${D}T13:00`);
      const sameCar = await fire(office, overlapping.id, 'assign', overlapping.version, { vehicleId: bus.id, driverId: driverB.id });
      assert.equal(sameCar.status, 409);
      assert.equal(sameCar.body.error.code, 'CONFLICT');
      assert.match(sameCar.body.error.message, /车辆晋K·.*中巴.*08:00 至 .*12:00.*重叠/);
      const sameDriver = await fire(office, overlapping.id, 'assign', overlapping.version, { vehicleId: car.id, driverId: driverA.id });
      assert.equal(sameDriver.status, 409);
      assert.match(sameDriver.body.error.message, /驾驶员测试驾驶员甲/);
      assert.equal((await office.get(`/api/office/trips/${overlapping.id}`)).body.state, 'approved', 'nothing was written');

      const touching = await approvedTrip(`${D}T12:00`, `${D}T14:00`);
      assert.equal((await fire(office, touching.id, 'assign', touching.version, { vehicleId: bus.id, driverId: driverA.id })).status, 200, 'back at 12:00, out again at 12:00');

      // across midnight: a late trip from 22:00 to 02:00 holds the car into the next morning
      const night = await approvedTrip(`${D}T22:00`, `${addDays(D, 1)}T02:00`);
      assert.equal((await fire(office, night.id, 'assign', night.version, { vehicleId: bus.id, driverId: driverB.id })).status, 200);
      const early = await approvedTrip(`${addDays(D, 1)}T01:00`, `${addDays(D, 1)}T03:00`);
      assert.equal((await fire(office, early.id, 'assign', early.version, { vehicleId: bus.id, driverId: driverA.id })).status, 409);

      // a cancelled trip frees its car
      const cancelled = await committee.post(`/api/office/trips/${touching.id}/transitions`, { action: 'withdraw', version: touching.version + 1, input: { reason: '活动延期' } });
      assert.equal(cancelled.status, 200, JSON.stringify(cancelled.body));
      const retry = await approvedTrip(`${D}T12:30`, `${D}T13:30`);
      assert.equal((await fire(office, retry.id, 'assign', retry.version, { vehicleId: bus.id, driverId: driverA.id })).status, 200);

      const board = await office.get(`/api/office/board?date=${D}&days=2`);
      assert.equal(board.status, 200, JSON.stringify(board.body));
      const busRow = board.body.vehicles.find((v: any) => v.id === bus.id);
      assert.deepEqual(busRow.bookings.map((b: any) => b.startsAt), [`${D}T08:00`, `${D}T12:30`, `${D}T22:00`]);
      assert.equal((await committee.get(`/api/office/board?date=${D}`)).status, 403, 'the board is the office\'s');
    });

    test('two dispatchers assigning the same vehicle at once: exactly one succeeds, the other gets a 409 naming the vehicle', async () => {
      for (let round = 0; round < 6; round++) {
        const D = addDays(day(), 10 + round);
        const [a, b] = await Promise.all([approvedTrip(`${D}T09:00`, `${D}T11:00`), approvedTrip(`${D}T10:00`, `${D}T12:00`)]);
        const results = await Promise.all([
          fire(office, a.id, 'assign', a.version, { vehicleId: car.id, driverId: driverA.id }),
          fire(office2, b.id, 'assign', b.version, { vehicleId: car.id, driverId: driverB.id }),
        ]);
        const statuses = results.map((r) => r.status).sort();
        assert.deepEqual(statuses, [200, 409], `round ${round}: ${JSON.stringify(results.map((r) => r.body.error ?? r.body.state))}`);
        const loser = results.find((r) => r.status === 409)!;
        assert.equal(loser.body.error.code, 'CONFLICT');
        assert.match(loser.body.error.message, /车辆晋K·.*轿车.*重叠/);
        const board = await office.get(`/api/office/board?date=${D}`);
        assert.equal(board.body.vehicles.find((v: any) => v.id === car.id).bookings.length, 1, 'one booking of the car');
      }
      // the same driver on two cars at once
      const D = addDays(day(), 20);
      const [a, b] = await Promise.all([approvedTrip(`${D}T09:00`, `${D}T11:00`), approvedTrip(`${D}T10:00`, `${D}T12:00`)]);
      const results = await Promise.all([
        fire(office, a.id, 'assign', a.version, { vehicleId: car.id, driverId: driverB.id }),
        fire(office2, b.id, 'assign', b.version, { vehicleId: bus.id, driverId: driverB.id }),
      ]);
      assert.deepEqual(results.map((r) => r.status).sort(), [200, 409]);
      assert.match(results.find((r) => r.status === 409)!.body.error.message, /驾驶员测试驾驶员乙/);
    });

    test('vehicles and drivers are edited under their version (stale: 409); a retired vehicle or driver cannot be assigned; bad input names the field', async () => {
      const v = (await office.post('/api/office/vehicles', { plate: plate(), seats: 7, kind: '商务车' })).body;
      const dr = (await office.post('/api/office/drivers', { name: '测试驾驶员丙', phone: '13800000003' })).body;
      const edited = await office.put(`/api/office/vehicles/${v.id}`, { plate: v.plate, seats: 6, kind: '商务车', active: true, version: v.version });
      assert.equal(edited.status, 200, JSON.stringify(edited.body));
      assert.equal(edited.body.seats, 6);
      assert.equal(edited.body.version, v.version + 1);
      const stale = await office2.put(`/api/office/vehicles/${v.id}`, { plate: v.plate, seats: 9, kind: '商务车', active: true, version: v.version });
      assert.equal(stale.status, 409);
      assert.equal(stale.body.error.code, 'VERSION_CONFLICT');
      assert.match(stale.body.error.message, /车辆/);
      const badSeats = await office.put(`/api/office/vehicles/${v.id}`, { plate: v.plate, seats: 1, kind: '商务车', active: true, version: edited.body.version });
      assert.equal(badSeats.status, 400);
      assert.equal(badSeats.body.error.field, 'seats');
      assert.match(badSeats.body.error.message, /座位数/);
      const dupPlate = await office.put(`/api/office/vehicles/${v.id}`, { plate: (await office.get('/api/office/options')).body.vehicles.find((x: any) => x.id === car.id).plate, seats: 6, kind: '商务车', active: true, version: edited.body.version });
      assert.equal(dupPlate.status, 400);
      assert.equal(dupPlate.body.error.field, 'plate');
      const badPhone = await office.put(`/api/office/drivers/${dr.id}`, { name: '测试驾驶员丙', phone: '12345', active: true, version: dr.version });
      assert.equal(badPhone.status, 400);
      assert.equal(badPhone.body.error.field, 'phone');
      assert.match(badPhone.body.error.message, /手机号/);
      assert.equal((await committee.put(`/api/office/vehicles/${v.id}`, { plate: v.plate, seats: 6, kind: '商务车', active: false, version: edited.body.version })).status, 403, 'the office manages the fleet');

      // 停用: the vehicle and the driver stay on their past trips but leave the board and cannot be assigned
      const retired = await office.put(`/api/office/vehicles/${v.id}`, { plate: v.plate, seats: 6, kind: '商务车', active: false, version: edited.body.version });
      assert.equal(retired.status, 200);
      const retiredDriver = await office.put(`/api/office/drivers/${dr.id}`, { name: '测试驾驶员丙', phone: '13800000003', active: false, version: dr.version });
      assert.equal(retiredDriver.status, 200);
      const opts = (await office.get('/api/office/options')).body;
      assert.equal(opts.vehicles.find((x: any) => x.id === v.id).active, false);
      assert.equal(opts.drivers.find((x: any) => x.id === dr.id).active, false);
      const t = await approvedTrip(`${addDays(day(), 3)}T08:00`, `${addDays(day(), 3)}T09:00`);
      const noCar = await fire(office, t.id, 'assign', t.version, { vehicleId: v.id, driverId: driverA.id });
      assert.equal(noCar.status, 400);
      assert.equal(noCar.body.error.field, 'input.vehicleId');
      assert.match(noCar.body.error.message, /车辆.*不是本单位在用的车辆/);
      const noDriver = await fire(office, t.id, 'assign', t.version, { vehicleId: car.id, driverId: dr.id });
      assert.equal(noDriver.status, 400);
      assert.equal(noDriver.body.error.field, 'input.driverId');
      const board = (await office.get(`/api/office/board?date=${addDays(day(), 3)}`)).body;
      assert.ok(!board.vehicles.some((x: any) => x.id === v.id) && !board.drivers.some((x: any) => x.id === dr.id), 'retired ones leave the board');
      // back in service: assignable again
      const back = await office.put(`/api/office/vehicles/${v.id}`, { plate: v.plate, seats: 6, kind: '商务车', active: true, version: retired.body.version });
      assert.equal(back.status, 200);
      assert.equal((await fire(office, t.id, 'assign', t.version, { vehicleId: v.id, driverId: driverA.id })).status, 200);
    });

    test('who sees what: a requester their own trips, the office all; members, other CPPCCs and administrators nothing', async () => {
      const r = (await committee.post('/api/office/trips', { purpose: '送达会议材料', passengers: 1, destination: '市委办公厅', startsAt: `${day()}T15:00`, endsAt: `${day()}T16:00` })).body;
      assert.equal((await county.get(`/api/office/trips/${r.id}`)).status, 404);
      assert.equal((await office.get(`/api/office/trips/${r.id}`)).status, 200);
      assert.equal((await member.get('/api/office/trips')).status, 403, 'members do not request office cars');
      assert.equal((await sysadmin.get('/api/office/trips')).status, 403);
      assert.equal((await committee.get('/api/office/receptions')).status, 403, 'receptions are the office\'s');
      const opts = (await committee.get('/api/office/options')).body;
      assert.deepEqual(opts.vehicles, [], 'the fleet list is the office\'s');
    });
  });
}
