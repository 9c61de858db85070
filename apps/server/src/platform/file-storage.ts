import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { mkdir, open, readdir, rename, stat, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';

/**
 * File contents, addressed by their SHA-256: the same bytes uploaded twice are stored once, and a name
 * can never point at other bytes. Metadata (names, owners, links to dossiers) lives in the database;
 * this only keeps bytes. Small on purpose, so an S3-compatible implementation can sit behind it.
 *
 * `put` only stages: the bytes become visible under their hash when the caller `keep`s them, which it
 * does once it holds its database lock on that hash. A refused or failed upload is `discard`ed and
 * leaves nothing behind, and a clean-up deleting the same content cannot slip in between.
 */
export interface StoredContent {
  /** Lowercase hex. */
  readonly sha256: string;
  /** Bytes. */
  readonly size: number;
}

export interface StagedContent extends StoredContent {
  /** Makes the bytes readable under `sha256` (replacing identical bytes already there). */
  keep(): Promise<void>;
  /** Forgets the staged bytes; harmless after `keep` or a second time. */
  discard(): Promise<void>;
}

export interface FileStorage {
  /**
   * Streams `content` into a staging area, hashing it on the way. Beyond `maxBytes` it stops reading,
   * removes what it wrote and throws `ContentTooLargeError`; a failing source leaves nothing either.
   */
  put(content: AsyncIterable<Uint8Array>, options?: { maxBytes?: number }): Promise<StagedContent>;
  /** The bytes, or null when there are none under this hash. */
  get(sha256: string): Promise<Readable | null>;
  exists(sha256: string): Promise<boolean>;
  /** Removes the bytes; nothing happens when they are already gone. */
  delete(sha256: string): Promise<void>;
  /** Removes staged bytes older than `before` (uploads cut off by a crash). Returns how many. */
  removeStaleStaging(before: Date): Promise<number>;
}

export class ContentTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`content exceeds ${maxBytes} bytes`);
  }
}

const sha256Pattern = /^[0-9a-f]{64}$/;

/**
 * Bytes under `root/ab/cd/<sha256>` (the first two pairs of hex digits, so no directory holds more than
 * 65,536 entries of the next level); staging in `root/tmp`, on the same file system so that `keep` is
 * an atomic rename. Several processes may share `root`.
 */
export function localFileStorage(root: string): FileStorage {
  const staging = join(root, 'tmp');
  mkdirSync(staging, { recursive: true });
  const pathOf = (sha256: string) => {
    if (!sha256Pattern.test(sha256)) throw new Error(`not a SHA-256: ${sha256}`);
    return join(root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  };

  return {
    async put(content, options = {}) {
      const maxBytes = options.maxBytes ?? Number.POSITIVE_INFINITY;
      const tmp = join(staging, randomUUID());
      const hash = createHash('sha256');
      let size = 0;
      const handle = await open(tmp, 'wx', 0o640);
      try {
        for await (const chunk of content) {
          size += chunk.byteLength;
          if (size > maxBytes) throw new ContentTooLargeError(maxBytes);
          hash.update(chunk);
          await handle.write(chunk);
        }
        // On disk before the database row that names it can commit.
        await handle.sync();
      } catch (error) {
        await handle.close().catch(() => undefined);
        await unlink(tmp).catch(() => undefined);
        throw error;
      }
      await handle.close();
      const sha256 = hash.digest('hex');
      let staged = true;
      return {
        sha256,
        size,
        async keep() {
          const target = pathOf(sha256);
          await mkdir(dirname(target), { recursive: true });
          await rename(tmp, target);
          staged = false;
        },
        async discard() {
          if (!staged) return;
          staged = false;
          await unlink(tmp).catch(() => undefined);
        },
      };
    },

    async get(sha256) {
      try {
        const handle = await open(pathOf(sha256), 'r');
        return handle.createReadStream();
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
    },

    async exists(sha256) {
      try {
        return (await stat(pathOf(sha256))).isFile();
      } catch (error) {
        if (isMissing(error)) return false;
        throw error;
      }
    },

    async delete(sha256) {
      await unlink(pathOf(sha256)).catch((error: unknown) => {
        if (!isMissing(error)) throw error;
      });
    },

    async removeStaleStaging(before) {
      let removed = 0;
      for (const name of await readdir(staging)) {
        const path = join(staging, name);
        try {
          if ((await stat(path)).mtime < before) {
            await unlink(path);
            removed++;
          }
        } catch (error) {
          if (!isMissing(error)) throw error; // kept or discarded meanwhile
        }
      }
      return removed;
    },
  };
}

function isMissing(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'ENOENT';
}
