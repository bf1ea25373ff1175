import { say } from '../../../shared/core-messages';
import { HolstError } from '../../../shared/errors';
import type { ImageLibrary, IngestMeta, IngestResult } from '../library/image-library';
import { typedBody, type ProviderHttp } from '../net/provider-http';
import type { ImageRef } from './types';

/**
 * Saves one returned image into the library at once (provider URLs expire): bytes are streamed
 * from the provider straight into the library's atomic ingest, which checks magic bytes, hashes
 * and caps the size. A failed or cancelled download stores nothing.
 */
export async function saveImageRef(
  library: ImageLibrary,
  http: ProviderHttp,
  ref: ImageRef,
  meta: IngestMeta,
  signal?: AbortSignal,
): Promise<IngestResult> {
  const withPrompt = ref.revisedPrompt ? { ...meta, revisedPrompt: ref.revisedPrompt } : meta;
  if (ref.kind === 'bytes') return library.ingest({ bytes: ref.bytes }, withPrompt, signal);
  if (!/^https?:\/\//i.test(ref.url)) throw HolstError.said('invalid_response', say('imageDownloadNotHttp', {}));
  const response = await http.request(ref.url, {
    what: 'the image download',
    ...(ref.headers ? { headers: ref.headers } : {}),
    ...(signal ? { signal } : {}),
  });
  try {
    const stream = typedBody(response.body, { providerName: http.providerName, what: 'the image download', signal });
    return await library.ingest({ stream }, withPrompt, signal);
  } catch (error) {
    response.body.destroy();
    if (error instanceof HolstError && error.code === 'no_image') {
      throw HolstError.said('no_image', say('imageNotSaved', { reason: error.message }), { cause: error });
    }
    throw error;
  }
}
