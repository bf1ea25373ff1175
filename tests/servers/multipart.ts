// A strict multipart/form-data reader for the upload routes, keeping each part's own headers so
// tests can check what a client really sent (field names like `image[]`, file names, content types).
export interface MultipartPart {
  name: string;
  filename?: string;
  contentType?: string;
  headers: Record<string, string>;
  data: Buffer;
}

const CRLF = Buffer.from('\r\n');

/** The parts of a multipart body, or undefined when the body or its boundary is malformed. */
export function parseMultipart(body: Buffer, contentType: string | undefined): MultipartPart[] | undefined {
  const boundary = /^multipart\/form-data\s*;.*?boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType ?? '');
  const value = boundary?.[1] ?? boundary?.[2];
  if (!value) return undefined;
  const delimiter = Buffer.from(`--${value}`);
  const between = Buffer.concat([CRLF, delimiter]);
  let pos = body.indexOf(delimiter);
  if (pos < 0) return undefined;
  const parts: MultipartPart[] = [];
  for (;;) {
    pos += delimiter.length;
    if (body[pos] === 0x2d && body[pos + 1] === 0x2d) return parts; // closing "--"
    if (body[pos] !== 0x0d || body[pos + 1] !== 0x0a) return undefined;
    pos += 2;
    const headerEnd = body.indexOf('\r\n\r\n', pos);
    if (headerEnd < 0) return undefined;
    const headers: Record<string, string> = {};
    for (const line of body.subarray(pos, headerEnd).toString('utf8').split('\r\n')) {
      const colon = line.indexOf(':');
      if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
    }
    const next = body.indexOf(between, headerEnd + 4);
    if (next < 0) return undefined;
    const disposition = headers['content-disposition'] ?? '';
    const name = /(?:^|;)\s*name="([^"]*)"/i.exec(disposition)?.[1];
    if (name === undefined) return undefined;
    const filename = /(?:^|;)\s*filename="([^"]*)"/i.exec(disposition)?.[1];
    parts.push({
      name,
      ...(filename !== undefined ? { filename } : {}),
      ...(headers['content-type'] ? { contentType: headers['content-type'] } : {}),
      headers,
      data: body.subarray(headerEnd + 4, next),
    });
    pos = next + CRLF.length;
  }
}

/** Text fields of a multipart body (files left out), last value wins. */
export function textFields(parts: readonly MultipartPart[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const part of parts) if (part.filename === undefined) fields[part.name] = part.data.toString('utf8');
  return fields;
}
