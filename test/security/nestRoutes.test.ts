// NestJS controller routes as public entry points (checks/caller/nest.ts): a route is open unless a
// guard covers it, on the method, on its class, or for the whole app. Each test scans a small
// in-memory workspace of a controller and the service it injects.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { scanTexts } from '../../server/src/engine/audit';
import { builtinRulesDir } from '../../server/src/engine/rules/builtin';
import { loadRules } from '../../server/src/engine/rules/load';

const rulesDir = builtinRulesDir();
const ruleSet = loadRules([rulesDir], rulesDir);
const RULE = 'firebase/admin-without-verify-id-token';

const service = [
  "import { Injectable } from '@nestjs/common';",
  "import { getFirestore } from 'firebase-admin/firestore';",
  '@Injectable()',
  'export class NotesService {',
  '  async remove(id: string) {',
  "    await getFirestore().collection('notes').doc(id).delete();",
  '  }',
  '}',
].join('\n');

const controller = (classDecorator = '') => [
  "import { Controller, Delete, Param, UseGuards } from '@nestjs/common';",
  "import { NotesService } from './notes.service';",
  classDecorator,
  "@Controller('notes')",
  'export class NotesController {',
  '  constructor(private readonly notes: NotesService) {}',
  "  @Delete(':id')",
  "  async drop(@Param('id') id: string) {",
  '    await this.notes.remove(id);',
  '  }',
  '}',
].join('\n');

function findings(files: Record<string, string>): string[] {
  const { state } = scanTexts(new Map(Object.entries(files)), ruleSet);
  return state.allFindings().filter((f) => f.ruleId === RULE).map((f) => `${f.file}:${f.line}`);
}

describe('NestJS controller routes', () => {
  it('reports an unguarded route on its decorator, through the injected service', () => {
    const found = findings({ 'src/notes.service.ts': service, 'src/notes.controller.ts': controller() });
    assert.deepEqual(found, ['src/notes.controller.ts:7']);
  });

  it('is quiet under a class guard', () => {
    const guarded = controller('@UseGuards(SignedInGuard)');
    assert.deepEqual(findings({ 'src/notes.service.ts': service, 'src/notes.controller.ts': guarded }), []);
  });

  it('is quiet when a guard is registered for the whole app (APP_GUARD or useGlobalGuards)', () => {
    const appModule = [
      "import { Module } from '@nestjs/common';",
      "import { APP_GUARD } from '@nestjs/core';",
      '@Module({ providers: [{ provide: APP_GUARD, useClass: SignedInGuard }] })',
      'export class AppModule {}',
    ].join('\n');
    const main = 'const app = await NestFactory.create(AppModule);\napp.useGlobalGuards(new SignedInGuard());\n';
    const base = { 'src/notes.service.ts': service, 'src/notes.controller.ts': controller() };
    assert.deepEqual(findings({ ...base, 'src/app.module.ts': appModule }), []);
    assert.deepEqual(findings({ ...base, 'src/main.ts': main }), []);
  });
});
