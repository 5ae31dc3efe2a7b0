import { startFirestoreStandIn } from '../tools/firestore-standin';
import { initializeApp } from 'firebase-admin/app';
import { getFirestore, FieldPath } from 'firebase-admin/firestore';

const s = await startFirestoreStandIn({ port: 0 });
console.log('port', s.port, s.address);
process.env.FIRESTORE_EMULATOR_HOST = s.address;
const app = initializeApp({ projectId: 'demo-test' }, 'probe');
const db = getFirestore(app);
const col = db.collection('orgs/o1/staff');
for (const id of ['b', 'a', '10', '2', 'c']) await col.doc(id).set({ id, n: id.length });
const q1 = await col.where(FieldPath.documentId(), '>', 'a').orderBy(FieldPath.documentId()).limit(10).get().catch((e) => e.message);
console.log('docId range', typeof q1 === 'string' ? q1 : q1.docs.map((d) => d.id));
const q2 = await col.orderBy(FieldPath.documentId()).limit(10).get().catch((e) => e.message);
console.log('docId order', typeof q2 === 'string' ? q2 : q2.docs.map((d) => d.id));
const q3 = await col.where('id', '>', '10').orderBy('id').limit(3).get();
console.log('field range', q3.docs.map((d) => d.id));
// ints
const ch = db.collection('orgs/o1/changes');
for (const v of [3, 1, 2, 10]) await ch.doc(String(v).padStart(12, '0')).create({ version: v });
const q4 = await ch.where('version', '>', 1).orderBy('version').limit(2).get();
console.log('int range', q4.docs.map((d) => d.data().version));
const q5 = await ch.orderBy('version', 'desc').limit(1).get();
console.log('desc', q5.docs.map((d) => d.data().version));
// create conflict
const e = await ch.doc('000000000001').create({ version: 1 }).catch((e) => [e.code, e.message.slice(0, 60)]);
console.log('create dup', e);
// batch atomicity
const b = db.batch();
b.set(db.doc('x/one'), { a: 1 });
b.create(ch.doc('000000000001'), { version: 1 });
const be = await b.commit().catch((e) => e.code);
console.log('batch err', be, 'x/one exists after failed batch?', (await db.doc('x/one').get()).exists);
// bytes
await db.doc('x/bytes').set({ data: Buffer.from([1, 2, 3, 255]) });
const bd = (await db.doc('x/bytes').get()).data();
console.log('bytes', bd?.data, Buffer.isBuffer(bd?.data));
// nested map merge
await db.doc('x/meta').set({ head: 5, snap: { id: 'a', v: 1 } });
await db.doc('x/meta').set({ snap: { id: 'b', v: 2 } }, { merge: true });
await db.doc('x/meta').set({ head: 6 }, { merge: true });
console.log('merge', (await db.doc('x/meta').get()).data());
await db.doc('x/meta').set({ snap: { id: 'c' } }, { mergeFields: ['snap'] });
console.log('mergeFields', (await db.doc('x/meta').get()).data());
// getAll
const ga = await db.getAll(db.doc('x/meta'), db.doc('x/none'));
console.log('getAll', ga.map((d) => d.exists));
// update missing
console.log('update missing', await db.doc('x/none').update({ a: 1 }).catch((e) => e.code));
// big doc
const big = await db.doc('x/big').set({ data: Buffer.alloc(2_000_000) }).then(() => 'accepted 2MB').catch((e) => e.code);
console.log('big', big);
// count
console.log('count', (await ch.count().get()).data().count);
// delete in batch
const b2 = db.batch(); b2.delete(db.doc('x/bytes')); await b2.commit();
console.log('deleted', (await db.doc('x/bytes').get()).exists);
// transaction
const t = await db.runTransaction(async (tx) => { const d = await tx.get(db.doc('x/meta')); tx.update(db.doc('x/meta'), { head: 7 }); return d.data(); }).then(() => 'tx ok').catch((e) => 'tx err ' + e.message);
console.log(t);
await s.stop();
console.log('stopped');
process.exit(0);
