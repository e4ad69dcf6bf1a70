// NestJS controllers: each method of a `@Controller()` class decorated `@Get()`, `@Post()`, … is a
// public route. Nest runs guards before the method: `@UseGuards(…)` on the method or its class, or a
// guard registered for the whole app (`{ provide: APP_GUARD, … }` in a module, `app.useGlobalGuards`
// in the bootstrap file). Any of these counts as the route's authentication, as route middleware does
// for Express.

import ts from 'typescript';
import { Fn, FileModel } from './model';

const ROUTE_DECORATORS = new Set(['Get', 'Post', 'Put', 'Patch', 'Delete', 'All']);
/** Text a controller file holds: a cheap test before parsing. */
export const NEST_ROUTE_TEXT = /@Controller\s*\(/;
/** Text of a guard registered for every route of the app. */
const GLOBAL_GUARD = /\bAPP_GUARD\b|\.useGlobalGuards\s*\(/;

export interface NestRoute {
  fn: Fn;
  /** The route decorator: where the public URL is declared, and where a guard belongs. */
  decorator: ts.Decorator;
  guarded: boolean;
}

/** The routes of this file's controllers, with whether a guard covers each. */
export function nestRoutes(model: FileModel): NestRoute[] {
  if (!NEST_ROUTE_TEXT.test(model.text)) return [];
  const out: NestRoute[] = [];
  let globalGuard: boolean | undefined;
  for (const stmt of model.sourceFile.statements) {
    if (!ts.isClassDeclaration(stmt) || !decoratorNamed(stmt, 'Controller')) continue;
    const classGuarded = !!decoratorNamed(stmt, 'UseGuards');
    for (const member of stmt.members) {
      if (!ts.isMethodDeclaration(member) || !member.body) continue;
      const decorator = routeDecorator(member);
      if (!decorator) continue;
      // Read every file only for an unguarded route: the answer then depends on all of them.
      globalGuard ??= classGuarded ? false : model.ws.anyFileText(GLOBAL_GUARD);
      const guarded = classGuarded || !!decoratorNamed(member, 'UseGuards') || globalGuard;
      out.push({ fn: member, decorator, guarded });
    }
  }
  return out;
}

function routeDecorator(method: ts.MethodDeclaration): ts.Decorator | undefined {
  return ts.getDecorators(method)?.find((d) => ROUTE_DECORATORS.has(decoratorName(d) ?? ''));
}

function decoratorNamed(node: ts.HasDecorators, name: string): ts.Decorator | undefined {
  return ts.getDecorators(node)?.find((d) => decoratorName(d) === name);
}

/** `@Get(':id')` → 'Get'; `@common.Get()` → 'Get'. */
function decoratorName(d: ts.Decorator): string | undefined {
  const e = ts.isCallExpression(d.expression) ? d.expression.expression : d.expression;
  if (ts.isIdentifier(e)) return e.text;
  if (ts.isPropertyAccessExpression(e)) return e.name.text;
  return undefined;
}
