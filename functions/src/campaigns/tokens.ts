/**
 * Answer tokens for anonymous campaigns: RFC 9474 blind RSA (RSABSSA-SHA384-PSS-Randomized) from
 * @cloudflare/blindrsa-ts, one key per campaign, made at opening. The device makes a random token,
 * blinds it, and has the blinded message signed while signed in (once per person per campaign);
 * it unblinds the signature and later sends token and signature without its ID token. The server
 * verifies the signature with the campaign's key, so it knows the token came from one of the
 * audience, but not from whom: blinding hides the token from the signer.
 */
import { createHash, webcrypto } from 'node:crypto';
import { RSABSSA } from '@cloudflare/blindrsa-ts';

const suite = () => RSABSSA.SHA384.PSS.Randomized();
const { subtle } = webcrypto;
const ALG = { name: 'RSA-PSS', hash: 'SHA-384' } as const;

export interface CampaignKey {
  /** PKCS#8 of the private key, base64url: kept on the server only. */
  privateKey: string;
  /** SPKI of the public key, base64url: sent to the devices with the campaign. */
  publicKey: string;
}

export const b64u = {
  encode: (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64url'),
  decode: (text: string): Uint8Array<ArrayBuffer> => new Uint8Array(Buffer.from(text, 'base64url')),
};

export async function makeCampaignKey(): Promise<CampaignKey> {
  const pair = await suite().generateKey({ modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]) });
  const priv = new Uint8Array(await subtle.exportKey('pkcs8', pair.privateKey as webcrypto.CryptoKey));
  const pub = new Uint8Array(await subtle.exportKey('spki', pair.publicKey as webcrypto.CryptoKey));
  return { privateKey: b64u.encode(priv), publicKey: b64u.encode(pub) };
}

async function importPrivate(key: CampaignKey): Promise<CryptoKey> {
  return (await subtle.importKey('pkcs8', b64u.decode(key.privateKey), ALG, true, ['sign'])) as CryptoKey;
}

export async function importPublic(publicKey: string): Promise<CryptoKey> {
  return (await subtle.importKey('spki', b64u.decode(publicKey), ALG, true, ['verify'])) as CryptoKey;
}

/** Signs a blinded message (the signer learns nothing of the token). */
export async function blindSign(key: CampaignKey, blinded: Uint8Array): Promise<Uint8Array> {
  return suite().blindSign(await importPrivate(key), blinded);
}

/** True when `signature` is the campaign key's signature of `token`. */
export async function verifyToken(publicKey: string, token: Uint8Array, signature: Uint8Array): Promise<boolean> {
  try {
    return await suite().verify(await importPublic(publicKey), signature, token);
  } catch {
    return false;
  }
}

/** What the server keeps of a spent token: its hash (the token itself is never stored). */
export function tokenId(token: Uint8Array): string {
  return createHash('sha256').update(token).digest('base64url');
}

/** What the server keeps of a signed blinded message: its hash, so the same request is answered again. */
export function blindedId(blinded: Uint8Array): string {
  return createHash('sha256').update(blinded).digest('base64url');
}

/**
 * The device's side, here for tests and tools (the device has its own in src/features/surveys,
 * on the browser's WebCrypto): a fresh token, blinded; then the finalized signature.
 */
export async function clientToken(publicKey: string): Promise<{
  token: Uint8Array;
  blinded: Uint8Array;
  finalize(blindSignature: Uint8Array): Promise<Uint8Array>;
}> {
  const pk = await importPublic(publicKey);
  const token = webcrypto.getRandomValues(new Uint8Array(32));
  const s = suite();
  const prepared = s.prepare(token);
  const { blindedMsg, inv } = await s.blind(pk, prepared);
  return {
    token: prepared,
    blinded: blindedMsg,
    finalize: (sig) => s.finalize(pk, prepared, sig, inv),
  };
}
