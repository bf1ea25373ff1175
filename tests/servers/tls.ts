// A private certificate authority for the reference servers, made with the openssl CLI. It mirrors
// GigaChat's setup: a root CA absent from every trust store, a sub CA, and a leaf for 127.0.0.1 /
// localhost; the server sends the whole chain, so a client without the root fails with "self-signed
// certificate in certificate chain", exactly as against the real hosts. Made once per process.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const OPENSSL = fs.existsSync('/usr/bin/openssl') ? '/usr/bin/openssl' : 'openssl';

export interface TestCa {
  /** Path of the root CA certificate (PEM): what a user would give as the provider's CA file. */
  caFile: string;
  caPem: string;
  /** The server's private key (PEM). */
  key: string;
  /** The server's certificate chain (PEM): leaf, sub CA, root. */
  cert: string;
}

let made: Promise<TestCa> | undefined;

export function makeTestCa(): Promise<TestCa> {
  made ??= create();
  return made;
}

async function create(): Promise<TestCa> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'holst-test-ca-'));
  process.once('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  const file = (name: string) => path.join(dir, name);
  const openssl = (...args: string[]) => run(OPENSSL, args, { cwd: dir });
  const ecKey = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];

  fs.writeFileSync(
    file('ext.cnf'),
    [
      '[sub_ca]',
      'basicConstraints = critical, CA:TRUE, pathlen:0',
      'keyUsage = critical, keyCertSign, cRLSign',
      'subjectKeyIdentifier = hash',
      'authorityKeyIdentifier = keyid',
      '[leaf]',
      'basicConstraints = critical, CA:FALSE',
      'keyUsage = critical, digitalSignature, keyEncipherment',
      'extendedKeyUsage = serverAuth',
      'subjectAltName = IP:127.0.0.1, DNS:localhost',
      'subjectKeyIdentifier = hash',
      'authorityKeyIdentifier = keyid',
      '',
    ].join('\n'),
  );
  await openssl(
    'req',
    '-x509',
    ...ecKey,
    '-keyout',
    'root.key',
    '-out',
    'root.pem',
    '-days',
    '3650',
    '-subj',
    '/C=RU/O=Holst Test/CN=Holst Test Trusted Root CA',
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
  );
  await openssl('req', ...ecKey, '-keyout', 'sub.key', '-out', 'sub.csr', '-subj', '/C=RU/O=Holst Test/CN=Holst Test Trusted Sub CA');
  // prettier-ignore
  await openssl('x509', '-req', '-in', 'sub.csr', '-CA', 'root.pem', '-CAkey', 'root.key', '-CAcreateserial', '-out', 'sub.pem', '-days', '3650', '-extfile', 'ext.cnf', '-extensions', 'sub_ca');
  await openssl('req', ...ecKey, '-keyout', 'leaf.key', '-out', 'leaf.csr', '-subj', '/CN=127.0.0.1');
  // prettier-ignore
  await openssl('x509', '-req', '-in', 'leaf.csr', '-CA', 'sub.pem', '-CAkey', 'sub.key', '-CAcreateserial', '-out', 'leaf.pem', '-days', '825', '-extfile', 'ext.cnf', '-extensions', 'leaf');

  const read = (name: string) => fs.readFileSync(file(name), 'utf8');
  const caPem = read('root.pem');
  return { caFile: file('root.pem'), caPem, key: read('leaf.key'), cert: read('leaf.pem') + read('sub.pem') + caPem };
}
