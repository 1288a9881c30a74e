import { randomBytes, randomInt, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

// Passwords are kept as scrypt hashes in the PHC string format
// ($scrypt$ln=17,r=8,p=1$<salt>$<hash>, base64 without padding), so the parameters travel
// with each hash and can be raised later without breaking the hashes already stored.

/** OWASP's scrypt setting: N = 2^17, r = 8, p = 1, which takes 128 MiB and ~0.2 s per hash. */
export const SCRYPT_PARAMS = { ln: 17, r: 8, p: 1 } as const;
type Params = { ln: number; r: number; p: number };

const SALT_BYTES = 16;
const HASH_BYTES = 32;
/** Bounds on a stored hash's parameters: a damaged row must not make the server allocate gigabytes. */
const MAX_LN = 20;
const MAX_R = 16;
const MAX_P = 4;

const PHC = /^\$scrypt\$ln=(\d{1,2}),r=(\d{1,2}),p=(\d)\$([A-Za-z0-9+/]+)={0,2}\$([A-Za-z0-9+/]+)={0,2}$/;

// Each hash holds 128·N·r bytes for its duration, and Node runs four at once on libuv's
// threads: a burst of sign-ins must not take half a gigabyte, so two at a time, the rest queue.
const MAX_CONCURRENT = 2;
let running = 0;
const queue: (() => void)[] = [];

async function limited<T>(work: () => Promise<T>): Promise<T> {
	if (running < MAX_CONCURRENT) running++;
	else await new Promise<void>((start) => queue.push(start)); // the finisher hands its slot over
	try {
		return await work();
	} finally {
		const next = queue.shift();
		if (next) next();
		else running--;
	}
}

function derive(password: string, salt: Buffer, { ln, r, p }: Params, length: number): Promise<Buffer> {
	const N = 2 ** ln;
	// Node refuses above maxmem (32 MiB by default); scrypt needs about 128·N·r bytes.
	const options: ScryptOptions = { N, r, p, maxmem: 256 * N * r };
	return limited(
		() => new Promise((resolve, reject) => scrypt(password.normalize('NFC'), salt, length, options, (error, key) => (error ? reject(error) : resolve(key))))
	);
}

const b64 = (bytes: Buffer) => bytes.toString('base64').replace(/=+$/, '');

/** A new PHC string for `password`, with a fresh random salt. */
export async function hashPassword(password: string, params: Params = SCRYPT_PARAMS): Promise<string> {
	const salt = randomBytes(SALT_BYTES);
	const hash = await derive(password, salt, params, HASH_BYTES);
	return `$scrypt$ln=${params.ln},r=${params.r},p=${params.p}$${b64(salt)}$${b64(hash)}`;
}

function parse(stored: string): { params: Params; salt: Buffer; hash: Buffer } | null {
	const match = PHC.exec(stored);
	if (!match) return null;
	const [ln, r, p] = [match[1], match[2], match[3]].map(Number);
	if (ln < 1 || ln > MAX_LN || r < 1 || r > MAX_R || p < 1 || p > MAX_P) return null;
	const salt = Buffer.from(match[4], 'base64');
	const hash = Buffer.from(match[5], 'base64');
	// scrypt's shorter outputs are prefixes of its longer ones: a cut hash must not pass as a weaker one.
	if (hash.length !== HASH_BYTES || salt.length < SALT_BYTES) return null;
	return { params: { ln, r, p }, salt, hash };
}

// Stands in for the hash of an account that does not exist, so that a wrong address takes
// as long to refuse as a wrong password and the timing does not say which addresses exist.
const DUMMY = { params: SCRYPT_PARAMS, salt: randomBytes(SALT_BYTES), hash: randomBytes(HASH_BYTES) };

/**
 * Whether `password` matches the PHC string `stored`, with the parameters it was made with.
 * Without a usable stored hash (no such account) it does the same work and answers false.
 */
export async function verifyPassword(password: string, stored: string | null | undefined): Promise<boolean> {
	const parsed = stored ? parse(stored) : null;
	const { params, salt, hash } = parsed ?? DUMMY;
	const candidate = await derive(password, salt, params, hash.length);
	return timingSafeEqual(candidate, hash) && parsed !== null;
}

// No 0/O, 1/l/I: a generated password is read off a screen and typed in by hand.
const ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A random password to be shown once: four groups of four (about 92 bits). */
export function generatePassword(): string {
	const groups = Array.from({ length: 4 }, () => Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join(''));
	return groups.join('-');
}
