import { chunkText, type ChunkText } from '../domain/directory-codec';
import type { InlineChunk } from '../domain/protocol';

/**
 * The first chunk that came inside a snapshot answer (InlineChunk), as the chunk endpoint's bytes
 * would give it: base64 to gzip to text, structure-checked like a downloaded one.
 */
export async function inflateInlineChunk(chunk: InlineChunk): Promise<ChunkText> {
  const binary = atob(chunk.gzip);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
  return chunkText(await new Response(stream).text());
}
