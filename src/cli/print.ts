/** A result on stdout: the object as one JSON line with --json, the text otherwise. */
export function printResult(json: boolean, value: unknown, text: string, stdout: NodeJS.WritableStream = process.stdout): void {
  stdout.write(json ? `${JSON.stringify(value)}\n` : text.endsWith('\n') ? text : `${text}\n`);
}
