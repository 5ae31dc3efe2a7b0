/**
 * The device's part of anonymous answering (S3, issue 18 item 4), run after each surveys feed
 * answer and when a survey screen opens:
 * 1. An open anonymous survey that reached the device gets its answer token: a random token,
 *    blinded (RFC 9474, @cloudflare/blindrsa-ts on the browser's WebCrypto), signed by the server
 *    while signed in, unblinded here. The blinding state is kept before asking, so a lost answer
 *    is asked again with the same blinded message (the server signs that once more, never another).
 * 2. A queued answer is sent with the token, without the ID token and without cookies.
 * 3. Once the answer is acknowledged, the participation ("answered") waits for a random delay and
 *    is queued signed in at the first sync after it, so neither contents nor timing pair the two.
 */
import { AnonymousAnswerSchema, SURVEY_PATHS } from '../../domain/surveys/survey';
import { queueMutation } from '../../db/queue-mutation';
import type { AppDb } from '../../db/schema';
import { TransportError } from '../../sync/ports';
import * as v from 'valibot';
import { getSurveyApi } from './public';
import type { SurveyApi } from '../../platform/api';

/** The participation waits between 2 and 30 minutes after the answer, then goes at the next sync. */
export const PARTICIPATION_DELAY_MS = { min: 2 * 60_000, max: 30 * 60_000 };

const b64u = {
  encode(bytes: Uint8Array): string {
    let s = '';
    for (const b of bytes) s += String.fromCharCode(b);
    return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  },
  decode(text: string): Uint8Array<ArrayBuffer> {
    const s = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    const out = new Uint8Array(s.length);
    for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
    return out;
  },
};

interface PendingToken {
  surveyId: string;
  token: string;
  blinded: string;
  inv: string;
  signature?: string;
}

async function obtainToken(db: AppDb, api: SurveyApi, surveyId: string, publicKey: string): Promise<void> {
  const { RSABSSA } = await import('@cloudflare/blindrsa-ts');
  const suite = RSABSSA.SHA384.PSS.Randomized();
  const pk = await crypto.subtle.importKey('spki', b64u.decode(publicKey), { name: 'RSA-PSS', hash: 'SHA-384' }, true, [
    'verify',
  ]);
  let row = (await db.surveyTokens.get(surveyId)) as PendingToken | undefined;
  if (row?.signature) return;
  if (!row) {
    const prepared = suite.prepare(crypto.getRandomValues(new Uint8Array(32)));
    const { blindedMsg, inv } = await suite.blind(pk, prepared);
    row = { surveyId, token: b64u.encode(prepared), blinded: b64u.encode(blindedMsg), inv: b64u.encode(inv) };
    await db.surveyTokens.put(row as never);
  }
  const answer = (await api.surveyJson('POST', SURVEY_PATHS.token(surveyId), { blinded: row.blinded })) as {
    blindSignature: string;
  };
  const signature = await suite.finalize(
    pk,
    b64u.decode(row.token),
    b64u.decode(answer.blindSignature),
    b64u.decode(row.inv),
  );
  await db.surveyTokens.put({ ...row, signature: b64u.encode(signature) } as never);
}

export async function surveyWork(db: AppDb, api: SurveyApi | null = getSurveyApi(), now = Date.now()): Promise<void> {
  if (!api) return;
  const run = async () => {
    for (const s of await db.surveys.toArray()) {
      if (!s.anonymous || s.status !== 'open' || s.participated || !s.publicKey) continue;
      const sent = await db.surveySends.get(s.id);
      if (sent && sent.state !== 'queued') continue;
      try {
        await obtainToken(db, api, s.id, s.publicKey);
      } catch {
        // Offline or refused (outside the audience, closed): tried again at the next sync.
      }
    }
    for (const send of await db.surveySends.toArray()) {
      if (send.state === 'queued') {
        const token = (await db.surveyTokens.get(send.surveyId)) as PendingToken | undefined;
        const survey = await db.surveys.get(send.surveyId);
        if (!token?.signature || !survey) continue;
        const body = v.parse(AnonymousAnswerSchema, {
          token: token.token,
          signature: token.signature,
          groups: send.groups,
          answers: send.answers,
        });
        try {
          await api.answerAnonymously(SURVEY_PATHS.answer(send.surveyId), { orgId: await orgIdOf(db), ...body });
          const delay =
            PARTICIPATION_DELAY_MS.min + Math.random() * (PARTICIPATION_DELAY_MS.max - PARTICIPATION_DELAY_MS.min);
          await db.transaction('rw', db.surveySends, db.surveyDrafts, async () => {
            await db.surveySends.put({ ...send, state: 'answered', participateAfter: now + delay });
            await db.surveyDrafts.delete(send.surveyId);
          });
        } catch (e) {
          // A refusal (closed after the grace, a bad answer) is kept with why; the draft stays.
          if (e instanceof TransportError && !e.retryable)
            await db.surveySends.put({
              ...send,
              state: 'refused',
              problem: {
                code: e.refusal.code ?? 'api.badRequest',
                ...(e.refusal.params ? { params: { ...e.refusal.params } } : {}),
              },
            });
        }
      } else if (send.state === 'answered' && (send.participateAfter ?? 0) <= now) {
        await queueMutation(db, 'survey.participate', { surveyId: send.surveyId });
        await db.transaction('rw', db.surveySends, db.surveyTokens, async () => {
          // Nothing of the answer stays: only that it was answered.
          const { participateAfter: _after, problem: _problem, ...kept } = send;
          await db.surveySends.put({ ...kept, state: 'participated', answers: {} });
          // The device keeps only "answered" once both are acknowledged: the token goes.
          await db.surveyTokens.delete(send.surveyId);
        });
      }
    }
  };
  const locks = globalThis.navigator?.locks;
  if (locks) await locks.request('survey-work', run);
  else await run();
}

async function orgIdOf(db: AppDb): Promise<string> {
  const { readSession } = await import('../../db/session');
  return (await readSession(db))?.orgId ?? '';
}
