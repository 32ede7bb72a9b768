import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A secret to look for, by the bytes it would have if written down. */
export interface SecretNeedle {
  label: string;
  bytes: Buffer;
}

/** One needle per secret value: `{label: 'access token 0', bytes}` for `{'access token': [...]}`. */
export function secretNeedles(secrets: Record<string, readonly string[]>): SecretNeedle[] {
  return Object.entries(secrets).flatMap(([kind, values]) =>
    values.map((value, i) => ({ label: values.length > 1 ? `${kind} ${i}` : kind, bytes: Buffer.from(value) })),
  );
}

/** A sealing key in every encoding it could leak in: raw bytes, base64 and hex. */
export function keyNeedles(key: Buffer): SecretNeedle[] {
  return [
    { label: 'key (raw bytes)', bytes: key },
    { label: 'key (base64)', bytes: Buffer.from(key.toString('base64')) },
    { label: 'key (hex)', bytes: Buffer.from(key.toString('hex')) },
  ];
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

/** Which needles occur in which files, every byte of every file under `dir`. */
export function scanFiles(dir: string, needles: readonly SecretNeedle[]): { files: number; bytes: number; found: string[] } {
  const found: string[] = [];
  let bytes = 0;
  const files = filesUnder(dir);
  for (const file of files) {
    const content = readFileSync(file);
    bytes += content.length;
    for (const needle of needles) if (content.includes(needle.bytes)) found.push(`${needle.label} in ${file.slice(dir.length + 1)}`);
  }
  return { files: files.length, bytes, found };
}

/** The labels of the needles that occur in `text` (a log, a dump, serialized events). */
export function scanText(text: string, needles: readonly SecretNeedle[]): string[] {
  const content = Buffer.from(text);
  return needles.filter((needle) => content.includes(needle.bytes)).map((needle) => needle.label);
}
