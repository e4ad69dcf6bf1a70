// Base44 clients created with `requiresAuth: false` whose client (followed through variables,
// re-exports such as `src/api/entities.js`, and imports) is used somewhere in the workspace to
// create, change or delete entity records. The finding sits on the `requiresAuth: false` property.

import ts from 'typescript';
import { CALL } from '../../refs';
import type { CheckFile, CheckHit, LinkedCheck } from '../registry';
import { CallerWorkspace, FileModel, unwrap } from './model';

const WRITE_OPS = new Set([
  'create',
  'bulkCreate',
  'update',
  'updateMany',
  'bulkUpdate',
  'delete',
  'deleteMany',
  'upsert',
  'importEntities',
]);

interface OpenClient {
  model: FileModel;
  call: ts.CallExpression;
  flag: ts.PropertyAssignment;
  writes: Write[];
}

export const requiresAuthCheck: LinkedCheck = {
  name: 'base44-requires-auth-false-with-writes',
  scope: 'linked',
  // Runs on the file that creates the client; the writes it looks for may be anywhere, so it
  // reads every file (and re-runs when any of them changes).
  prefilter: /requiresAuth/,
  hints: [{ text: 'requiresAuth' }],
  readsTreeOf: (facts) => facts.sites.some((site) => isWrite(site.ref.path)),
  run(file, view) {
    const ws = CallerWorkspace.of(view);
    const clients = findOpenClients(ws, file);
    if (clients.length === 0) return [];
    // Every file's writes, by the client they come from, are the same whichever client file is being
    // checked (a workspace can hold several): worked out once per state of the workspace.
    const files = ws.jsFiles(); // (listing every file also makes the result depend on all of them)
    let byOrigin = view.shared.get('requiresAuth:writes') as Map<string, Write[]> | undefined;
    if (!byOrigin) view.shared.set('requiresAuth:writes', (byOrigin = writesByOrigin(ws, files)));
    for (const c of clients) c.writes.push(...(byOrigin.get(originKey(c.model.file, c.call)) ?? []));
    const hits: CheckHit[] = [];
    for (const c of clients) {
      if (c.writes.length === 0) continue;
      const first = c.writes[0];
      const sf = c.model.sourceFile;
      hits.push({
        span: { start: c.flag.getStart(sf), end: c.flag.getEnd() },
        vars: { op: first.op, where: `${first.file}:${first.line}`, count: String(c.writes.length) },
      });
    }
    return hits;
  },
};

function isCreateClient(call: ts.CallExpression, model: FileModel): boolean {
  const ref = model.refAt(call);
  return (
    ref?.root.kind === 'module' &&
    ref.root.module === '@base44/sdk' &&
    ref.path.length === 2 &&
    ref.path[0] === 'createClient' &&
    ref.path[1] === CALL
  );
}

/** `createClient({ …, requiresAuth: false })` calls of the Base44 SDK in one file. */
function findOpenClients(ws: CallerWorkspace, f: CheckFile): OpenClient[] {
  const out: OpenClient[] = [];
  const sites = (f.facts?.sites ?? []).filter(
    (s) =>
      s.ref.root.kind === 'module' &&
      s.ref.root.module === '@base44/sdk' &&
      s.ref.path[0] === 'createClient' &&
      s.ref.path.length === 2,
  );
  if (sites.length === 0) return out;
  const model = ws.model(f.file)!;
  for (const site of sites) {
    const call = model.nodeAt(site.start, site.end);
    if (!call || !ts.isCallExpression(call) || !isCreateClient(call, model)) continue;
    const config = call.arguments[0] && unwrap(call.arguments[0]);
    if (!config || !ts.isObjectLiteralExpression(config)) continue;
    const flag = config.properties.find(
      (p): p is ts.PropertyAssignment =>
        ts.isPropertyAssignment(p) &&
        p.name.getText(model.sourceFile).replace(/['"]/g, '') === 'requiresAuth' &&
        p.initializer.kind === ts.SyntaxKind.FalseKeyword,
    );
    if (flag) out.push({ model, call, flag, writes: [] });
  }
  return out;
}

interface Write {
  file: string;
  line: number;
  op: string;
  /** The `createClient(…)` call the writing client comes from (see originKey). */
  origin: string;
}

/** A call by file and position (trees are re-parsed now and then; positions stay). */
function originKey(file: string, call: ts.CallExpression): string {
  return `${file}:${call.pos}`;
}

function writesByOrigin(ws: CallerWorkspace, files: CheckFile[]): Map<string, Write[]> {
  const out = new Map<string, Write[]>();
  for (const f of files) {
    for (const w of collectWrites(ws, f.file)) {
      const list = out.get(w.origin);
      if (list) list.push(w);
      else out.set(w.origin, [w]);
    }
  }
  return out;
}

/** A call that ends in `.<op>()` for a write op (resolution only changes the root end of a path). */
function isWrite(path: string[]): boolean {
  return path[path.length - 1] === CALL && WRITE_OPS.has(path[path.length - 2]);
}

/** Entity writes in one file whose client comes from a Base44 `createClient(…)` call. */
function collectWrites(ws: CallerWorkspace, file: string): Write[] {
  const out: Write[] = [];
  const facts = ws.facts(file);
  if (!facts) return out;
  let model: FileModel | undefined;
  for (const site of facts.sites) {
    if (!isWrite(site.ref.path)) continue;
    const ref = ws.resolve(file, site.ref);
    if (!ref || ref.root.kind !== 'module' || ref.root.module !== '@base44/sdk') continue;
    const p = ref.path;
    if (
      p.length !== 6 ||
      p[0] !== 'createClient' ||
      p[1] !== CALL ||
      p[2] !== 'entities' ||
      !WRITE_OPS.has(p[4]) ||
      p[5] !== CALL
    )
      continue;
    model ??= ws.model(file)!;
    const node = model.nodeAt(site.start, site.end);
    const origin = node && clientOrigin(node, model, 0);
    if (origin) out.push({ file, line: model.line(node), op: `${p[3]}.${p[4]}()`, origin });
  }
  return out;
}

/** The `createClient(…)` call a client expression comes from (as originKey), following variables and imports. */
function clientOrigin(expr: ts.Expression, model: FileModel, depth: number): string | undefined {
  if (depth > 8) return undefined;
  const e = unwrap(expr);
  if (ts.isCallExpression(e))
    return isCreateClient(e, model) ? originKey(model.file, e) : clientOrigin(e.expression, model, depth + 1);
  if (ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e)) {
    if (ts.isPropertyAccessExpression(e) && ts.isIdentifier(e.expression)) {
      const ns = model.importOf(e.expression);
      if (ns?.name === '*') return fromImport(model, ns.spec, e.name.text, depth);
    }
    return clientOrigin(e.expression, model, depth + 1);
  }
  if (!ts.isIdentifier(e)) return undefined;
  for (const value of model.valuesOf(e)) {
    const found = clientOrigin(value.expr, value.model, depth + 1);
    if (found) return found;
  }
  return undefined;
}

function fromImport(model: FileModel, spec: string, name: string, depth: number): string | undefined {
  const target = model.importTarget(spec);
  const value = target?.exportedValue(name);
  return value && clientOrigin(value.expr, value.model, depth + 1);
}
