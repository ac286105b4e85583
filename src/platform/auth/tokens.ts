/** Random tokens and their stored hashes (only the SHA-256 of a token is ever stored). */
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import { randomBytes } from 'node:crypto';

export const newToken = (): string => encodeBase32LowerCaseNoPadding(randomBytes(25));
export const hashToken = (token: string): string => encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
