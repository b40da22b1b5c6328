/**
 * The API's hot reads (the session check on every request, the public review list) on one
 * read-only connection of the raw native driver (`libsql`, the library @libsql/client itself
 * loads, so SQLite's per-process file locks stay consistent).
 *
 * @libsql/client prepares every statement again on each call and wraps each row in objects, which
 * made a session lookup cost several times a whole bare HTTP answer. So a store builds each read
 * once, with drizzle, and `prepareRead` runs it either way: through drizzle on the main client
 * (remote databases), or here as one statement prepared once, whose rows are mapped by the
 * selection's own keys and column decoders. The mapping is compiled once per query and checked,
 * column by column, against what the statement says it returns. (drizzle's own per-row mapping,
 * tried first, cost about 0.4 µs a row: 10% of the rate of a 50-review page, measured against the
 * hand-written reader in one run; this costs 2–3%.)
 */
import { fileURLToPath } from 'node:url';
import { Column, fillPlaceholders, getTableName, is, Placeholder, SQL } from 'drizzle-orm';
import Libsql from 'libsql';
import { BUSY_TIMEOUT_MS, isLocalUrl } from './client.ts';

/** A select built with drizzle on the main client, e.g. `db.select({…}).from(…).where(…)`. */
export interface BuiltRead<R> {
	prepare(): PreparedRead<R>;
	toSQL(): { sql: string; params: unknown[] };
	readonly _: { readonly selectedFields: unknown };
}

export interface PreparedRead<R> {
	all(values?: Record<string, unknown>): Promise<R[]>;
	get(values?: Record<string, unknown>): Promise<R | undefined>;
}

export interface ReadConnection {
	/** `read` as one statement prepared on this connection; see `prepareRead`. */
	prepare<R>(read: BuiltRead<R>): PreparedRead<R>;
	close(): void;
}

type Decode = (value: unknown) => unknown;

/** drizzle keeps an expression's `.mapWith()` decoder on the SQL object, as its own mapping reads it. */
function sqlDecoder(expression: SQL): Decode {
	const { decoder } = expression as unknown as { decoder: { mapFromDriverValue: Decode } };
	return (value) => decoder.mapFromDriverValue(value);
}

function decoderOf(key: string, field: unknown): Decode {
	if (is(field, Column)) return (value) => field.mapFromDriverValue(value);
	if (is(field, SQL)) return sqlDecoder(field);
	if (is(field, SQL.Aliased)) return sqlDecoder(field.sql);
	throw new Error(
		`The read connection maps flat selections of columns and SQL only; '${key}' is not`,
	);
}

/**
 * One row mapper per query: the selection's keys in drizzle's column order, each checked against
 * the statement's own description of the column it returns there.
 */
function rowMapper(
	selection: unknown,
	columns: Libsql.ColumnDefinition[],
	sql: string,
): (row: unknown[]) => unknown {
	const fields = Object.entries(selection as Record<string, unknown>);
	if (fields.length !== columns.length) {
		throw new Error(
			`${fields.length} fields selected but the statement returns ${columns.length}: ${sql}`,
		);
	}
	const keys = fields.map(([key]) => key);
	const decoders = fields.map(([key, field], index) => {
		const column = columns[index];
		if (
			is(field, Column) &&
			(column?.column !== field.name || column.table !== getTableName(field.table))
		) {
			throw new Error(
				`'${key}' selects ${getTableName(field.table)}.${field.name} but the statement returns ` +
					`${column?.table}.${column?.column} in its place: ${sql}`,
			);
		}
		return decoderOf(key, field);
	});
	return (row) => {
		const mapped: Record<string, unknown> = {};
		for (let index = 0; index < keys.length; index += 1) {
			const value = row[index];
			mapped[keys[index] as string] = value === null ? null : (decoders[index] as Decode)(value);
		}
		return mapped;
	};
}

/**
 * The statement's bound values for a call. Plain placeholders (all the hot reads have) are looked
 * up by name directly; anything else goes through drizzle's own filling.
 */
function binder(params: unknown[]): (values: Record<string, unknown>) => unknown[] {
	if (!params.every((param) => is(param, Placeholder))) {
		return (values) => fillPlaceholders(params, values);
	}
	const names = (params as Placeholder[]).map((param) => param.name);
	return (values) =>
		names.map((name) => {
			if (!(name in values)) throw new Error(`No value for placeholder "${name}"`);
			return values[name];
		});
}

function databasePath(url: string): string {
	if (url.startsWith('file://')) return fileURLToPath(url);
	return url.replace(/^file:/, '');
}

/** A read connection for an embedded database file, or null for remote and in-memory databases. */
export function openReadConnection(databaseUrl: string): ReadConnection | null {
	if (!isLocalUrl(databaseUrl) || databaseUrl === ':memory:' || databaseUrl === 'file::memory:') {
		return null;
	}
	const connection = new Libsql(databasePath(databaseUrl), { timeout: BUSY_TIMEOUT_MS });
	// This connection only ever reads; make that a property of the connection, not a promise.
	connection.exec('PRAGMA query_only = ON');
	return {
		prepare<R>(read: BuiltRead<R>): PreparedRead<R> {
			const { sql, params } = read.toSQL();
			const statement = connection.prepare(sql).raw(true);
			const map = rowMapper(read._.selectedFields, statement.columns(), sql) as (
				row: unknown[],
			) => R;
			const bind = binder(params);
			return {
				async all(values = {}) {
					return (statement.all(...bind(values)) as unknown[][]).map(map);
				},
				async get(values = {}) {
					const row = statement.get(...bind(values)) as unknown[] | undefined;
					return row === undefined ? undefined : map(row);
				},
			};
		},
		close() {
			connection.close();
		},
	};
}

/**
 * Prepares a read built with drizzle on the main client: on the read connection when there is
 * one (an embedded file), else through drizzle on the client itself. Either way the same query,
 * and rows of the same shape.
 */
export function prepareRead<R>(read: BuiltRead<R>, reads: ReadConnection | null): PreparedRead<R> {
	return reads === null ? read.prepare() : reads.prepare(read);
}
